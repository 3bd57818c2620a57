import type { DirectionExposure, ExposureReport } from '../analysis/exposure.js';
import { directionText, exposurePortsText, exposureSummary, peerText, subjectNoun } from './exposure-words.js';
import { chunked } from './formatter.js';
import type { FormatOptions } from './formatter.js';
import { markdownCell } from './quoting.js';

/**
 * `exposure -o md`: a GitHub-flavoured Markdown table (pull-request comments, job summaries),
 * one row per exposure with every cell filled, as `-o table` says it; then the summary sentence.
 * Cells are escaped so that no name can end a cell, start markup or inject HTML.
 */
export function formatExposureMarkdown(report: ExposureReport, options?: FormatOptions): Iterable<string> {
  return chunked(markdownPieces(report), options);
}

function* markdownPieces(report: ExposureReport): Generator<string, void, undefined> {
  const { noun } = subjectNoun(report);
  yield `| ${noun[0]!.toUpperCase()}${noun.slice(1)} | Direction | Peer | Ports |\n| --- | --- | --- | --- |\n`;
  for (const subject of report.subjects) {
    const id = markdownCell(subject.id);
    for (const side of [subject.ingress, subject.egress]) {
      for (const [peer, ports] of directionCells(side)) {
        yield `| ${id} | ${markdownCell(directionText(side))} | ${markdownCell(peer)} | ${markdownCell(ports)} |\n`;
      }
    }
  }
  yield `\n${exposureSummary(report).map(markdownCell).join('\\\n')}\n`;
}

function directionCells(side: DirectionExposure): (readonly [string, string])[] {
  if (side.exposures.length === 0) return [['nothing', 'none']];
  return side.exposures.map((e) => [peerText(e.peer), exposurePortsText(e.ports)] as const);
}

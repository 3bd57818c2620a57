import type { DirectionExposure, ExposureReport, SubjectExposure } from '../analysis/exposure.js';
import { chunked } from './formatter.js';
import type { FormatOptions } from './formatter.js';
import { directionText, exposurePortsText, exposureSummary, peerText, subjectNoun } from './exposure-words.js';

/** A direction that gets nothing at all (isolated, no rule lets anything through). */
const NOTHING = { peer: 'nothing', ports: 'none' } as const;

/**
 * `exposure -o table`: one row per exposure, grouped by pod or workload and then by direction
 * (cells left blank while they repeat): the peer (`entire cluster`, pods named by a rule, or
 * addresses outside) and its ports. A direction no policy protects says `(no policy)`; one that
 * gets nothing shows `nothing`. A summary sentence ends the table.
 */
export function formatExposureTable(report: ExposureReport, options?: FormatOptions): Iterable<string> {
  return chunked(tablePieces(report), options);
}

interface Row {
  readonly subject: string;
  readonly direction: string;
  readonly peer: string;
  readonly ports: string;
}

function* tablePieces(report: ExposureReport): Generator<string, void, undefined> {
  const { header } = subjectNoun(report);
  const rows = report.subjects.flatMap(subjectRows);
  const width = (pick: (r: Row) => string, title: string) => Math.max(title.length, ...rows.map((r) => pick(r).length));
  const widths = [width((r) => r.subject, header), width((r) => r.direction, 'DIRECTION'), width((r) => r.peer, 'PEER')] as const;
  const line = (cells: readonly [string, string, string, string]) =>
    `${cells[0].padEnd(widths[0])}  ${cells[1].padEnd(widths[1])}  ${cells[2].padEnd(widths[2])}  ${cells[3]}\n`;
  yield line([header, 'DIRECTION', 'PEER', 'PORTS']);
  for (const row of rows) yield line([row.subject, row.direction, row.peer, row.ports]);
  yield `\n${exposureSummary(report).join('\n')}\n`;
}

function subjectRows(subject: SubjectExposure): Row[] {
  return [...directionRows(subject.ingress), ...directionRows(subject.egress)].map((row, i) => ({
    ...row,
    subject: i === 0 ? subject.id : '',
  }));
}

function directionRows(side: DirectionExposure): Omit<Row, 'subject'>[] {
  const entries = side.exposures.length === 0 ? [NOTHING] : side.exposures.map((e) => ({ peer: peerText(e.peer), ports: exposurePortsText(e.ports) }));
  return entries.map((entry, i) => ({ direction: i === 0 ? directionText(side) : '', ...entry }));
}

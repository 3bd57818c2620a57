import type { DirectionExposure, ExposureReport, SubjectExposure } from '../analysis/exposure.js';
import { directionHead, peerDocument, portsDocument, subjectHead } from './exposure-document.js';
import { chunked } from './formatter.js';
import type { FormatOptions } from './formatter.js';

/**
 * `exposure -o json`: the report as a stable document (docs/exposure.md, "JSON"). A subject's
 * fields each on a line, each exposure on a line of its own, so that the output diffs and greps
 * well. Produced in chunks, one subject at a time.
 */
export function formatExposureJson(report: ExposureReport, options?: FormatOptions): Iterable<string> {
  return chunked(jsonPieces(report), options);
}

function* jsonPieces(report: ExposureReport): Generator<string, void, undefined> {
  yield `{\n  "level": ${JSON.stringify(report.level)},\n  "subjects": `;
  if (report.subjects.length === 0) {
    yield '[]\n}\n';
    return;
  }
  let separator = '[\n';
  for (const subject of report.subjects) {
    yield separator + subjectJson(subject);
    separator = ',\n';
  }
  yield '\n  ]\n}\n';
}

function subjectJson(subject: SubjectExposure): string {
  const head = Object.entries(subjectHead(subject)).map(([key, value]) => `      ${JSON.stringify(key)}: ${JSON.stringify(value)},\n`);
  return `    {\n${head.join('')}      "ingress": ${directionJson(subject.ingress)},\n      "egress": ${directionJson(subject.egress)}\n    }`;
}

function directionJson(side: DirectionExposure): string {
  const head = Object.entries(directionHead(side)).map(([key, value]) => `        ${JSON.stringify(key)}: ${JSON.stringify(value)},\n`);
  const exposures =
    side.exposures.length === 0
      ? '[]'
      : `[\n${side.exposures.map((e) => `          ${JSON.stringify({ peer: peerDocument(e.peer), ports: portsDocument(e.ports) })}`).join(',\n')}\n        ]`;
  return `{\n${head.join('')}        "exposures": ${exposures}\n      }`;
}

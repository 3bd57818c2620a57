import type { DirectionExposure, ExposureReport } from '../analysis/exposure.js';
import { exposurePortColumns, peerText } from './exposure-words.js';
import { chunked } from './formatter.js';
import type { FormatOptions } from './formatter.js';
import { csvField } from './quoting.js';

const HEADER = ['id', 'kind', 'direction', 'protected', 'peer_kind', 'peer', 'tcp', 'udp', 'sctp', 'named'] as const;

/**
 * `exposure -o csv` (RFC 4180, lines ending in LF as `map -o csv`): a header, then one record
 * per exposure, subjects in the report's order, ingress before egress. `peer_kind` is
 * `entire-cluster`, `representative` or `external`; a direction that gets nothing has one record
 * with `peer_kind` `none`. Ports per protocol as `80,443,8000-8080` or `all`, empty for none;
 * `named` lists named ports whose number is unknown (`TCP/http,UDP/dns`).
 */
export function formatExposureCsv(report: ExposureReport, options?: FormatOptions): Iterable<string> {
  return chunked(csvPieces(report), options);
}

function* csvPieces(report: ExposureReport): Generator<string, void, undefined> {
  yield record(HEADER);
  for (const subject of report.subjects) {
    for (const side of [subject.ingress, subject.egress]) {
      for (const cells of directionCells(side)) yield record([subject.id, subject.kind, side.direction, String(side.protected), ...cells]);
    }
  }
}

function directionCells(side: DirectionExposure): string[][] {
  if (side.exposures.length === 0) return [['none', '', '', '', '', '']];
  return side.exposures.map(({ peer, ports }) => {
    const { ranges, named } = exposurePortColumns(ports);
    return [peer.kind, peerText(peer), ...ranges, named];
  });
}

function record(cells: readonly string[]): string {
  return cells.map(csvField).join(',') + '\n';
}

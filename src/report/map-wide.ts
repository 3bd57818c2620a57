import { PROTOCOLS } from '../model/common.js';
import type { PortSet } from '../algebra/port-set.js';
import type { ConnectivityMap, MapEndpoint } from '../engine/types.js';
import { chunked } from './formatter.js';
import type { FormatOptions } from './formatter.js';
import { formatMapSummary } from './map-table.js';
import { formatPortRanges } from './ports-text.js';

const HEADER = ['FROM', 'FROM KIND', 'TO', 'TO KIND', ...PROTOCOLS] as const;

/** The cells of one row, in HEADER order. */
type Row = readonly [string, string, string, string, string, string, string];

/**
 * `map -o wide`: the table with each end's kind and one column per protocol, ports spelled out
 * per protocol (`80,443`, `all`, `-` for none). Rows in the map's order, grouped by source like the
 * table (FROM and FROM KIND blank while they repeat). Two passes: widths, then rows.
 */
export function formatMapWide(map: ConnectivityMap, options?: FormatOptions): Iterable<string> {
  return chunked(widePieces(map), options);
}

function* widePieces(map: ConnectivityMap): Generator<string, void, undefined> {
  const kinds = new Map(map.endpoints.map((endpoint) => [endpoint.id, endpoint.kind]));
  const portCells = new WeakMap<PortSet, readonly string[]>();
  const rows = function* (): Generator<Row, void, undefined> {
    let previousFrom: string | undefined;
    for (const { from, to, allow } of map.connections) {
      const repeated = from === previousFrom;
      previousFrom = from;
      let ports = portCells.get(allow);
      if (ports === undefined) portCells.set(allow, (ports = PROTOCOLS.map((p) => formatPortRanges(allow[p]) || '-')));
      const [tcp = '-', udp = '-', sctp = '-'] = ports;
      yield [repeated ? '' : from, repeated ? '' : kindOf(kinds, from), to, kindOf(kinds, to), tcp, udp, sctp];
    }
  };
  const widths = HEADER.map((cell) => cell.length);
  for (const row of rows()) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  yield line(HEADER, widths);
  for (const row of rows()) yield line(row, widths);
  yield `\n${formatMapSummary(map)}\n`;
}

/** The last cell is never padded, so no line ends in blanks (it is never empty: `-` at least). */
function line(cells: readonly string[], widths: readonly number[]): string {
  const last = cells.length - 1;
  return cells.map((cell, i) => (i === last ? cell : cell.padEnd(widths[i] ?? 0))).join('  ') + '\n';
}

function kindOf(kinds: ReadonlyMap<string, MapEndpoint['kind']>, id: string): string {
  return kinds.get(id) ?? '-';
}

import type { PortSet } from '../algebra/port-set.js';
import type { ConnectivityMap } from '../engine/types.js';
import { chunked } from './formatter.js';
import type { FormatOptions } from './formatter.js';
import { formatPortSet } from './ports-text.js';

const HEADER = ['FROM', 'TO', 'PORTS'] as const;

/**
 * The connectivity map as an aligned table, one row per connection in the map's order, grouped by
 * source: the FROM cell is left blank while it repeats. PORTS says `all` for every port of every
 * protocol. Produced in chunks: a first pass measures the columns, a second prints the rows.
 */
export function formatMapTable(map: ConnectivityMap, options?: FormatOptions): Iterable<string> {
  return chunked(tablePieces(map), options);
}

function* tablePieces(map: ConnectivityMap): Generator<string, void, undefined> {
  const [fromWidth, toWidth] = columnWidths(map);
  yield `${HEADER[0].padEnd(fromWidth)}  ${HEADER[1].padEnd(toWidth)}  ${HEADER[2]}\n`;
  const portTexts = new WeakMap<PortSet, string>();
  let previousFrom: string | undefined;
  for (const connection of map.connections) {
    const from = connection.from === previousFrom ? '' : connection.from;
    previousFrom = connection.from;
    let ports = portTexts.get(connection.allow);
    if (ports === undefined) portTexts.set(connection.allow, (ports = formatPortSet(connection.allow)));
    // PORTS, the last cell, is never padded; it is never empty ('none' at least), so no trailing blanks.
    yield `${from.padEnd(fromWidth)}  ${connection.to.padEnd(toWidth)}  ${ports}\n`;
  }
  yield `\n${formatMapSummary(map)}\n`;
}

/** `10 connections between 4 endpoints (workload level); pairs not listed allow nothing.` */
export function formatMapSummary(map: ConnectivityMap): string {
  return `${count(map.connections.length, 'connection')} between ${count(map.endpoints.length, 'endpoint')} (${map.level} level); pairs not listed allow nothing.`;
}

/** The FROM and TO columns' widths: their longest cell, header included. */
function columnWidths(map: ConnectivityMap): readonly [number, number] {
  let fromWidth = HEADER[0].length;
  let toWidth = HEADER[1].length;
  for (const { from, to } of map.connections) {
    if (from.length > fromWidth) fromWidth = from.length;
    if (to.length > toWidth) toWidth = to.length;
  }
  return [fromWidth, toWidth];
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

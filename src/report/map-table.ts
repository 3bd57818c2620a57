import type { ConnectivityMap } from '../engine/types.js';
import { formatPortSet } from './ports-text.js';

const HEADER = ['FROM', 'TO', 'PORTS'] as const;

/**
 * The connectivity map as an aligned table, one row per connection, grouped by source: the FROM
 * cell is left blank while it repeats. PORTS says `all` for every port of every protocol.
 */
export function formatMapTable(map: ConnectivityMap): string {
  const rows: string[][] = [];
  let previousFrom: string | undefined;
  for (const connection of map.connections) {
    rows.push([connection.from === previousFrom ? '' : connection.from, connection.to, formatPortSet(connection.allow)]);
    previousFrom = connection.from;
  }
  const widths = HEADER.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const lines = [[...HEADER], ...rows].map((row) => alignRow(row, widths));
  const footer = `${count(map.connections.length, 'connection')} between ${count(map.endpoints.length, 'endpoint')} (${map.level} level); pairs not listed allow nothing.`;
  return [...lines, '', footer, ''].join('\n');
}

function alignRow(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
    .join('  ')
    .trimEnd();
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

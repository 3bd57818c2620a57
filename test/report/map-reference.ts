// The map formatters as they were before streaming (each built one string with JSON.stringify per
// object): the obviously-correct twins that the streamed, templated output must equal byte for byte.
import { PROTOCOLS } from '../../src/model/common.js';
import type { Protocol } from '../../src/model/common.js';
import type { PortSet } from '../../src/algebra/port-set.js';
import { isExternalEndpoint } from '../../src/engine/types.js';
import type { ConnectivityMap, MapConnection, MapEndpoint } from '../../src/engine/types.js';
import { formatPortSet } from '../../src/report/ports-text.js';

export function referenceMapJson(map: ConnectivityMap): string {
  const endpoints = map.endpoints.map((endpoint) => JSON.stringify(endpointJson(endpoint)));
  const connections = map.connections.map((connection) => JSON.stringify(connectionJson(connection)));
  return ['{', `  "level": ${JSON.stringify(map.level)},`, `  "endpoints": ${list(endpoints)},`, `  "connections": ${list(connections)}`, '}', ''].join('\n');
}

function list(items: readonly string[]): string {
  if (items.length === 0) return '[]';
  return `[\n${items.map((item) => `    ${item}`).join(',\n')}\n  ]`;
}

function endpointJson(endpoint: MapEndpoint): object {
  if (isExternalEndpoint(endpoint)) return { id: endpoint.id, kind: endpoint.kind, cidrs: endpoint.cidrs };
  return { id: endpoint.id, kind: endpoint.kind, namespace: endpoint.namespace, name: endpoint.name };
}

function connectionJson(connection: MapConnection): object {
  const allow: Partial<Record<Protocol, PortSet[Protocol]>> = {};
  for (const protocol of PROTOCOLS) {
    if (connection.allow[protocol].length > 0) allow[protocol] = connection.allow[protocol];
  }
  return { from: connection.from, to: connection.to, allow };
}

const HEADER = ['FROM', 'TO', 'PORTS'] as const;

export function referenceMapTable(map: ConnectivityMap): string {
  const rows: string[][] = [];
  let previousFrom: string | undefined;
  for (const connection of map.connections) {
    rows.push([connection.from === previousFrom ? '' : connection.from, connection.to, formatPortSet(connection.allow)]);
    previousFrom = connection.from;
  }
  const widths = HEADER.map((title, column) => rows.reduce((max, row) => Math.max(max, row[column]?.length ?? 0), title.length));
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

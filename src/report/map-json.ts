import { PROTOCOLS } from '../model/common.js';
import type { Protocol } from '../model/common.js';
import type { PortSet } from '../algebra/port-set.js';
import { isExternalEndpoint } from '../engine/types.js';
import type { ConnectivityMap, MapConnection, MapEndpoint } from '../engine/types.js';

/**
 * The connectivity map as JSON: a stable contract documented in docs/map-json.md.
 * One endpoint and one connection per line, so that the output diffs and greps well.
 */
export function formatMapJson(map: ConnectivityMap): string {
  const endpoints = map.endpoints.map((endpoint) => JSON.stringify(endpointJson(endpoint)));
  const connections = map.connections.map((connection) => JSON.stringify(connectionJson(connection)));
  return [
    '{',
    `  "level": ${JSON.stringify(map.level)},`,
    `  "endpoints": ${list(endpoints)},`,
    `  "connections": ${list(connections)}`,
    '}',
    '',
  ].join('\n');
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
  return { from: connection.from, to: connection.to, allow: allowJson(connection.allow) };
}

/** Only the protocols with at least one port, each a list of inclusive [from, to] ranges. */
function allowJson(ports: PortSet): Partial<Record<Protocol, ReadonlyArray<readonly [number, number]>>> {
  const allow: Partial<Record<Protocol, ReadonlyArray<readonly [number, number]>>> = {};
  for (const protocol of PROTOCOLS) {
    if (ports[protocol].length > 0) allow[protocol] = ports[protocol];
  }
  return allow;
}

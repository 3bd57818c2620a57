import { jsonListPieces } from './document-pieces.js';
import { PROTOCOLS } from '../model/common.js';
import type { PortRange, PortSet } from '../algebra/port-set.js';
import { isExternalEndpoint } from '../engine/types.js';
import type { ConnectivityMap, MapConnection, MapEndpoint } from '../engine/types.js';
import { chunked } from './formatter.js';
import type { FormatOptions } from './formatter.js';

/**
 * The connectivity map as JSON: a stable contract documented in docs/map-json.md.
 * One endpoint and one connection per line, so that the output diffs and greps well.
 * Produced in chunks (the 100k-pod map is 84 MB); connections in the map's order.
 */
export function formatMapJson(map: ConnectivityMap, options?: FormatOptions): Iterable<string> {
  return chunked(jsonPieces(map), options);
}

function* jsonPieces(map: ConnectivityMap): Generator<string, void, undefined> {
  yield `{\n  "level": ${JSON.stringify(map.level)},\n  "endpoints": `;
  yield* jsonListPieces(map.endpoints, endpointJson);
  yield ',\n  "connections": ';
  yield* jsonListPieces(map.connections, connectionWriter());
  yield '\n}\n';
}

function endpointJson(endpoint: MapEndpoint): string {
  if (isExternalEndpoint(endpoint)) return JSON.stringify({ id: endpoint.id, kind: endpoint.kind, cidrs: endpoint.cidrs });
  return JSON.stringify({ id: endpoint.id, kind: endpoint.kind, namespace: endpoint.namespace, name: endpoint.name });
}

/**
 * `{"from":...,"to":...,"allow":{...}}`, the same text as JSON.stringify of that object, built
 * from a template: ids are quoted once each (by JSON.stringify, so any character is escaped as
 * before) and a port set's text is built once per PortSet object (the engine shares them).
 */
function connectionWriter(): (connection: MapConnection) => string {
  const quotedIds = new Map<string, string>();
  const allowTexts = new WeakMap<PortSet, string>();
  const quote = (id: string): string => {
    let quoted = quotedIds.get(id);
    if (quoted === undefined) quotedIds.set(id, (quoted = JSON.stringify(id)));
    return quoted;
  };
  return (connection) => {
    let allow = allowTexts.get(connection.allow);
    if (allow === undefined) allowTexts.set(connection.allow, (allow = allowJson(connection.allow)));
    return `{"from":${quote(connection.from)},"to":${quote(connection.to)},"allow":${allow}}`;
  };
}

/** Only the protocols with at least one port, each a list of inclusive [from, to] ranges. */
function allowJson(ports: PortSet): string {
  let text = '';
  for (const protocol of PROTOCOLS) {
    const ranges = ports[protocol];
    if (ranges.length > 0) text += `${text === '' ? '' : ','}"${protocol}":${rangesJson(ranges)}`;
  }
  return `{${text}}`;
}

/** Ports are integers, so their template text is their JSON text. */
function rangesJson(ranges: readonly PortRange[]): string {
  let text = '';
  for (const [from, to] of ranges) text += `${text === '' ? '' : ','}[${from},${to}]`;
  return `[${text}]`;
}

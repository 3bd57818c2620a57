import { portSetYaml, yamlListPieces } from './document-pieces.js';
import type { PortSet } from '../algebra/port-set.js';
import { isExternalEndpoint } from '../engine/types.js';
import type { ConnectivityMap, MapConnection, MapEndpoint } from '../engine/types.js';
import { chunked } from './formatter.js';
import type { FormatOptions } from './formatter.js';
import { yamlString } from './quoting.js';

/**
 * `map -o yaml`: the same document as `-o json` (docs/map-json.md), field for field, in YAML: one
 * endpoint and one connection per line in flow style, so that it diffs and greps like the JSON.
 * A YAML 1.1 or 1.2 reader gets the same strings, numbers and lists as a JSON reader of -o json.
 */
export function formatMapYaml(map: ConnectivityMap, options?: FormatOptions): Iterable<string> {
  return chunked(yamlPieces(map), options);
}

function* yamlPieces(map: ConnectivityMap): Generator<string, void, undefined> {
  const scalar = scalarWriter();
  yield `level: ${scalar(map.level)}\n`;
  yield* yamlListPieces('endpoints', map.endpoints, (endpoint) => endpointYaml(endpoint, scalar));
  const allowTexts = new WeakMap<PortSet, string>();
  yield* yamlListPieces('connections', map.connections, (connection: MapConnection) => {
    let allow = allowTexts.get(connection.allow);
    if (allow === undefined) allowTexts.set(connection.allow, (allow = portSetYaml(connection.allow)));
    return `{from: ${scalar(connection.from)}, to: ${scalar(connection.to)}, allow: ${allow}}`;
  });
}

function endpointYaml(endpoint: MapEndpoint, scalar: (text: string) => string): string {
  if (isExternalEndpoint(endpoint)) {
    return `{id: ${scalar(endpoint.id)}, kind: ${scalar(endpoint.kind)}, cidrs: [${endpoint.cidrs.map(scalar).join(', ')}]}`;
  }
  return `{id: ${scalar(endpoint.id)}, kind: ${scalar(endpoint.kind)}, namespace: ${scalar(endpoint.namespace)}, name: ${scalar(endpoint.name)}}`;
}


/** Strings as YAML scalars, each written once (ids repeat on every connection). */
function scalarWriter(): (text: string) => string {
  const written = new Map<string, string>();
  return (text) => {
    let yaml = written.get(text);
    if (yaml === undefined) written.set(text, (yaml = yamlString(text)));
    return yaml;
  };
}

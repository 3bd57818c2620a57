import { jsonListPieces } from './document-pieces.js';
import { PROTOCOLS } from '../model/common.js';
import type { PortSet } from '../algebra/port-set.js';
import { isExternalEndpoint } from '../engine/types.js';
import type { ConnectionChange, ConnectivityDiff, DiffEndpoint } from '../analysis/diff.js';
import { chunked } from './formatter.js';
import type { FormatOptions } from './formatter.js';

/**
 * A connectivity diff as JSON: a stable contract documented in docs/diff.md. One endpoint and
 * one change per line, so that the output diffs and greps well.
 */
export function formatDiffJson(diff: ConnectivityDiff, options?: FormatOptions): Iterable<string> {
  return chunked(jsonPieces(diff), options);
}

function* jsonPieces(diff: ConnectivityDiff): Generator<string, void, undefined> {
  yield `{\n  "level": ${JSON.stringify(diff.level)},\n  "summary": ${JSON.stringify(diffSummary(diff))},\n  "endpoints": `;
  yield* jsonListPieces(diff.endpoints, (e) => JSON.stringify(diffEndpointObject(e)));
  yield ',\n  "changes": ';
  yield* jsonListPieces(diff.changes, (c) => JSON.stringify(changeObject(c)));
  yield '\n}\n';
}

export interface DiffSummary {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly endpointsAdded: number;
  readonly endpointsRemoved: number;
}

/** The counts at the head of the JSON and YAML outputs. */
export function diffSummary(diff: ConnectivityDiff): DiffSummary {
  const changes = (kind: ConnectionChange['change']): number => diff.changes.filter((c) => c.change === kind).length;
  const endpoints = (presence: DiffEndpoint['presence']): number => diff.endpoints.filter((e) => e.presence === presence).length;
  return {
    added: changes('added'),
    removed: changes('removed'),
    changed: changes('changed'),
    unchanged: diff.unchanged.length,
    endpointsAdded: endpoints('added'),
    endpointsRemoved: endpoints('removed'),
  };
}

/** An endpoint as in the map's JSON (docs/map-json.md), plus where it is found. */
export function diffEndpointObject({ endpoint, presence }: DiffEndpoint): Record<string, unknown> {
  if (isExternalEndpoint(endpoint)) return { id: endpoint.id, kind: endpoint.kind, cidrs: endpoint.cidrs, presence };
  return { id: endpoint.id, kind: endpoint.kind, namespace: endpoint.namespace, name: endpoint.name, presence };
}

export function changeObject(change: ConnectionChange): Record<string, unknown> {
  return {
    change: change.change,
    from: change.from,
    to: change.to,
    before: portsObject(change.before),
    after: portsObject(change.after),
    gained: portsObject(change.gained),
    lost: portsObject(change.lost),
  };
}

/** As the map's `allow`: only the protocols with a port, each a list of inclusive [from, to]. */
export function portsObject(ports: PortSet): Record<string, (readonly [number, number])[]> {
  const object: Record<string, (readonly [number, number])[]> = {};
  for (const protocol of PROTOCOLS) if (ports[protocol].length > 0) object[protocol] = [...ports[protocol]];
  return object;
}


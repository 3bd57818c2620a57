// Views of a MapView for the graph and the matrix: endpoint lookups, and namespaces expanded to
// their workloads inside a namespace-level map (a regrouping of the server's workload map: the
// ports are the union of the workload pairs', as a namespace-level connection's are).
import type { MapConnectionView, MapEndpointView, MapExternalEndpointView, MapNamespaceEndpointView, MapPodEndpointView, MapView } from '../../api-types.ts';
import { isAllPorts, unionPorts } from './ports.ts';

/** Expanding a namespace fetches the whole workload-level map: only up to this many workloads. */
export const EXPAND_LIMIT = 3000;

// The endpoint union is told apart by `kind` ('External', 'Namespace', else a pod or workload kind).
export function isExternal(e: MapEndpointView): e is MapExternalEndpointView {
  return e.kind === 'External';
}

export function isNamespace(e: MapEndpointView): e is MapNamespaceEndpointView {
  return e.kind === 'Namespace';
}

export function isPodOrWorkload(e: MapEndpointView): e is MapPodEndpointView {
  return e.kind !== 'External' && e.kind !== 'Namespace';
}

export function endpointNamespace(endpoint: MapEndpointView): string | undefined {
  return isExternal(endpoint) ? undefined : (endpoint as MapPodEndpointView | MapNamespaceEndpointView).namespace;
}

export function endpointName(endpoint: MapEndpointView): string {
  return isExternal(endpoint) ? endpoint.id : (endpoint as MapPodEndpointView | MapNamespaceEndpointView).name;
}


/**
 * The namespace-level map with the namespaces in `expanded` replaced by their workloads (from the
 * workload-level map): each workload connection is drawn between its ends' visible groups.
 */
export function expandNamespaces(namespaceMap: MapView, workloadMap: MapView, expanded: ReadonlySet<string>): MapView {
  if (expanded.size === 0) return namespaceMap;
  const endpoints: MapEndpointView[] = namespaceMap.endpoints.filter((e) => e.kind !== 'Namespace' || !expanded.has(e.id));
  const shown = new Map<string, string>();
  for (const e of workloadMap.endpoints) {
    const ns = endpointNamespace(e);
    if (ns !== undefined && expanded.has(ns)) {
      endpoints.push(e);
      shown.set(e.id, e.id);
    } else shown.set(e.id, ns ?? e.id);
  }
  const merged = new Map<string, MapConnectionView>();
  for (const c of workloadMap.connections) {
    const from = shown.get(c.from);
    const to = shown.get(c.to);
    if (from === undefined || to === undefined || from === to) continue;
    const key = `${from}\u0000${to}`;
    const prior = merged.get(key);
    const allow = prior === undefined ? c.allow : unionPorts(prior.allow, c.allow);
    merged.set(key, { from, to, allow, full: isAllPorts(allow), pairs: (prior?.pairs ?? 0) + 1 });
  }
  return { level: 'namespace', endpoints, connections: [...merged.values()] };
}

/** n/a: a pair the map never lists (an endpoint to itself, or two ranges outside the cluster). */
export type CellState = 'allowed' | 'partial' | 'denied' | 'n/a';

/** The state of one pair, looked up in the map (the matrix keeps an index for the same answer). */
export function cellState(map: MapView, from: string, to: string): CellState | undefined {
  const ends = [map.endpoints.find((e) => e.id === from), map.endpoints.find((e) => e.id === to)];
  if (ends[0] === undefined || ends[1] === undefined) return undefined;
  if (from === to || (isExternal(ends[0]) && isExternal(ends[1]))) return 'n/a';
  const c = map.connections.find((x) => x.from === from && x.to === to);
  return c === undefined ? 'denied' : c.full ? 'allowed' : 'partial';
}

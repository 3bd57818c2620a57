// What the graph formats (map -o dot, map -o mermaid) draw: the map's endpoints as nodes, pods
// and workloads grouped by namespace, external ranges on their own; the connections as edges.
import { isExternalEndpoint } from '../engine/types.js';
import type { ConnectivityMap, ExternalEndpoint, PodGroupEndpoint } from '../engine/types.js';
import { formatMapSummary } from './map-table.js';

export interface NamespaceGroup {
  readonly namespace: string;
  /** In the map's order (by id). */
  readonly endpoints: readonly PodGroupEndpoint[];
}

export interface GraphLayout {
  /** Namespaces in the order of their first endpoint in the map. */
  readonly namespaces: readonly NamespaceGroup[];
  /** In the map's order (address order). */
  readonly external: readonly ExternalEndpoint[];
  /** Each endpoint's position in map.endpoints, by id: a short, safe node name in any syntax. */
  readonly indexOf: ReadonlyMap<string, number>;
}

export function graphLayout(map: ConnectivityMap): GraphLayout {
  const byNamespace = new Map<string, PodGroupEndpoint[]>();
  const external: ExternalEndpoint[] = [];
  const indexOf = new Map<string, number>();
  map.endpoints.forEach((endpoint, index) => {
    indexOf.set(endpoint.id, index);
    if (isExternalEndpoint(endpoint)) {
      external.push(endpoint);
      return;
    }
    const group = byNamespace.get(endpoint.namespace);
    if (group === undefined) byNamespace.set(endpoint.namespace, [endpoint]);
    else group.push(endpoint);
  });
  const namespaces = [...byNamespace].map(([namespace, endpoints]) => ({ namespace, endpoints }));
  return { namespaces, external, indexOf };
}

/**
 * A node's label: inside its namespace's box, the id without the namespace (`frontend-0`,
 * `deployment/frontend`); an external range is its id.
 */
export function nodeLabel(endpoint: PodGroupEndpoint | ExternalEndpoint): string {
  if (isExternalEndpoint(endpoint)) return endpoint.id;
  const prefix = `${endpoint.namespace}/`;
  return endpoint.id.startsWith(prefix) ? endpoint.id.slice(prefix.length) : endpoint.id;
}

/** The comment line at the top of a graph. */
export function graphTitle(map: ConnectivityMap): string {
  return `netwarden map: ${formatMapSummary(map)}`;
}

// The matrix's rows and columns: the map's endpoints, filtered by namespace and by label or name,
// sorted, with each cell's state looked up by index (no per-cell objects: 1,000 x 1,000 is cheap).
import type { ClusterView, MapConnectionView, MapEndpointView, MapView } from '../../api-types.ts';
import type { CellState } from './map-model.ts';
import { endpointNamespace, isExternal } from './map-model.ts';

/** map: namespace then name (the map's order); name: by id; connected: rows by outgoing, columns by incoming connections. */
export type MatrixSort = 'map' | 'name' | 'connected';

export interface MatrixFilter {
  namespace: string;
  text: string;
  sort: MatrixSort;
}

function labelsOf(cluster: ClusterView | undefined): Map<string, Record<string, string>> {
  const labels = new Map<string, Record<string, string>>();
  for (const w of cluster?.workloads ?? []) labels.set(w.id, w.labels);
  for (const n of cluster?.namespaces ?? []) labels.set(n.name, n.labels);
  return labels;
}

/** `key=value` matches a label exactly, `key` a label key; anything else is a substring of the id. */
function matches(endpoint: MapEndpointView, text: string, labels: Record<string, string> | undefined): boolean {
  const t = text.trim();
  if (t === '') return true;
  const eq = t.indexOf('=');
  if (eq > 0 && labels !== undefined) return labels[t.slice(0, eq).trim()] === t.slice(eq + 1).trim();
  if (labels !== undefined && t in labels) return true;
  return endpoint.id.toLowerCase().includes(t.toLowerCase());
}

export class MatrixModel {
  readonly rows: MapEndpointView[];
  readonly cols: MapEndpointView[];
  private readonly index = new Map<string, number>();
  private readonly cells = new Map<number, MapConnectionView>();
  private readonly size: number;
  private readonly external = new Set<string>();

  constructor(map: MapView, cluster: ClusterView | undefined, filter: MatrixFilter) {
    map.endpoints.forEach((e, i) => {
      this.index.set(e.id, i);
      if (isExternal(e)) this.external.add(e.id);
    });
    this.size = map.endpoints.length;
    const out = new Map<string, number>();
    const inc = new Map<string, number>();
    for (const c of map.connections) {
      this.cells.set(this.key(c.from, c.to), c);
      out.set(c.from, (out.get(c.from) ?? 0) + 1);
      inc.set(c.to, (inc.get(c.to) ?? 0) + 1);
    }
    const labels = labelsOf(cluster);
    const kept = map.endpoints.filter((e) => (filter.namespace === '' || endpointNamespace(e) === filter.namespace) && matches(e, filter.text, labels.get(e.id)));
    const order = (by: Map<string, number> | undefined) => {
      const list = [...kept];
      if (filter.sort === 'name') list.sort((a, b) => a.id.localeCompare(b.id));
      if (by !== undefined) list.sort((a, b) => (by.get(b.id) ?? 0) - (by.get(a.id) ?? 0));
      return list;
    };
    this.rows = order(filter.sort === 'connected' ? out : undefined);
    this.cols = order(filter.sort === 'connected' ? inc : undefined);
  }

  private key(from: string, to: string): number {
    return (this.index.get(from) ?? -1) * this.size + (this.index.get(to) ?? -1);
  }

  connection(from: string, to: string): MapConnectionView | undefined {
    return this.cells.get(this.key(from, to));
  }

  state(from: string, to: string): CellState {
    if (from === to || (this.external.has(from) && this.external.has(to))) return 'n/a';
    const c = this.connection(from, to);
    return c === undefined ? 'denied' : c.full ? 'allowed' : 'partial';
  }
}

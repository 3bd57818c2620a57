// The picture that the DOT and Mermaid outputs of a connectivity diff both draw: endpoints grouped
// by namespace (addresses outside the cluster on their own), one edge per connection of either
// map, each marked with what happened to it and labelled with its ports.

import type { ConnectivityDiff, EndpointPresence } from '../analysis/diff.js';
import { isExternalEndpoint } from '../engine/types.js';
import { summaryLine } from './diff-words.js';
import { nodeLabel } from './map-graph.js';
import { formatPortSetCompact } from './ports-text.js';

export type EdgeKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface GraphNode {
  readonly id: string;
  /** The id without its namespace (inside a namespace group), or the address range. */
  readonly label: string;
  readonly presence: EndpointPresence;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  /** The ports (`TCP 80,443; UDP 53`): after the change, before it for a removed one, `after (was before)` for a changed one. */
  readonly label: string;
}

export interface DiffGraph {
  /** Namespaces in name order, each with its endpoints in endpoint order. */
  readonly namespaces: readonly { readonly name: string; readonly nodes: readonly GraphNode[] }[];
  /** The address ranges outside the cluster, in address order. */
  readonly external: readonly GraphNode[];
  /** Changes first (added, removed, changed), then the unchanged connections, each in endpoint order. */
  readonly edges: readonly GraphEdge[];
}

export function diffGraph(diff: ConnectivityDiff): DiffGraph {
  const namespaces = new Map<string, GraphNode[]>();
  const external: GraphNode[] = [];
  for (const { endpoint, presence } of diff.endpoints) {
    if (isExternalEndpoint(endpoint)) {
      external.push({ id: endpoint.id, label: nodeLabel(endpoint), presence });
      continue;
    }
    const nodes = namespaces.get(endpoint.namespace) ?? [];
    nodes.push({ id: endpoint.id, label: nodeLabel(endpoint), presence });
    namespaces.set(endpoint.namespace, nodes);
  }
  const edges: GraphEdge[] = diff.changes.map((c) => {
    const after = formatPortSetCompact(c.after);
    const label = c.change === 'removed' ? formatPortSetCompact(c.before) : c.change === 'added' ? after : `${after} (was ${formatPortSetCompact(c.before)})`;
    return { from: c.from, to: c.to, kind: c.change, label };
  });
  for (const c of diff.unchanged) edges.push({ from: c.from, to: c.to, kind: 'unchanged', label: formatPortSetCompact(c.allow) });
  const names = [...namespaces.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { namespaces: names.map((name) => ({ name, nodes: namespaces.get(name)! })), external, edges };
}

/** The comment line at the top of a drawing. */
export function diffGraphTitle(diff: ConnectivityDiff): string {
  return `netwarden diff: ${summaryLine(diff, diff.changes)}`;
}

/** Colours shared by both drawings: green for what is new, red for what is gone. */
export const EDGE_COLORS: Readonly<Record<EdgeKind, string>> = {
  added: '#008000',
  removed: '#d00000',
  changed: '#c000c0',
  unchanged: '#909090',
};

export const NODE_COLORS: Readonly<Record<EndpointPresence, string>> = {
  added: '#008000',
  removed: '#d00000',
  both: '#000000',
};

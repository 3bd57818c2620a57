import type { PortSet } from '../algebra/port-set.js';
import type { ConnectivityMap } from '../engine/types.js';
import { chunked } from './formatter.js';
import type { FormatOptions } from './formatter.js';
import { graphLayout, graphTitle, nodeLabel } from './map-graph.js';
import { formatPortSetCompact } from './ports-text.js';
import { dotString } from './quoting.js';

/**
 * `map -o dot`: a Graphviz digraph. Each namespace is a cluster (a box labelled with its name)
 * holding its pods or workloads; each external range is a dashed ellipse outside every cluster;
 * each connection is an edge labelled with its ports (`all`, `TCP 80,443; UDP 53`). Node names are
 * the map's ids, quoted. Render with `dot -Tsvg`.
 */
export function formatMapDot(map: ConnectivityMap, options?: FormatOptions): Iterable<string> {
  return chunked(dotPieces(map), options);
}

function* dotPieces(map: ConnectivityMap): Generator<string, void, undefined> {
  const layout = graphLayout(map);
  yield `// ${graphTitle(map)}\ndigraph "netwarden" {\n  rankdir=LR;\n  node [shape=box];\n`;
  for (const { namespace, endpoints } of layout.namespaces) {
    yield `  subgraph ${dotString(`cluster_${namespace}`)} {\n    label=${dotString(`namespace ${namespace}`)};\n`;
    for (const endpoint of endpoints) yield `    ${dotString(endpoint.id)} [label=${dotString(nodeLabel(endpoint))}];\n`;
    yield '  }\n';
  }
  for (const endpoint of layout.external) {
    yield `  ${dotString(endpoint.id)} [label=${dotString(nodeLabel(endpoint))}, shape=ellipse, style=dashed];\n`;
  }
  const names = new Map<string, string>();
  const name = (id: string): string => {
    let quoted = names.get(id);
    if (quoted === undefined) names.set(id, (quoted = dotString(id)));
    return quoted;
  };
  const labels = new WeakMap<PortSet, string>();
  for (const { from, to, allow } of map.connections) {
    let label = labels.get(allow);
    if (label === undefined) labels.set(allow, (label = dotString(formatPortSetCompact(allow))));
    yield `  ${name(from)} -> ${name(to)} [label=${label}];\n`;
  }
  yield '}\n';
}

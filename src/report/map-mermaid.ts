import type { PortSet } from '../algebra/port-set.js';
import type { ConnectivityMap } from '../engine/types.js';
import { chunked } from './formatter.js';
import type { FormatOptions } from './formatter.js';
import { graphLayout, graphTitle, nodeLabel } from './map-graph.js';
import { formatPortSetCompact } from './ports-text.js';
import { mermaidString } from './quoting.js';

/**
 * `map -o mermaid`: a Mermaid flowchart (GitHub renders it in a ```mermaid block). Each namespace
 * is a subgraph holding its pods or workloads; each external range is a stadium-shaped node
 * outside them; each connection is an edge labelled with its ports. Node ids are generated
 * (`n0`, `n1`... by position in the map's endpoints; `ns0`... for namespaces), so no name can
 * collide with Mermaid's syntax or keywords; names appear only in quoted, escaped labels.
 */
export function formatMapMermaid(map: ConnectivityMap, options?: FormatOptions): Iterable<string> {
  return chunked(mermaidPieces(map), options);
}

function* mermaidPieces(map: ConnectivityMap): Generator<string, void, undefined> {
  const layout = graphLayout(map);
  const node = (id: string): string => `n${layout.indexOf.get(id) ?? -1}`;
  yield `%% ${graphTitle(map)}\nflowchart LR\n`;
  for (const [index, { namespace, endpoints }] of layout.namespaces.entries()) {
    yield `  subgraph ns${index}[${mermaidString(`namespace ${namespace}`)}]\n`;
    for (const endpoint of endpoints) yield `    ${node(endpoint.id)}[${mermaidString(nodeLabel(endpoint))}]\n`;
    yield '  end\n';
  }
  for (const endpoint of layout.external) yield `  ${node(endpoint.id)}([${mermaidString(nodeLabel(endpoint))}])\n`;
  const labels = new WeakMap<PortSet, string>();
  for (const { from, to, allow } of map.connections) {
    let label = labels.get(allow);
    if (label === undefined) labels.set(allow, (label = mermaidString(formatPortSetCompact(allow))));
    yield `  ${node(from)} -->|${label}| ${node(to)}\n`;
  }
}

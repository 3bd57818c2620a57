import type { ConnectivityDiff } from '../analysis/diff.js';
import { chunked } from './formatter.js';
import type { FormatOptions } from './formatter.js';
import { diffGraph, diffGraphTitle, EDGE_COLORS, NODE_COLORS, type GraphNode } from './diff-graph.js';
import { dotString } from './quoting.js';

const LEGEND =
  'green: added, red (dashed): removed, magenta: changed (ports after, was before), grey: unchanged; ' +
  'a green or red box: an endpoint found only after or only before the change';

/**
 * `diff -o dot`: a Graphviz digraph of both maps at once. Each namespace is a cluster holding its
 * pods or workloads, each address range outside the cluster an ellipse; every connection of
 * either map is an edge, coloured by what happened to it and labelled with its ports; removed
 * connections are dashed. Node names are the diff's endpoint ids, quoted. Render with `dot -Tsvg`.
 */
export function formatDiffDot(diff: ConnectivityDiff, options?: FormatOptions): Iterable<string> {
  return chunked(dotPieces(diff), options);
}

function* dotPieces(diff: ConnectivityDiff): Generator<string, void, undefined> {
  const graph = diffGraph(diff);
  yield `// ${diffGraphTitle(diff)}\ndigraph "netwarden diff" {\n  rankdir=LR;\n  label=${dotString(LEGEND)};\n  node [shape=box];\n`;
  for (const { name, nodes } of graph.namespaces) {
    yield `  subgraph ${dotString(`cluster_${name}`)} {\n    label=${dotString(`namespace ${name}`)};\n`;
    for (const node of nodes) yield `    ${nodeLine(node)}\n`;
    yield '  }\n';
  }
  for (const node of graph.external) yield `  ${nodeLine(node, 'shape=ellipse, ')}\n`;
  for (const edge of graph.edges) {
    const color = dotString(EDGE_COLORS[edge.kind]);
    const style = edge.kind === 'removed' ? ', style=dashed' : '';
    yield `  ${dotString(edge.from)} -> ${dotString(edge.to)} [label=${dotString(edge.label)}, color=${color}, fontcolor=${color}${style}];\n`;
  }
  yield '}\n';
}

function nodeLine(node: GraphNode, shape = ''): string {
  const color = dotString(NODE_COLORS[node.presence]);
  return `${dotString(node.id)} [${shape}label=${dotString(node.label)}, color=${color}, fontcolor=${color}];`;
}

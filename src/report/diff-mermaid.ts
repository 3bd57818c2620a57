import type { ConnectivityDiff } from '../analysis/diff.js';
import { chunked } from './formatter.js';
import type { FormatOptions } from './formatter.js';
import { diffGraph, diffGraphTitle, EDGE_COLORS, NODE_COLORS, type GraphNode } from './diff-graph.js';
import { mermaidString } from './quoting.js';

/**
 * `diff -o mermaid`: a Mermaid flowchart of both maps at once (GitHub renders it in a ```mermaid
 * block). Each namespace is a subgraph; every connection of either map is a link coloured by what
 * happened to it (removed ones dotted) and labelled with its ports; endpoints found on one side
 * only are drawn green (added) or red (removed). Node ids are generated (`n0`, `ns0`...), so no
 * name can collide with Mermaid's syntax; names appear only in quoted, escaped labels.
 */
export function formatDiffMermaid(diff: ConnectivityDiff, options?: FormatOptions): Iterable<string> {
  return chunked(mermaidPieces(diff), options);
}

function* mermaidPieces(diff: ConnectivityDiff): Generator<string, void, undefined> {
  const graph = diffGraph(diff);
  const ids = new Map<string, string>();
  const node = (n: GraphNode, open: string, close: string): string => {
    const id = `n${ids.size}`;
    ids.set(n.id, id);
    return `${id}${open}${mermaidString(n.label)}${close}:::${n.presence}`;
  };
  yield `%% ${diffGraphTitle(diff)}\nflowchart LR\n`;
  for (const [presence, color] of Object.entries(NODE_COLORS)) yield `  classDef ${presence} stroke:${color},color:${color}\n`;
  for (const [index, { name, nodes }] of graph.namespaces.entries()) {
    yield `  subgraph ns${index}[${mermaidString(`namespace ${name}`)}]\n`;
    for (const n of nodes) yield `    ${node(n, '[', ']')}\n`;
    yield '  end\n';
  }
  for (const n of graph.external) yield `  ${node(n, '([', '])')}\n`;
  for (const [index, edge] of graph.edges.entries()) {
    const arrow = edge.kind === 'removed' ? '-.->' : '-->';
    yield `  ${ids.get(edge.from)} ${arrow}|${mermaidString(edge.label)}| ${ids.get(edge.to)}\n`;
    yield `  linkStyle ${index} stroke:${EDGE_COLORS[edge.kind]},color:${EDGE_COLORS[edge.kind]}\n`;
  }
}

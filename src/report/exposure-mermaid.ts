import type { ExposurePeer, ExposureReport } from '../analysis/exposure.js';
import { exposureGraph } from './exposure-graph.js';
import { chunked } from './formatter.js';
import type { FormatOptions } from './formatter.js';
import { mermaidString } from './quoting.js';

/** Node shapes: the entire cluster a circle, hypothetical pods a hexagon, addresses a stadium (as in map -o mermaid). */
const SHAPES: Readonly<Record<ExposurePeer['kind'], readonly [string, string]>> = {
  'entire-cluster': ['((', '))'],
  representative: ['{{', '}}'],
  external: ['([', '])'],
};

/**
 * `exposure -o mermaid`: a Mermaid flowchart (GitHub renders it in a ```mermaid block), drawn as
 * `-o dot`: namespaces as subgraphs of their pods or workloads, each peer once outside them, an
 * edge per exposure labelled with its ports. Node ids are generated (`s0`... subjects, `p0`...
 * peers, `ns0`... namespaces); names appear only in quoted, escaped labels.
 */
export function formatExposureMermaid(report: ExposureReport, options?: FormatOptions): Iterable<string> {
  return chunked(mermaidPieces(report), options);
}

function* mermaidPieces(report: ExposureReport): Generator<string, void, undefined> {
  const graph = exposureGraph(report);
  yield `%% ${graph.title}\nflowchart LR\n`;
  for (const [index, { namespace, subjects }] of graph.namespaces.entries()) {
    yield `  subgraph ns${index}[${mermaidString(`namespace ${namespace}`)}]\n`;
    for (const s of subjects) yield `    s${s}[${mermaidString(graph.subjects[s]!.label)}]\n`;
    yield '  end\n';
  }
  for (const [index, { peer, label }] of graph.peers.entries()) {
    const [open, close] = SHAPES[peer.kind];
    yield `  p${index}${open}${mermaidString(label)}${close}\n`;
  }
  for (const { from, to, label } of graph.edges) yield `  ${from} -->|${mermaidString(label)}| ${to}\n`;
}

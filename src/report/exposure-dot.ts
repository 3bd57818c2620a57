import type { ExposurePeer, ExposureReport } from '../analysis/exposure.js';
import { exposureGraph } from './exposure-graph.js';
import { chunked } from './formatter.js';
import type { FormatOptions } from './formatter.js';
import { dotString } from './quoting.js';

/** How each kind of peer is drawn: the entire cluster stands out, hypothetical pods are dashed boxes, addresses dashed ellipses (as in map -o dot). */
const PEER_STYLE: Readonly<Record<ExposurePeer['kind'], string>> = {
  'entire-cluster': 'shape=doubleoctagon',
  representative: 'shape=box, style="dashed,rounded"',
  external: 'shape=ellipse, style=dashed',
};

/**
 * `exposure -o dot`: a Graphviz digraph. Each namespace is a cluster holding its pods or
 * workloads (a label says which directions no policy protects); each peer they are exposed to
 * is a node outside the clusters; each exposure is an edge labelled with its ports, into the
 * subject for ingress, out of it for egress. Render with `dot -Tsvg`.
 */
export function formatExposureDot(report: ExposureReport, options?: FormatOptions): Iterable<string> {
  return chunked(dotPieces(report), options);
}

function* dotPieces(report: ExposureReport): Generator<string, void, undefined> {
  const graph = exposureGraph(report);
  yield `// ${graph.title}\ndigraph "netwarden" {\n  rankdir=LR;\n  node [shape=box];\n`;
  for (const { namespace, subjects } of graph.namespaces) {
    yield `  subgraph ${dotString(`cluster_${namespace}`)} {\n    label=${dotString(`namespace ${namespace}`)};\n`;
    for (const index of subjects) yield `    "s${index}" [label=${dotString(graph.subjects[index]!.label)}];\n`;
    yield '  }\n';
  }
  for (const [index, { peer, label }] of graph.peers.entries()) yield `  "p${index}" [label=${dotString(label)}, ${PEER_STYLE[peer.kind]}];\n`;
  for (const { from, to, label } of graph.edges) yield `  "${from}" -> "${to}" [label=${dotString(label)}];\n`;
  yield '}\n';
}

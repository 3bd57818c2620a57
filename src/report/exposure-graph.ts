// What the graph formats (exposure -o dot, -o mermaid) draw: pods or workloads grouped by
// namespace; the peers they are exposed to as nodes of their own (the entire cluster, pods
// named by a rule, ranges outside the cluster), each once; an edge per exposure, from the peer
// on ingress and to it on egress, labelled with the ports.
import type { ExposurePeer, ExposureReport, SubjectExposure } from '../analysis/exposure.js';
import { exposurePortsCompact, exposureSummary, peerText } from './exposure-words.js';

export interface ExposureGraph {
  /** Namespaces in the order of their first subject. */
  readonly namespaces: readonly { readonly namespace: string; readonly subjects: readonly number[] }[];
  /** Subjects in the report's order; `label` is the id without the namespace, plus unprotected directions. */
  readonly subjects: readonly { readonly subject: SubjectExposure; readonly label: string }[];
  /** Peers in order of first appearance. */
  readonly peers: readonly { readonly peer: ExposurePeer; readonly label: string }[];
  /** `from`/`to`: `s<index>` for a subject, `p<index>` for a peer. */
  readonly edges: readonly { readonly from: string; readonly to: string; readonly label: string }[];
  readonly title: string;
}

export function exposureGraph(report: ExposureReport): ExposureGraph {
  const namespaces = new Map<string, number[]>();
  const peerIndex = new Map<string, number>();
  const peers: { peer: ExposurePeer; label: string }[] = [];
  const edges: { from: string; to: string; label: string }[] = [];
  const subjects = report.subjects.map((subject, index) => {
    const list = namespaces.get(subject.namespace) ?? [];
    list.push(index);
    namespaces.set(subject.namespace, list);
    for (const side of [subject.ingress, subject.egress]) {
      for (const { peer, ports } of side.exposures) {
        const label = peerText(peer);
        let p = peerIndex.get(label);
        if (p === undefined) {
          peerIndex.set(label, (p = peers.length));
          peers.push({ peer, label });
        }
        const [from, to] = side.direction === 'ingress' ? [`p${p}`, `s${index}`] : [`s${index}`, `p${p}`];
        edges.push({ from, to, label: exposurePortsCompact(ports) });
      }
    }
    return { subject, label: subjectLabel(subject) };
  });
  return {
    namespaces: [...namespaces].map(([namespace, indexes]) => ({ namespace, subjects: indexes })),
    subjects,
    peers,
    edges,
    title: `netwarden exposure: ${exposureSummary(report).join(' ')}`,
  };
}

/** `deployment/web`, and `(no policy: ingress, egress)` for the directions no policy protects. */
function subjectLabel(subject: SubjectExposure): string {
  const prefix = `${subject.namespace}/`;
  const name = subject.id.startsWith(prefix) ? subject.id.slice(prefix.length) : subject.id;
  const open = [subject.ingress, subject.egress].filter((s) => !s.protected).map((s) => s.direction);
  return open.length === 0 ? name : `${name} (no policy: ${open.join(', ')})`;
}

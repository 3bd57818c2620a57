/**
 * An adapter for conformance only: netwarden's workload-level ExposureReport written as the
 * exposure section of netpol-analyzer's `list --exposure -o txt` (corpus/netpol-analyzer/README.md,
 * "With --exposure ..."), after the connlist lines of netpol-analyzer-format.ts.
 *
 *   Exposure Analysis Result:
 *   Egress Exposure:
 *   W<pad> \t=> \tPEER : CONNS          sorted by W, then PEER
 *   (blank line when there were egress lines)
 *   Ingress Exposure:
 *   W<pad> \t<= \tPEER : CONNS
 *   (blank line)
 *   Workloads not protected by network policies:
 *   W is not protected on Ingress|Egress
 *
 * PEER is `entire-cluster`, an IP range taken from the connlist lines, or a representative peer
 * `NS-PART/POD-PART`. Where netpol-analyzer's output follows from how it is built rather than
 * from the policies, the adapter reproduces it here and says so (see the functions below).
 */
import type { Cluster } from '../../src/model/cluster.js';
import type { LabelSelector } from '../../src/model/label-selector.js';
import { selectorMatches } from '../../src/algebra/label-selector.js';
import type { DirectionExposure, ExposureReport, RepresentativePeer, SubjectExposure } from '../../src/analysis/exposure.js';
import { listedNames, type ExposurePorts } from '../../src/analysis/exposure-ports.js';
import { NAMESPACE_NAME_LABEL } from '../../src/analysis/exposure-peers.js';
import { compareBytes } from './corpus.js';
import { formatConns, type FocusOptions } from './netpol-analyzer-format.js';

const PROTOCOL_ORDER = ['SCTP', 'TCP', 'UDP'] as const;

/** CONNS of an exposure line: the connlist grammar, unresolved named ports after the numbers. */
export function exposureConns(ports: ExposurePorts): string {
  const names = listedNames(ports);
  if (names.length === 0) {
    const text = formatConns(ports.ports);
    return text === '' ? 'No Connections' : text;
  }
  // a cluster-wide policy's namedPort has no protocol: upstream keys it by "", which sorts first
  return (['', ...PROTOCOL_ORDER] as const).flatMap((p) => {
    const ranges = p === '' ? [] : ports.ports[p].map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`));
    const named = names.filter((n) => (n.protocol ?? '') === p).map((n) => n.name);
    const items = [...ranges, ...named];
    return items.length === 0 ? [] : [`${p} ${items.join(',')}`];
  }).join(',');
}

/** NS-PART/POD-PART, as netpol-analyzer's getRepresentative{Namespace,Pod}String write them for txt. */
export function representativeText(peer: RepresentativePeer): string {
  const ns = peer.namespaces;
  const nsPart =
    ns.kind === 'named' ? ns.name : ns.kind === 'all' ? '[all namespaces]' : `[namespace with {${selectorText(ns.selector)}}]`;
  const podPart = peer.pods.kind === 'all' ? '[all pods]' : `[pod with {${selectorText(peer.pods.selector)}}]`;
  return `${nsPart}/${podPart}`;
}

/**
 * matchLabels as apimachinery's labels.Set selector prints them (`k=v` by key, comma-joined),
 * then matchExpressions as Go's %v of LabelSelectorRequirement without its type name,
 * `{Key:k,Operator:In,Values:[a b],}`, sorted as strings.
 */
function selectorText(selector: LabelSelector): string {
  const labels = Object.keys(selector.matchLabels)
    .sort(compareBytes)
    .map((k) => `${k}=${selector.matchLabels[k] ?? ''}`);
  const expressions = selector.matchExpressions
    .map((r) => `{Key:${r.key},Operator:${r.operator},Values:[${r.values.join(' ')}],}`)
    .sort(compareBytes);
  return [...(labels.length > 0 ? [labels.join(',')] : []), ...expressions].join(',');
}

/**
 * netpol-analyzer drops a representative peer that a pod of the input matches when both its
 * parts are non-empty matchLabels only (removeRepresentativePeersMatchingLabels): that pod's
 * own connections are in the connlist. Peers with matchExpressions, or with an empty part, stay.
 */
export function droppedAsExisting(peer: RepresentativePeer, cluster: Cluster): boolean {
  const ns = peer.namespaces;
  const nsLabels: Record<string, string> | undefined =
    ns.kind === 'named'
      ? { [NAMESPACE_NAME_LABEL]: ns.name }
      : ns.kind === 'labelled' && ns.selector.matchExpressions.length === 0
        ? { ...ns.selector.matchLabels }
        : undefined;
  if (nsLabels === undefined || peer.pods.kind === 'all' || peer.pods.selector.matchExpressions.length > 0) return false;
  const nsSelector: LabelSelector = { matchLabels: nsLabels, matchExpressions: [] };
  const podSelector = peer.pods.selector;
  const namespaceLabels = new Map(cluster.namespaces.map((n) => [n.name, n.labels]));
  return cluster.pods.some(
    (pod) =>
      selectorMatches(podSelector, pod.labels) &&
      selectorMatches(nsSelector, namespaceLabels.get(pod.namespace) ?? { [NAMESPACE_NAME_LABEL]: pod.namespace }),
  );
}

/** `ns/name[Kind]`, as the connlist names a workload. */
export function workloadText(subject: Pick<SubjectExposure, 'namespace' | 'name' | 'kind'>): string {
  return `${subject.namespace}/${subject.name}[${subject.kind === '' ? 'Pod' : subject.kind}]`;
}

interface Line {
  readonly workload: string;
  readonly peer: string;
  readonly conns: string;
}

/**
 * The exposure section for `report`, whose connlist lines (already focused) are `connlist`.
 * As upstream: a workload is listed when it is unprotected in a direction, or exposed to the
 * entire cluster or to a representative peer; a listed workload also gets its connlist lines
 * with IP ranges, in both directions (a protected workload whose only exposure is to IP ranges
 * is not listed at all).
 */
export function exposureSection(report: ExposureReport, cluster: Cluster, connlist: readonly string[], focus: FocusOptions): string[] {
  const egress: Line[] = [];
  const ingress: Line[] = [];
  const unprotected: string[] = [];
  const listed: string[] = [];
  for (const subject of report.subjects) {
    const workload = workloadText(subject);
    if (!isFocus(subject, focus.focusworkload)) continue;
    const ownEgress = focus.focusDirection === 'ingress' ? [] : directionLines(subject.egress, workload, cluster);
    const ownIngress = focus.focusDirection === 'egress' ? [] : directionLines(subject.ingress, workload, cluster);
    if (ownEgress.length === 0 && ownIngress.length === 0) continue;
    listed.push(workload);
    egress.push(...ownEgress, ...ipLines(connlist, workload, 'egress'));
    ingress.push(...ownIngress, ...ipLines(connlist, workload, 'ingress'));
    for (const side of [subject.ingress, subject.egress]) {
      const wanted = focus.focusDirection === '' || focus.focusDirection === side.direction;
      if (wanted && !side.protected) unprotected.push(`${workload} is not protected on ${side.direction === 'ingress' ? 'Ingress' : 'Egress'}`);
    }
  }
  const width = Math.max(0, ...listed.map((w) => w.length));
  const write = (lines: Line[], arrow: string) =>
    lines
      .sort((a, b) => compareBytes(a.workload, b.workload) || compareBytes(a.peer, b.peer))
      .map((l) => `${l.workload.padEnd(width)} \t${arrow} \t${l.peer} : ${l.conns}`);
  const out = ['Exposure Analysis Result:'];
  if (egress.length > 0) out.push('Egress Exposure:', ...write(egress, '=>'));
  if (ingress.length > 0) out.push(...(egress.length > 0 ? [''] : []), 'Ingress Exposure:', ...write(ingress, '<='));
  if (unprotected.length > 0) out.push('', 'Workloads not protected by network policies:', ...unprotected.sort(compareBytes));
  return out;
}

/** Upstream's unprotected direction: entire-cluster, All Connections (its IP lines come from the connlist). */
function directionLines(side: DirectionExposure, workload: string, cluster: Cluster): Line[] {
  if (!side.protected) return [{ workload, peer: 'entire-cluster', conns: 'All Connections' }];
  const lines: Line[] = [];
  for (const { peer, ports } of side.exposures) {
    if (peer.kind === 'entire-cluster') lines.push({ workload, peer: 'entire-cluster', conns: exposureConns(ports) });
    else if (peer.kind === 'representative' && !droppedAsExisting(peer, cluster)) {
      lines.push({ workload, peer: representativeText(peer), conns: exposureConns(ports) });
    }
  }
  return lines;
}

function ipLines(connlist: readonly string[], workload: string, direction: 'ingress' | 'egress'): Line[] {
  const lines: Line[] = [];
  for (const line of connlist) {
    const match = /^(.*) => (.*) : (.*)$/.exec(line);
    if (match === null) continue;
    const [, src, dst, conns] = match as unknown as [string, string, string, string];
    if (direction === 'egress' && src === workload && dst.endsWith('[External]')) lines.push({ workload, peer: dst, conns });
    if (direction === 'ingress' && dst === workload && src.endsWith('[External]')) lines.push({ workload, peer: src, conns });
  }
  return lines;
}

function isFocus(subject: SubjectExposure, focusworkload: readonly string[]): boolean {
  return focusworkload.length === 0 || focusworkload.some((v) => v === subject.name || v === `${subject.namespace}/${subject.name}`);
}

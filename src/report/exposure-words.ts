// The words every exposure formatter shares: how a peer, a port set and the summary read.
import { PROTOCOLS } from '../model/common.js';
import { formatSelector } from '../algebra/label-selector.js';
import type { DirectionExposure, ExposurePeer, ExposureReport, SubjectExposure } from '../analysis/exposure.js';
import { listedNames, namedPortKey, type ExposurePorts } from '../analysis/exposure-ports.js';
import { formatPortRanges, formatPortSet, formatPortSetCompact } from './ports-text.js';

/**
 * `entire cluster`; addresses outside the cluster as blocks, `0.0.0.0/0 (except 10.0.0.0/8), ::/0`;
 * for pods named by a
 * rule, the namespace part then the pod part: `any namespace, pods k8s-app=kube-dns`,
 * `namespace backend, any pod`, `namespaces env in (prod,qa), pods app=api` (selectors as
 * kubectl prints them).
 */
export function peerText(peer: ExposurePeer): string {
  switch (peer.kind) {
    case 'entire-cluster':
      return 'entire cluster';
    case 'external':
      return peer.blocks.map((b) => (b.except.length === 0 ? b.cidr : `${b.cidr} (except ${b.except.join(', ')})`)).join(', ');
    case 'representative': {
      const ns = peer.namespaces;
      const namespaces =
        ns.kind === 'all' ? 'any namespace' : ns.kind === 'named' ? `namespace ${ns.name}` : `namespaces ${formatSelector(ns.selector)}`;
      const pods = peer.pods.kind === 'all' ? 'any pod' : `pods ${formatSelector(peer.pods.selector)}`;
      return `${namespaces}, ${pods}`;
    }
  }
}

/** Named ports whose number is unknown, after the numbers: `TCP/http`, or `http` without a protocol. */
function namesOf(ports: ExposurePorts): string[] {
  return listedNames(ports).map(namedPortKey);
}

/** As the map's table: `TCP/80, TCP/8000-8080, UDP/53`, `all`, `none`; named ports last, `TCP/http`. */
export function exposurePortsText(ports: ExposurePorts): string {
  const names = namesOf(ports);
  const numbers = formatPortSet(ports.ports);
  if (names.length === 0) return numbers;
  return [...(numbers === 'none' ? [] : [numbers]), ...names].join(', ');
}

/** For graph edges: `TCP 80,443; UDP 53`, `all`; named ports as `TCP http`. */
export function exposurePortsCompact(ports: ExposurePorts): string {
  const names = listedNames(ports);
  if (names.length === 0) return formatPortSetCompact(ports.ports);
  const parts: string[] = [];
  const unprotocolled = names.filter((n) => n.protocol === undefined).map((n) => n.name);
  if (unprotocolled.length > 0) parts.push(unprotocolled.join(','));
  for (const protocol of PROTOCOLS) {
    const items = [formatPortRanges(ports.ports[protocol]), ...names.filter((n) => n.protocol === protocol).map((n) => n.name)].filter((s) => s !== '');
    if (items.length > 0) parts.push(`${protocol} ${items.join(',')}`);
  }
  return parts.join('; ');
}

/** For one-column-per-protocol layouts (csv): a protocol's numbers, and the named ports apart. */
export function exposurePortColumns(ports: ExposurePorts): { readonly ranges: readonly string[]; readonly named: string } {
  return { ranges: PROTOCOLS.map((p) => formatPortRanges(ports.ports[p])), named: namesOf(ports).join(',') };
}

/** `ingress`, or `ingress (no policy)` when no policy protects that direction. */
export function directionText(side: DirectionExposure): string {
  return side.protected ? side.direction : `${side.direction} (no policy)`;
}

/** The column header and the noun for subjects at the report's level. */
export function subjectNoun(report: Pick<ExposureReport, 'level'>): { readonly header: string; readonly noun: string } {
  return report.level === 'pod' ? { header: 'POD', noun: 'pod' } : { header: 'WORKLOAD', noun: 'workload' };
}

/**
 * Two sentences for the whole report: how many subjects are open to the entire cluster and to
 * addresses outside it, and can reach outside; how many have a direction no policy protects.
 * E.g. `3 workloads: 2 reachable from the entire cluster, 2 from outside the cluster; 3 can reach
 * outside the cluster.` and `Not protected by any policy: 2 on ingress, 3 on egress.`
 */
export function exposureSummary(report: ExposureReport): readonly [string, string] {
  const count = (test: (s: SubjectExposure) => boolean) => report.subjects.filter(test).length;
  const has = (side: DirectionExposure, kind: ExposurePeer['kind']) => side.exposures.some((e) => e.peer.kind === kind);
  const { noun } = subjectNoun(report);
  const total = report.subjects.length;
  return [
    `${total} ${noun}${total === 1 ? '' : 's'}: ` +
      `${count((s) => has(s.ingress, 'entire-cluster'))} reachable from the entire cluster, ` +
      `${count((s) => has(s.ingress, 'external'))} from outside the cluster; ` +
      `${count((s) => has(s.egress, 'external'))} can reach outside the cluster.`,
    `Not protected by any policy: ${count((s) => !s.ingress.protected)} on ingress, ${count((s) => !s.egress.protected)} on egress.`,
  ];
}

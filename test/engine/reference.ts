// A slow, obviously-correct evaluator written straight from semantics §6 and, for the cluster-wide
// tiers, admin-network-policy-semantics.md §5-§7, sharing no code with src/engine or src/algebra
// (IP matching uses Node's own net.BlockList).
import { BlockList, isIPv6 } from 'node:net';
import type { Cluster, Pod } from '../../src/model/cluster.js';
import type { Direction, Labels, Protocol } from '../../src/model/common.js';
import type { LabelSelector } from '../../src/model/label-selector.js';
import type { NetworkPolicy, Peer, PolicyPort } from '../../src/model/network-policy.js';
import type { ClusterPeer, ClusterPolicy, ClusterPort, ClusterRule } from '../../src/model/cluster-policy.js';

export type RefEnd = { pod: Pod } | { ip: string };
export interface RefOptions {
  ipBlockMatchesPodIPs: boolean;
  hostNetworkPods: 'node-traffic' | 'pods';
  /** Defaults to true (ANP semantics §3.3). */
  networksMatchPodIPs?: boolean;
}

export function referenceAllowed(
  cluster: Cluster,
  src: RefEnd,
  dst: RefEnd,
  port: number,
  proto: Protocol,
  options: RefOptions = { ipBlockMatchesPodIPs: true, hostNetworkPods: 'node-traffic' },
): boolean {
  if ('pod' in src && 'pod' in dst && src.pod.namespace === dst.pod.namespace && src.pod.name === dst.pod.name) return true;
  const eg = 'pod' in src ? sideAllowed(cluster, src.pod, 'egress', dst, dst, port, proto, options) : true;
  const ing = 'pod' in dst ? sideAllowed(cluster, dst.pod, 'ingress', src, dst, port, proto, options) : true;
  return eg && ing;
}

/** ANP semantics §7.2: admin tier, then NetworkPolicy (final if it isolates), then baseline, then allow. */
function sideAllowed(
  cluster: Cluster,
  pod: Pod,
  dir: Direction,
  peer: RefEnd,
  dstEnd: RefEnd,
  port: number,
  proto: Protocol,
  options: RefOptions,
): boolean {
  const conn = { peer, dstEnd, port, proto };
  const admin = tierAction(cluster, 'admin', pod, dir, conn, options);
  if (admin === 'allow') return true;
  if (admin === 'deny') return false;
  const isolated = cluster.policies.some((p) => npSelects(p, pod, dir, options));
  if (isolated) return dirAllowed(cluster, pod, dir, peer, dstEnd, port, proto, options);
  return tierAction(cluster, 'baseline', pod, dir, conn, options) !== 'deny';
}

interface RefConn { peer: RefEnd; dstEnd: RefEnd; port: number; proto: Protocol }

/** The first matching rule's action in (priority, name, kind, rule index) order, or undefined. */
function tierAction(
  cluster: Cluster,
  tier: 'admin' | 'baseline',
  pod: Pod,
  dir: Direction,
  conn: RefConn,
  options: RefOptions,
): string | undefined {
  if (pod.hostNetwork && options.hostNetworkPods !== 'pods') return undefined; // never a subject
  const kindRank = (k: string) => ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy'].indexOf(k);
  const ordered = [...(cluster.clusterPolicies ?? [])]
    .filter((p) => p.tier === tier)
    .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || kindRank(a.kind) - kindRank(b.kind));
  for (const p of ordered) {
    if (!selects(p.subject.podSelector, pod.labels) || !selects(p.subject.namespaceSelector, nsLabelsOf(cluster, pod.namespace))) continue;
    for (const r of dir === 'ingress' ? p.ingress : p.egress) {
      if (clusterRuleMatches(cluster, p, r, conn, options)) return r.action;
    }
  }
  return undefined;
}

function clusterRuleMatches(cluster: Cluster, _p: ClusterPolicy, r: ClusterRule, conn: RefConn, options: RefOptions): boolean {
  const peerOk = r.peers.some((item) => clusterPeerMatch(cluster, item, conn.peer, options));
  const portOk = r.ports.kind === 'any' || r.ports.items.some((e) => clusterPortMatch(e, conn));
  return peerOk && portOk;
}

function clusterPeerMatch(cluster: Cluster, item: ClusterPeer, peer: RefEnd, options: RefOptions): boolean {
  if (item.kind === 'networks') {
    const ips = 'ip' in peer ? [peer.ip] : options.networksMatchPodIPs === false ? [] : peer.pod.ips;
    return ips.some((ip) => item.cidrs.some((c) => inCidr(ip, c)));
  }
  if (item.kind !== 'pods') return false; // nodes, domainNames: not modelled
  if (!('pod' in peer) || (peer.pod.hostNetwork && options.hostNetworkPods !== 'pods')) return false;
  return selects(item.namespaceSelector, nsLabelsOf(cluster, peer.pod.namespace)) && selects(item.podSelector, peer.pod.labels);
}

function clusterPortMatch(e: ClusterPort, conn: RefConn): boolean {
  if (e.kind === 'range') return e.protocol === conn.proto && e.from <= conn.port && conn.port <= e.to;
  const dst = conn.dstEnd;
  return 'pod' in dst && dst.pod.ports.some((cp) => cp.name === e.name && cp.containerPort === conn.port && cp.protocol === conn.proto);
}

function nsLabelsOf(cluster: Cluster, namespace: string): Labels {
  return cluster.namespaces.find((n) => n.name === namespace)?.labels ?? { 'kubernetes.io/metadata.name': namespace };
}

function npSelects(p: NetworkPolicy, pod: Pod, dir: Direction, options: RefOptions): boolean {
  return (!pod.hostNetwork || options.hostNetworkPods === 'pods') && p.namespace === pod.namespace && selects(p.podSelector, pod.labels) && p.policyTypes.includes(dir);
}

function dirAllowed(
  cluster: Cluster,
  pod: Pod,
  dir: Direction,
  peer: RefEnd,
  dstEnd: RefEnd,
  port: number,
  proto: Protocol,
  options: RefOptions,
): boolean {
  const pols = cluster.policies.filter((p) => npSelects(p, pod, dir, options));
  if (pols.length === 0) return true;
  for (const p of pols) {
    for (const r of dir === 'ingress' ? p.ingress : p.egress) {
      const peersOk = r.peers.kind === 'any' || r.peers.items.some((item) => peerMatch(cluster, item, peer, p, options));
      const portsOk = r.ports.kind === 'any' || r.ports.items.some((e) => portMatch(e, dstEnd, port, proto));
      if (peersOk && portsOk) return true;
    }
  }
  return false;
}

function peerMatch(
  cluster: Cluster,
  item: Peer,
  peer: RefEnd,
  policy: NetworkPolicy,
  options: RefOptions,
): boolean {
  if (item.kind === 'ipBlock') {
    const ips = 'ip' in peer ? [peer.ip] : options.ipBlockMatchesPodIPs ? peer.pod.ips : [];
    return ips.some((ip) => inCidr(ip, item.cidr) && !item.except.some((e) => inCidr(ip, e)));
  }
  if (!('pod' in peer) || (peer.pod.hostNetwork && options.hostNetworkPods !== 'pods')) return false;
  const nsLabels = cluster.namespaces.find((n) => n.name === peer.pod.namespace)?.labels ?? {};
  const nsOk = item.namespaceSelector === null ? peer.pod.namespace === policy.namespace : selects(item.namespaceSelector, nsLabels);
  return nsOk && selects(item.podSelector, peer.pod.labels);
}

function portMatch(e: PolicyPort, dst: RefEnd, port: number, proto: Protocol): boolean {
  if (e.protocol !== proto) return false;
  if (e.port.kind === 'all') return true;
  if (e.port.kind === 'range') return e.port.from <= port && port <= e.port.to;
  const name = e.port.name;
  return 'pod' in dst && dst.pod.ports.some((cp) => cp.name === name && cp.containerPort === port && cp.protocol === proto);
}

export function selects(sel: LabelSelector, labels: Labels): boolean {
  const has = (k: string) => Object.prototype.hasOwnProperty.call(labels, k);
  for (const [k, v] of Object.entries(sel.matchLabels)) if (!has(k) || labels[k] !== v) return false;
  for (const r of sel.matchExpressions) {
    const ok =
      r.operator === 'In' ? has(r.key) && r.values.includes(labels[r.key]!)
      : r.operator === 'NotIn' ? !has(r.key) || !r.values.includes(labels[r.key]!)
      : r.operator === 'Exists' ? has(r.key)
      : !has(r.key);
    if (!ok) return false;
  }
  return true;
}

function inCidr(ip: string, cidr: string): boolean {
  const [net, prefix] = cidr.split('/') as [string, string];
  const type = isIPv6(net) ? 'ipv6' : 'ipv4';
  if ((isIPv6(ip) ? 'ipv6' : 'ipv4') !== type) return false;
  const list = new BlockList();
  list.addSubnet(net, Number(prefix), type);
  return list.check(ip, type);
}

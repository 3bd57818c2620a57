// A slow, obviously-correct evaluator written straight from semantics §6, sharing no code with
// src/engine or src/algebra (IP matching uses Node's own net.BlockList).
import { BlockList, isIPv6 } from 'node:net';
import type { Cluster, Pod } from '../../src/model/cluster.js';
import type { Direction, Labels, Protocol } from '../../src/model/common.js';
import type { LabelSelector } from '../../src/model/label-selector.js';
import type { NetworkPolicy, Peer, PolicyPort } from '../../src/model/network-policy.js';

export type RefEnd = { pod: Pod } | { ip: string };
export interface RefOptions { ipBlockMatchesPodIPs: boolean; hostNetworkPods: 'node-traffic' | 'pods' }

export function referenceAllowed(
  cluster: Cluster,
  src: RefEnd,
  dst: RefEnd,
  port: number,
  proto: Protocol,
  options: RefOptions = { ipBlockMatchesPodIPs: true, hostNetworkPods: 'node-traffic' },
): boolean {
  if ('pod' in src && 'pod' in dst && src.pod.namespace === dst.pod.namespace && src.pod.name === dst.pod.name) return true;
  const eg = 'pod' in src ? dirAllowed(cluster, src.pod, 'egress', dst, dst, port, proto, options) : true;
  const ing = 'pod' in dst ? dirAllowed(cluster, dst.pod, 'ingress', src, dst, port, proto, options) : true;
  return eg && ing;
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
  const pols = cluster.policies.filter(
    (p) => (!pod.hostNetwork || options.hostNetworkPods === 'pods') && p.namespace === pod.namespace && selects(p.podSelector, pod.labels) && p.policyTypes.includes(dir),
  );
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

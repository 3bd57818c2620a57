// The match parts of one NetworkPolicy rule in nftables terms: who (peer alternatives) and on
// which ports (port alternatives), each with the named sets it needs. Pure; read from the model
// and the semantics doc, never from the engine's answers.
import type { Cluster, Pod } from '../model/cluster.js';
import type { Direction, Labels, Protocol } from '../model/common.js';
import type { IPBlockPeer, Peer, PolicyRule, PodPeer } from '../model/network-policy.js';
import { formatAddress, formatNetwork, networkContains, parseAddress, parseNetwork } from './addresses.js';
import type { Family, Network } from './addresses.js';
import { selects } from './selectors.js';

export interface NftSet {
  readonly name: string;
  readonly type: string;
  readonly interval: boolean;
  readonly elements: readonly string[];
  readonly comment: string;
}

/** One way to match: `text` is nft match syntax ('' matches everything); family null: both families. */
export interface Alternative {
  readonly family: Family | null;
  readonly text: string;
}

export interface RuleParts {
  readonly peers: readonly Alternative[];
  readonly ports: readonly Alternative[];
  readonly sets: readonly NftSet[];
}

export interface RuleContext {
  readonly cluster: Cluster;
  /** The pod whose table this is: the destination for ingress, the source for egress. */
  readonly subject: Pod;
  readonly direction: Direction;
  readonly ipBlockMatchesPodIPs: boolean;
  /** Prefix of this rule's set names, unique in the table. */
  readonly setPrefix: string;
  readonly policyNamespace: string;
}

export const FAMILIES = [4, 6] as const;
export const PROTOCOL_WORD = { TCP: 'tcp', UDP: 'udp', SCTP: 'sctp' } as const satisfies Record<Protocol, string>;
export const ALL_PODS_SET = { 4: 'pods_v4', 6: 'pods_v6' } as const;

export function familyWord(family: Family): 'ip' | 'ip6' {
  return family === 4 ? 'ip' : 'ip6';
}

export function addressType(family: Family): string {
  return family === 4 ? 'ipv4_addr' : 'ipv6_addr';
}

/** The remote end's address field: the source for ingress, the destination for egress. */
export function remoteField(context: Pick<RuleContext, 'direction'>, family: Family): string {
  return `${familyWord(family)} ${context.direction === 'ingress' ? 'saddr' : 'daddr'}`;
}

/** Pods that selectors can see: the lab has no hostNetwork pods (semantics §5.3), and a pod needs an address. */
export function selectablePods(cluster: Cluster): Pod[] {
  return cluster.pods.filter((pod) => !pod.hostNetwork && pod.ips.length > 0);
}

export function addressesOf(pods: readonly Pod[], family: Family): string[] {
  const out = new Set<string>();
  for (const pod of pods) {
    for (const ip of pod.ips) {
      const address = parseAddress(ip);
      if (address?.family === family) out.add(formatAddress(address));
    }
  }
  return [...out];
}

export function ruleParts(context: RuleContext, rule: PolicyRule): RuleParts {
  const sets: NftSet[] = [];
  const peers = rule.peers.kind === 'any' ? [{ family: null, text: '' }] : rule.peers.items.flatMap((peer) => peerAlternatives(context, peer, sets));
  const ports = rule.ports.kind === 'any' ? [{ family: null, text: '' }] : portAlternatives(context, rule, sets);
  return { peers, ports, sets };
}

function peerAlternatives(context: RuleContext, peer: Peer, sets: NftSet[]): Alternative[] {
  return peer.kind === 'pods' ? podPeerAlternatives(context, peer, sets) : ipBlockAlternatives(context, peer, sets);
}

/** semantics §2.5: pods of the policy's namespace, or of the namespaces namespaceSelector selects. */
function podPeerAlternatives(context: RuleContext, peer: PodPeer, sets: NftSet[]): Alternative[] {
  const matching = selectablePods(context.cluster).filter((pod) => {
    const namespaceMatches =
      peer.namespaceSelector === null
        ? pod.namespace === context.policyNamespace
        : selects(peer.namespaceSelector, namespaceLabels(context.cluster, pod.namespace));
    return namespaceMatches && selects(peer.podSelector, pod.labels);
  });
  const out: Alternative[] = [];
  for (const family of FAMILIES) {
    const elements = addressesOf(matching, family);
    if (elements.length === 0) continue;
    const name = `${context.setPrefix}_p${peer.index}_v${family}`;
    sets.push({ name, type: addressType(family), interval: false, elements, comment: `peer ${peer.index}: pods` });
    out.push({ family, text: `${remoteField(context, family)} @${name}` });
  }
  return out;
}

/** semantics §2.6: cidr minus every except; sloppy CIDRs are masked. */
function ipBlockAlternatives(context: RuleContext, peer: IPBlockPeer, sets: NftSet[]): Alternative[] {
  const cidr = parseNetwork(peer.cidr);
  if (cidr === undefined) return [];
  const field = remoteField(context, cidr.family);
  const name = `${context.setPrefix}_p${peer.index}`;
  sets.push({ name, type: addressType(cidr.family), interval: true, elements: [formatNetwork(cidr)], comment: `peer ${peer.index}: ipBlock ${peer.cidr}` });
  let text = `${field} @${name}`;
  const excepts = outermost(peer.except.map(parseNetwork).filter((n): n is Network => n?.family === cidr.family));
  if (excepts.length > 0) {
    sets.push({ name: `${name}_except`, type: addressType(cidr.family), interval: true, elements: excepts.map(formatNetwork), comment: `peer ${peer.index}: except` });
    text += ` ${field} != @${name}_except`;
  }
  // semantics §5.1: with the option off, an ipBlock never matches a pod's address.
  if (!context.ipBlockMatchesPodIPs) text += ` ${field} != @${ALL_PODS_SET[cidr.family]}`;
  return [{ family: cidr.family, text }];
}

/** CIDRs nest or are disjoint: keeping the outermost ones gives the same union with no overlap (nft refuses overlapping intervals). */
export function outermost(networks: readonly Network[]): Network[] {
  const sorted = [...networks].sort((a, b) => a.prefix - b.prefix);
  const kept: Network[] = [];
  for (const n of sorted) {
    if (!kept.some((k) => networkContains(k, { family: n.family, value: n.network }))) kept.push(n);
  }
  return kept.sort((a, b) => (a.network < b.network ? -1 : a.network > b.network ? 1 : 0));
}

export function namespaceLabels(cluster: Cluster, namespace: string): Labels {
  // semantics §2.5: every namespace carries kubernetes.io/metadata.name, declared or not.
  return cluster.namespaces.find((ns) => ns.name === namespace)?.labels ?? { 'kubernetes.io/metadata.name': namespace };
}

/**
 * semantics §2.7/§2.8: protocol-only entries match the whole protocol; numbers and ranges are
 * inclusive; a named port resolves on the destination pod — the subject itself for ingress,
 * each remote pod for egress (a set of address . port pairs).
 */
function portAlternatives(context: RuleContext, rule: PolicyRule, sets: NftSet[]): Alternative[] {
  if (rule.ports.kind === 'any') return [];
  const entries = rule.ports.items;
  const wholeProtocols = [...new Set(entries.filter((e) => e.port.kind === 'all').map((e) => e.protocol))];
  const out: Alternative[] = [];
  if (wholeProtocols.length > 0) out.push({ family: null, text: `meta l4proto { ${wholeProtocols.map((p) => PROTOCOL_WORD[p]).join(', ')} }` });
  for (const protocol of ['TCP', 'UDP', 'SCTP'] as const) {
    if (wholeProtocols.includes(protocol)) continue;
    const ranges: [number, number][] = [];
    const names: string[] = [];
    for (const entry of entries) {
      if (entry.protocol !== protocol) continue;
      if (entry.port.kind === 'range') ranges.push([entry.port.from, entry.port.to]);
      if (entry.port.kind === 'named') names.push(entry.port.name);
    }
    if (context.direction === 'ingress') ranges.push(...names.flatMap((name) => namedPorts(context.subject, name, protocol).map((n): [number, number] => [n, n])));
    if (ranges.length > 0) out.push({ family: null, text: `${PROTOCOL_WORD[protocol]} dport { ${mergeRanges(ranges).join(', ')} }` });
    if (context.direction === 'egress' && names.length > 0) out.push(...egressNamedPorts(context, protocol, names, sets));
  }
  return out;
}

/**
 * Egress towards named ports (semantics §2.8, ANP semantics §4.4): the name resolves on each
 * destination pod, so the rule matches a set of (pod address . port) pairs, one set per family.
 */
export function egressNamedPorts(context: Pick<RuleContext, 'cluster' | 'setPrefix'>, protocol: Protocol, names: readonly string[], sets: NftSet[]): Alternative[] {
  const out: Alternative[] = [];
  for (const family of FAMILIES) {
    const elements = new Set<string>();
    for (const pod of selectablePods(context.cluster)) {
      const numbers = names.flatMap((name) => namedPorts(pod, name, protocol));
      for (const address of addressesOf([pod], family)) for (const n of numbers) elements.add(`${address} . ${n}`);
    }
    if (elements.size === 0) continue;
    const name = `${context.setPrefix}_named_${PROTOCOL_WORD[protocol]}_v${family}`;
    sets.push({ name, type: `${addressType(family)} . inet_service`, interval: false, elements: [...elements], comment: `named ports ${names.join(', ')} (${protocol}) per destination pod` });
    out.push({ family, text: `${familyWord(family)} daddr . ${PROTOCOL_WORD[protocol]} dport @${name}` });
  }
  return out;
}

/** semantics §2.8: every container port of the pod with that name and the entry's protocol. */
export function namedPorts(pod: Pod, name: string, protocol: Protocol): number[] {
  return pod.ports.filter((p) => p.name === name && p.protocol === protocol).map((p) => p.containerPort);
}

export function mergeRanges(ranges: readonly [number, number][]): string[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged.map(([from, to]) => (from === to ? String(from) : `${from}-${to}`));
}

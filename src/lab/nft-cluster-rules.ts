// The match parts of one AdminNetworkPolicy / BaselineAdminNetworkPolicy / ClusterNetworkPolicy
// rule in nftables terms: peer alternatives and port alternatives, with the named sets they need.
// Pure; read from the model and admin-network-policy-semantics.md ("ANP semantics"), never from
// the engine's answers, with the lab's own selector and CIDR code (selectors.ts, addresses.ts).
import type { Cluster, Pod } from '../model/cluster.js';
import type { Direction, Protocol } from '../model/common.js';
import type { ClusterPeer, ClusterPort, ClusterRule } from '../model/cluster-policy.js';
import { formatNetwork, parseNetwork } from './addresses.js';
import type { Network } from './addresses.js';
import {
  ALL_PODS_SET,
  FAMILIES,
  PROTOCOL_WORD,
  addressType,
  addressesOf,
  egressNamedPorts,
  mergeRanges,
  namedPorts,
  namespaceLabels,
  outermost,
  remoteField,
  selectablePods,
} from './nft-rules.js';
import type { Alternative, NftSet, RuleParts } from './nft-rules.js';
import { selects } from './selectors.js';

export interface ClusterRuleContext {
  readonly cluster: Cluster;
  /** The pod whose table this is: the destination for ingress, the source for egress. */
  readonly subject: Pod;
  readonly direction: Direction;
  /** The engine option of the same name: whether `networks` CIDRs match pod addresses (ANP semantics §3.3 #2). */
  readonly networksMatchPodIPs: boolean;
  /** Prefix of this rule's set names, unique in the table. */
  readonly setPrefix: string;
}

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;

/** ANP semantics §5: a rule matches when one of its peers and (if it lists any) one of its port entries match. */
export function clusterRuleParts(context: ClusterRuleContext, rule: ClusterRule): RuleParts {
  const sets: NftSet[] = [];
  const peers = rule.peers.flatMap((peer) => peerAlternatives(context, peer, sets));
  const ports = rule.ports.kind === 'any' ? [{ family: null, text: '' }] : portAlternatives(context, rule.ports.items, sets);
  return { peers, ports, sets };
}

function peerAlternatives(context: ClusterRuleContext, peer: ClusterPeer, sets: NftSet[]): Alternative[] {
  switch (peer.kind) {
    case 'pods':
      return podAlternatives(context, peer.index, (pod) => selects(peer.namespaceSelector, namespaceLabels(context.cluster, pod.namespace)) && selects(peer.podSelector, pod.labels), sets);
    case 'networks':
      return networkAlternatives(context, peer.index, peer.cidrs, sets);
    case 'nodes':
    case 'domainNames':
      // As the engine: netwarden has no Nodes and no DNS data, so these peers match nothing.
      return [];
  }
}

/** ANP semantics §3.3: `namespaces` and `pods` peers are non-host-network pods, by namespace and pod labels. */
function podAlternatives(context: ClusterRuleContext, index: number, matches: (pod: Pod) => boolean, sets: NftSet[]): Alternative[] {
  const matching = selectablePods(context.cluster).filter(matches);
  const out: Alternative[] = [];
  for (const family of FAMILIES) {
    const elements = addressesOf(matching, family);
    if (elements.length === 0) continue;
    const name = `${context.setPrefix}_p${index}_v${family}`;
    sets.push({ name, type: addressType(family), interval: false, elements, comment: `peer ${index}: pods` });
    out.push({ family, text: `${remoteField(context, family)} @${name}` });
  }
  return out;
}

/**
 * ANP semantics §3.3, §3.4: any address in a (masked) CIDR, pods included unless the option says
 * otherwise; no except list. One interval set per family, overlaps folded (nft refuses them).
 */
function networkAlternatives(context: ClusterRuleContext, index: number, cidrs: readonly string[], sets: NftSet[]): Alternative[] {
  const networks = cidrs.map(parseNetwork).filter((n): n is Network => n !== undefined);
  const out: Alternative[] = [];
  for (const family of FAMILIES) {
    const kept = outermost(networks.filter((n) => n.family === family));
    if (kept.length === 0) continue;
    const name = `${context.setPrefix}_p${index}_v${family}`;
    sets.push({ name, type: addressType(family), interval: true, elements: kept.map(formatNetwork), comment: `peer ${index}: networks` });
    const field = remoteField(context, family);
    const notPods = context.networksMatchPodIPs ? '' : ` ${field} != @${ALL_PODS_SET[family]}`;
    out.push({ family, text: `${field} @${name}${notPods}` });
  }
  return out;
}

/**
 * ANP semantics §4: numbers and ranges are inclusive destination ports of their protocol; a named
 * port takes number and protocol from the destination pod's container ports (§4.4) — the subject
 * itself for ingress, each remote pod for egress (a set of address . port pairs).
 */
function portAlternatives(context: ClusterRuleContext, entries: readonly ClusterPort[], sets: NftSet[]): Alternative[] {
  const names = entries.flatMap((e) => (e.kind === 'named' ? [e.name] : []));
  const out: Alternative[] = [];
  for (const protocol of PROTOCOLS) {
    const ranges: [number, number][] = entries.flatMap((e): [number, number][] => (e.kind === 'range' && e.protocol === protocol ? [[e.from, e.to]] : []));
    if (context.direction === 'ingress') ranges.push(...namedPortsOf(context.subject, names, protocol).map((n): [number, number] => [n, n]));
    if (ranges.length > 0) out.push({ family: null, text: `${PROTOCOL_WORD[protocol]} dport { ${mergeRanges(ranges).join(', ')} }` });
    if (context.direction === 'egress' && names.length > 0) out.push(...egressNamedPorts(context, protocol, names, sets));
  }
  return out;
}

/** ANP semantics §4.4: every container port of the pod with one of the names and that protocol. */
function namedPortsOf(pod: Pod, names: readonly string[], protocol: Protocol): number[] {
  return names.flatMap((name) => namedPorts(pod, name, protocol));
}

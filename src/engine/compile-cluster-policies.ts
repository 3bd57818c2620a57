import type { ClusterPeer, ClusterPolicy, ClusterPort, ClusterRule, ClusterTier } from '../model/cluster-policy.js';
import type { LabelSelector } from '../model/label-selector.js';
import { EMPTY_IP_SET, ipSetOfBlock, unionIPs, type IPSet } from '../algebra/ip-set.js';
import type { ClusterPolicyRef } from './types.js';

/** A peer of a cluster-wide policy ready for matching. */
export type CompiledClusterPeer =
  | {
      readonly kind: 'pods';
      readonly index: number;
      readonly namespaceSelector: LabelSelector;
      readonly podSelector: LabelSelector;
    }
  | { readonly kind: 'networks'; readonly index: number; readonly addresses: IPSet }
  /** nodes and domainNames: netwarden has neither Nodes nor DNS data, so the peer matches nothing. */
  | { readonly kind: 'nothing'; readonly index: number };

export interface CompiledClusterRule {
  readonly rule: ClusterRule;
  readonly peers: readonly CompiledClusterPeer[];
  /** null: no ports/protocols, every protocol and port (ANP semantics §4.1). */
  readonly ports: readonly ClusterPort[] | null;
  /** Whether a port entry is named, so the ports depend on the destination pod (§4.4). */
  readonly hasNamedPorts: boolean;
}

export interface CompiledClusterPolicy {
  readonly policy: ClusterPolicy;
  readonly ref: ClusterPolicyRef;
  /** Position in its tier's evaluation order (0 first). */
  readonly rank: number;
  /** The priority it sorts by: spec.priority, 0 for a BaselineAdminNetworkPolicy. */
  readonly sortPriority: number;
  readonly ingress: readonly CompiledClusterRule[];
  readonly egress: readonly CompiledClusterRule[];
}

export interface CompiledTiers {
  /** AdminNetworkPolicies and Admin ClusterNetworkPolicies, in evaluation order. */
  readonly admin: readonly CompiledClusterPolicy[];
  /** The BaselineAdminNetworkPolicy and Baseline ClusterNetworkPolicies, in evaluation order. */
  readonly baseline: readonly CompiledClusterPolicy[];
}

const KIND_ORDER = { AdminNetworkPolicy: 0, BaselineAdminNetworkPolicy: 1, ClusterNetworkPolicy: 2 } as const;

/**
 * ANP semantics §7.2, §7.4, §8: each tier is one list ordered by priority (lower first); equal
 * priorities, which upstream leaves undefined, are ordered by metadata.name, then by kind
 * (AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy), so results are reproducible.
 */
export function compileTiers(policies: readonly ClusterPolicy[]): CompiledTiers {
  return { admin: compileTier(policies, 'admin'), baseline: compileTier(policies, 'baseline') };
}

function compileTier(policies: readonly ClusterPolicy[], tier: ClusterTier): CompiledClusterPolicy[] {
  return policies
    .filter((p) => p.tier === tier)
    .sort(compareClusterPolicies)
    .map((policy, rank) => ({
      policy,
      ref: { kind: policy.kind, name: policy.name, tier: policy.tier, priority: policy.priority, source: policy.source },
      rank,
      sortPriority: sortPriority(policy),
      ingress: policy.ingress.map(compileRule),
      egress: policy.egress.map(compileRule),
    }));
}

export function sortPriority(policy: Pick<ClusterPolicy, 'priority'>): number {
  return policy.priority ?? 0;
}

/** The evaluation order inside a tier (see compileTiers). */
export function compareClusterPolicies(a: ClusterPolicy, b: ClusterPolicy): number {
  const byPriority = sortPriority(a) - sortPriority(b);
  if (byPriority !== 0) return byPriority;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
}

function compileRule(rule: ClusterRule): CompiledClusterRule {
  const ports = rule.ports.kind === 'any' ? null : rule.ports.items;
  return {
    rule,
    peers: rule.peers.map(compilePeer),
    ports,
    hasNamedPorts: ports !== null && ports.some((entry) => entry.kind === 'named'),
  };
}

function compilePeer(peer: ClusterPeer): CompiledClusterPeer {
  switch (peer.kind) {
    case 'pods':
      return { kind: 'pods', index: peer.index, namespaceSelector: peer.namespaceSelector, podSelector: peer.podSelector };
    case 'networks': {
      // ANP semantics §3.4: a CIDR matches its masked network; there is no except list.
      let addresses = EMPTY_IP_SET;
      for (const cidr of peer.cidrs) addresses = unionIPs(addresses, ipSetOfBlock(cidr, []) ?? EMPTY_IP_SET);
      return { kind: 'networks', index: peer.index, addresses };
    }
    case 'nodes':
    case 'domainNames':
      return { kind: 'nothing', index: peer.index };
  }
}

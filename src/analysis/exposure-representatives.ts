import type { CompiledCluster } from '../engine/compile.js';
import {
  isEntireCluster,
  namespaceRequirements,
  namespaceScope,
  podRequirements,
  podScope,
  representativePeer,
  type Requirements,
  type RepresentativePeer,
} from './exposure-peers.js';

/**
 * Every set of pods a rule names by selectors, in any policy of any tier, once each (peers
 * that state the same requirements are one, kept as first written): NetworkPolicies in input
 * order, each ingress then egress (only the directions of its policyTypes, semantics §2.2), then
 * the cluster-wide policies in evaluation order. A peer that names every pod of every namespace
 * is the entire cluster, not a representative peer; ipBlocks name addresses, not pods.
 */
export function representativePeers(compiled: CompiledCluster): RepresentativePeer[] {
  const byKey = new Map<string, RepresentativePeer>();
  const add = (peer: RepresentativePeer): void => {
    if (!byKey.has(peer.key)) byKey.set(peer.key, peer);
  };
  for (const policy of compiled.policies) {
    for (const rule of [...(policy.ingress ?? []), ...(policy.egress ?? [])]) {
      for (const peer of rule.peers ?? []) {
        if (peer.kind !== 'pods') continue;
        const namespaces = namespaceScope(peer.namespaceSelector, policy.policy.namespace);
        const pods = podScope(peer.podSelector);
        if (!isEntireCluster(namespaces, pods)) add(representativePeer(namespaces, pods));
      }
    }
  }
  for (const policy of [...compiled.tiers.admin, ...compiled.tiers.baseline]) {
    for (const rule of [...policy.ingress, ...policy.egress]) {
      for (const peer of rule.peers) {
        if (peer.kind !== 'pods') continue;
        const namespaces = namespaceScope(peer.namespaceSelector, '');
        const pods = podScope(peer.podSelector);
        if (!isEntireCluster(namespaces, pods)) add(representativePeer(namespaces, pods));
      }
    }
  }
  return [...byKey.values()];
}

/**
 * Finds the representative peers a rule's peer covers (see `covers`): those having every one of
 * its namespace requirements and every one of its pod requirements, through an index from each
 * requirement to the peers that have it.
 */
export class RepresentativeIndex {
  readonly #byNamespaceRequirement = new Map<string, number[]>();
  readonly #byPodRequirement = new Map<string, number[]>();
  readonly #count: number;

  constructor(peers: readonly RepresentativePeer[]) {
    this.#count = peers.length;
    peers.forEach((peer, index) => {
      for (const r of namespaceRequirements(peer.namespaces)) push(this.#byNamespaceRequirement, r, index);
      for (const r of podRequirements(peer.pods)) push(this.#byPodRequirement, r, index);
    });
  }

  /** Indexes of the peers that `rule` covers; a rule with no requirement at all covers every peer. */
  coveredBy(rule: { readonly namespaces: Requirements; readonly pods: Requirements }): number[] {
    const lists = [
      ...rule.namespaces.map((r) => this.#byNamespaceRequirement.get(r) ?? []),
      ...rule.pods.map((r) => this.#byPodRequirement.get(r) ?? []),
    ].sort((a, b) => a.length - b.length);
    const [shortest, ...others] = lists;
    if (shortest === undefined) return Array.from({ length: this.#count }, (_, i) => i);
    const sets = others.map((list) => new Set(list));
    return shortest.filter((index) => sets.every((set) => set.has(index)));
  }
}

function push(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [index]);
  else if (list[list.length - 1] !== index) list.push(index);
}

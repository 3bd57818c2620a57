import type { CompiledCluster } from '../engine/compile.js';
import { isEntireCluster, namespaceScope, podScope, representativePeer, type RepresentativePeer } from './exposure-peers.js';

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

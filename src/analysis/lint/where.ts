// Locations of the parts of a NetworkPolicy, from the `source` the loader keeps on each
// (model/network-policy.ts), with the field path a reader finds them under.

import type { ClusterPolicy, ClusterRule } from '../../model/cluster-policy.js';
import type { Direction } from '../../model/common.js';
import type { Pod } from '../../model/cluster.js';
import type { NetworkPolicy, Peer, PolicyPort, PolicyRule } from '../../model/network-policy.js';
import type { Location } from './rule.js';

export function policyName(policy: NetworkPolicy): string {
  return `NetworkPolicy ${policy.namespace}/${policy.name}`;
}

/** `from` for ingress rules, `to` for egress rules. */
export function peersKey(direction: Direction): 'from' | 'to' {
  return direction === 'ingress' ? 'from' : 'to';
}

/** `ingress[0]`: a rule as its policy lists it. */
export function ruleName(direction: Direction, rule: PolicyRule): string {
  return `${direction}[${rule.index}]`;
}

export function atPolicy(policy: NetworkPolicy, fieldPath?: string): Location {
  const { file, line } = policy.source;
  return { file, line, ...(fieldPath === undefined ? {} : { fieldPath }), object: policyName(policy) };
}

export function atRule(policy: NetworkPolicy, direction: Direction, rule: PolicyRule): Location {
  return { file: rule.source.file, line: rule.source.line, fieldPath: `spec.${ruleName(direction, rule)}`, object: policyName(policy) };
}

export function atPeer(policy: NetworkPolicy, direction: Direction, rule: PolicyRule, peer: Peer): Location {
  const fieldPath = `spec.${ruleName(direction, rule)}.${peersKey(direction)}[${peer.index}]`;
  return { file: peer.source.file, line: peer.source.line, fieldPath, object: policyName(policy) };
}

export function atPort(policy: NetworkPolicy, direction: Direction, rule: PolicyRule, port: PolicyPort): Location {
  const fieldPath = `spec.${ruleName(direction, rule)}.ports[${port.index}]`;
  return { file: port.source.file, line: port.source.line, fieldPath, object: policyName(policy) };
}

/** A pod's manifest: the Pod, or the workload it was expanded from. */
export function atPod(pod: Pod, object: string): Location {
  return { file: pod.source?.file ?? '', line: pod.source?.line ?? 0, object };
}

/** `AdminNetworkPolicy deny-b`: cluster-scoped, so no namespace. */
export function clusterPolicyName(policy: ClusterPolicy): string {
  return `${policy.kind} ${policy.name}`;
}

export function atClusterPolicy(policy: ClusterPolicy, fieldPath?: string): Location {
  const { file, line } = policy.source;
  return { file, line, ...(fieldPath === undefined ? {} : { fieldPath }), object: clusterPolicyName(policy) };
}

export function atClusterRule(policy: ClusterPolicy, direction: Direction, rule: ClusterRule): Location {
  return { file: rule.source.file, line: rule.source.line, fieldPath: `spec.${direction}[${rule.index}]`, object: clusterPolicyName(policy) };
}

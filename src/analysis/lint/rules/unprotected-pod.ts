// In a namespace that has NetworkPolicies, a pod none of them selects accepts and sends everything
// (semantics §4): usually a workload the policies were not updated for. Unless cluster-wide
// policies deny it something: without NetworkPolicy, the admin tier, then the baseline tier, then
// the default allow decide (ANP semantics §7.2), so the pod is open only if neither tier denies it
// anything in either direction.

import { selectorMatches } from '../../../algebra/label-selector.js';
import { seenBySelectors } from '../../../engine/compile.js';
import type { CompiledClusterPolicy } from '../../../engine/compile-cluster-policies.js';
import { clusterPolicyTag } from '../../../model/cluster-policy.js';
import type { Pod } from '../../../model/cluster.js';
import type { LintContext } from '../context.js';
import type { Draft, LintRule } from '../rule.js';
import { atPod } from '../where.js';
import { count, someOf } from '../wording.js';

export const unprotectedPod: LintRule = {
  id: 'unprotected-pod',
  severity: 'warning',
  title: 'Pod that no policy selects, in a namespace with policies',
  description:
    'The namespace has NetworkPolicies, but none selects this pod, and no cluster-wide policy denies it anything: ' +
    'all its ingress and egress is allowed. Without a NetworkPolicy, the admin tier (AdminNetworkPolicy, ' +
    'ClusterNetworkPolicy tier Admin), then the baseline tier (BaselineAdminNetworkPolicy, ClusterNetworkPolicy ' +
    'tier Baseline), then the default allow decide (ANP semantics §7.2): a pod that an admin or baseline rule ' +
    'denies some traffic to or from, towards the pods and addresses of the input, is not reported; one that ' +
    'cluster-wide policies select only to allow or pass is. Usually a workload added after the policies were ' +
    'written. Reported once per workload. Host-network pods are left out: no NetworkPolicy can select them ' +
    '(semantics §5.3).',
  help: 'Select it with a policy: a default deny for the namespace (podSelector: {}) plus the allows it needs.',
  *check(context: LintContext): Iterable<Draft> {
    const namespaces = new Map<string, string[]>();
    for (const policy of context.cluster.policies) {
      namespaces.set(policy.namespace, [...(namespaces.get(policy.namespace) ?? []), policy.name]);
    }
    for (const [namespace, policies] of namespaces) {
      const bare = context.podsIn(namespace).filter((pod) => seenBySelectors(context.compiled, pod) && !isSelected(context, pod) && !isGuarded(context, pod));
      for (const pods of byWorkload(bare)) {
        const first = pods[0]!;
        const owner = workloadOf(first);
        const object = owner === undefined ? `Pod ${namespace}/${first.name}` : `${owner.kind} ${namespace}/${owner.name}`;
        const what = owner === undefined ? 'the pod is' : `its ${count(pods.length, 'pod')} ${pods.length === 1 ? 'is' : 'are'}`;
        yield {
          ...atPod(first, object),
          message: `${what} selected by no NetworkPolicy, though namespace ${namespace} has ${count(policies.length, 'NetworkPolicy', 'NetworkPolicies')} (${someOf(policies)})${clusterNote(context, first)}: all ${pods.length === 1 ? 'its' : 'their'} ingress and egress is allowed`,
          fix: `add a policy that selects it, e.g. a default deny for namespace ${namespace} (podSelector: {}) and the allows it needs`,
        };
      }
    }
  },
};

/** Selected by a NetworkPolicy's podSelector, for either direction. */
function isSelected(context: LintContext, pod: Pod): boolean {
  const policies = context.compiled.policiesByNamespace.get(pod.namespace) ?? [];
  return policies.some((p) => selectorMatches(p.policy.podSelector, pod.labels));
}

/** An admin or baseline rule denies the pod some port towards some pod class or address, in a direction. */
function isGuarded(context: LintContext, pod: Pod): boolean {
  if (!context.hasClusterPolicies) return false;
  return !context.clusterScene.guardOf(pod, 'ingress').open || !context.clusterScene.guardOf(pod, 'egress').open;
}

/** `, and the cluster-wide policies selecting it (ANP allow-all) deny it nothing`, or nothing. */
function clusterNote(context: LintContext, pod: Pod): string {
  if (!context.hasClusterPolicies) return '';
  const selecting = new Set<CompiledClusterPolicy>([...context.clusterScene.guardOf(pod, 'ingress').policies, ...context.clusterScene.guardOf(pod, 'egress').policies]);
  if (selecting.size === 0) return '';
  const names = [...selecting].map((p) => `${clusterPolicyTag(p.policy.kind)} ${p.policy.name}`);
  return `, and the cluster-wide ${selecting.size === 1 ? 'policy selecting it' : 'policies selecting it'} (${someOf(names)}) ${selecting.size === 1 ? 'denies' : 'deny'} it nothing`;
}

/** Pods of one workload together (a bare pod alone), in input order. */
function byWorkload(pods: readonly Pod[]): Pod[][] {
  const groups = new Map<string, Pod[]>();
  for (const pod of pods) {
    const owner = workloadOf(pod);
    const key = owner === undefined ? `pod/${pod.name}` : `${owner.kind}/${owner.name}`;
    const group = groups.get(key);
    if (group) group.push(pod);
    else groups.set(key, [pod]);
  }
  return [...groups.values()];
}

/** The pod's workload; a static pod's controller is its Node, which is not one. */
function workloadOf(pod: Pod): Pod['owner'] {
  return pod.owner?.kind === 'Node' ? undefined : pod.owner;
}

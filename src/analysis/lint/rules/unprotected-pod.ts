// In a namespace that has NetworkPolicies, a pod none of them selects accepts and sends everything
// (semantics §4): usually a workload the policies were not updated for.

import { selectorMatches } from '../../../algebra/label-selector.js';
import { labelsOfNamespace, seenBySelectors } from '../../../engine/compile.js';
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
    'The namespace has NetworkPolicies, but none selects this pod (nor does a cluster-wide AdminNetworkPolicy, ' +
    'BaselineAdminNetworkPolicy or ClusterNetworkPolicy): all its ingress and egress is allowed. Usually a ' +
    'workload added after the policies were written. Reported once per workload. Host-network pods are left ' +
    'out: no NetworkPolicy can select them (semantics §5.3).',
  help: 'Select it with a policy: a default deny for the namespace (podSelector: {}) plus the allows it needs.',
  *check(context: LintContext): Iterable<Draft> {
    const namespaces = new Map<string, string[]>();
    for (const policy of context.cluster.policies) {
      namespaces.set(policy.namespace, [...(namespaces.get(policy.namespace) ?? []), policy.name]);
    }
    for (const [namespace, policies] of namespaces) {
      const bare = context.podsIn(namespace).filter((pod) => seenBySelectors(context.compiled, pod) && !isSelected(context, pod));
      for (const pods of byWorkload(bare)) {
        const first = pods[0]!;
        const owner = workloadOf(first);
        const object = owner === undefined ? `Pod ${namespace}/${first.name}` : `${owner.kind} ${namespace}/${owner.name}`;
        const what = owner === undefined ? 'the pod is' : `its ${count(pods.length, 'pod')} ${pods.length === 1 ? 'is' : 'are'}`;
        yield {
          ...atPod(first, object),
          message: `${what} selected by no NetworkPolicy, though namespace ${namespace} has ${count(policies.length, 'NetworkPolicy', 'NetworkPolicies')} (${someOf(policies)}): all ${pods.length === 1 ? 'its' : 'their'} ingress and egress is allowed`,
          fix: `add a policy that selects it, e.g. a default deny for namespace ${namespace} (podSelector: {}) and the allows it needs`,
        };
      }
    }
  },
};

function isSelected(context: LintContext, pod: Pod): boolean {
  const policies = context.compiled.policiesByNamespace.get(pod.namespace) ?? [];
  if (policies.some((p) => selectorMatches(p.policy.podSelector, pod.labels))) return true;
  const namespaceLabels = labelsOfNamespace(context.compiled, pod.namespace);
  return (context.cluster.clusterPolicies ?? []).some(
    (p) => selectorMatches(p.subject.namespaceSelector, namespaceLabels) && selectorMatches(p.subject.podSelector, pod.labels),
  );
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

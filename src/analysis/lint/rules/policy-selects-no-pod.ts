// A policy whose spec.podSelector selects no pod of the input does nothing (semantics §2.1).

import { formatSelector, selectorMatches } from '../../../algebra/label-selector.js';
import type { Pod } from '../../../model/cluster.js';
import type { LabelSelector } from '../../../model/label-selector.js';
import type { NetworkPolicy } from '../../../model/network-policy.js';
import type { LintContext } from '../context.js';
import type { Draft, LintRule } from '../rule.js';
import { atPolicy } from '../where.js';
import { count, distinctSorted, someOf } from '../wording.js';

export const policySelectsNoPod: LintRule = {
  id: 'policy-selects-no-pod',
  severity: 'warning',
  title: 'Policy that selects no pod',
  description:
    "spec.podSelector matches no pod of the policy's namespace in the input, so the policy isolates " +
    'nothing and allows nothing. Usually a label typo, a selector written for another namespace, or a ' +
    'policy whose workload is gone. Judged against the pods of the input only.',
  help: "Make spec.podSelector match the labels of the pods you mean (a policy only selects pods of its own namespace), or delete the policy.",
  *check(context: LintContext): Iterable<Draft> {
    if (!context.hasPods) {
      context.skip('policy-selects-no-pod', 'the input has no pods: give netwarden the workloads as well as the policies');
      return;
    }
    for (const policy of context.cluster.policies) {
      if (context.selectedPods(policy).length > 0) continue;
      yield { ...atPolicy(policy, 'spec.podSelector'), ...explain(context.podsIn(policy.namespace), policy) };
    }
  },
};

function explain(pods: readonly Pod[], policy: NetworkPolicy): { message: string; fix: string } {
  const selector = formatSelector(policy.podSelector);
  const shown = selector === '' ? '{} (every pod)' : selector;
  if (pods.length === 0) {
    return {
      message: `${shown} selects no pod: the input has no pod in namespace ${policy.namespace}`,
      fix: `check metadata.namespace (${policy.namespace}), or add the workloads of that namespace to the input`,
    };
  }
  const hostNetwork = pods.filter((pod) => pod.hostNetwork && selectorMatches(policy.podSelector, pod.labels));
  if (hostNetwork.length > 0) {
    return {
      message: `${shown} selects only hostNetwork pods (${someOf(hostNetwork.map((p) => p.name))}), which NetworkPolicies do not isolate (semantics §5.3)`,
      fix: 'protect host-network pods with host firewall rules; a NetworkPolicy cannot',
    };
  }
  return {
    message: `${shown} selects none of the ${count(pods.length, 'pod')} in namespace ${policy.namespace}`,
    fix: `match the labels the pods carry${labelHint(pods, policy.podSelector)}`,
  };
}

/** For the keys the selector names: the values pods of the namespace carry, e.g. ` (pods have app=db, app=web)`. */
export function labelHint(pods: readonly Pod[], selector: LabelSelector): string {
  const keys = [...Object.keys(selector.matchLabels), ...selector.matchExpressions.map((r) => r.key)];
  const present = distinctSorted(
    pods.flatMap((pod) => keys.filter((key) => Object.hasOwn(pod.labels, key)).map((key) => `${key}=${pod.labels[key]}`)),
  );
  return present.length === 0 ? ` (no pod has the label ${someOf(distinctSorted(keys))})` : ` (pods have ${someOf(present, 5)})`;
}

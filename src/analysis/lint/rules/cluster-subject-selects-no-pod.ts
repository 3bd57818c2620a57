// A cluster-wide policy whose subject selects no pod of the input decides nothing for anyone (ANP
// semantics §2: the subject is where each direction is judged), the cluster-wide twin of
// policy-selects-no-pod.

import { formatSelector } from '../../../algebra/label-selector.js';
import { clusterPolicySelects } from '../../../engine/cluster-match.js';
import type { CompiledClusterPolicy } from '../../../engine/compile-cluster-policies.js';
import type { ClusterSubject } from '../../../model/cluster-policy.js';
import type { LintContext } from '../context.js';
import type { Draft, LintRule } from '../rule.js';
import { atClusterPolicy } from '../where.js';

export const clusterSubjectSelectsNoPod: LintRule = {
  id: 'cluster-subject-selects-no-pod',
  severity: 'warning',
  title: 'Cluster-wide policy whose subject selects no pod',
  description:
    "An AdminNetworkPolicy, BaselineAdminNetworkPolicy or ClusterNetworkPolicy whose spec.subject matches no pod " +
    'of the input: none of its rules is ever consulted, in either direction. Usually a namespace label that the ' +
    'Namespace manifests do not carry (netwarden knows only the labels of the Namespace objects it is given, plus ' +
    'kubernetes.io/metadata.name), or a pod label typo. Judged against the pods of the input only.',
  help: 'Make spec.subject match the namespaces and pods you mean (label the namespaces, and add their manifests to the input), or delete the policy.',
  *check(context: LintContext): Iterable<Draft> {
    if (!context.hasClusterPolicies) return;
    if (!context.hasPods) {
      context.skip('cluster-subject-selects-no-pod', 'the input has no pods: give netwarden the workloads as well as the policies');
      return;
    }
    const { compiled } = context;
    for (const policy of [...compiled.tiers.admin, ...compiled.tiers.baseline]) {
      if (compiled.cluster.pods.some((pod) => clusterPolicySelects(compiled, policy, pod))) continue;
      yield { ...atClusterPolicy(policy.policy, 'spec.subject'), ...explain(policy) };
    }
  },
};

function explain(policy: CompiledClusterPolicy): { message: string; fix: string } {
  const subject = subjectText(policy.policy.subject);
  return {
    message: `subject ${subject} selects no pod of the input: ${rulesNeverDecide(policy)}`,
    fix: 'match the labels the namespaces and pods carry (a namespace label must be on the Namespace object in the input)',
  };
}

/** The subject as written: `namespaces {team=shop}` or `pods {namespaces: ..., pods: ...}`. */
function subjectText(subject: ClusterSubject): string {
  const shown = (text: string): string => (text === '' ? '{}' : `{${text}}`);
  if (subject.form === 'namespaces') return `namespaces ${shown(formatSelector(subject.namespaceSelector))}`;
  return `pods (namespaces ${shown(formatSelector(subject.namespaceSelector))}, pods ${shown(formatSelector(subject.podSelector))})`;
}

function rulesNeverDecide(policy: CompiledClusterPolicy): string {
  const rules = policy.ingress.length + policy.egress.length;
  return rules === 1 ? 'its rule never decides anything' : `none of its ${rules} rules ever decides anything`;
}

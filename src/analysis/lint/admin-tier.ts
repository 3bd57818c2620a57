// Which admin-tier policies (AdminNetworkPolicy, ClusterNetworkPolicy tier Admin) decide before a
// NetworkPolicy for its pods: what they allow or deny never reaches NetworkPolicy (ANP semantics
// §7.2), so a claim about what a NetworkPolicy admits holds only for the rest.

import { clusterPolicyTag } from '../../model/cluster-policy.js';
import type { Pod } from '../../model/cluster.js';
import type { Direction } from '../../model/common.js';
import type { LintContext } from './context.js';

/** `ANP deny-all`, `CNP sealed`: admin-tier policies with rules for a direction that select one of the pods. */
export function adminTierNames(context: LintContext, pods: readonly Pod[], directions: readonly Direction[]): string[] {
  if (!context.hasClusterPolicies) return [];
  const names = new Set<string>();
  for (const pod of pods) {
    for (const direction of directions) {
      for (const p of context.clusterScene.guardOf(pod, direction).policies) {
        if (p.ref.tier === 'admin') names.add(`${clusterPolicyTag(p.policy.kind)} ${p.policy.name}`);
      }
    }
  }
  return [...names];
}

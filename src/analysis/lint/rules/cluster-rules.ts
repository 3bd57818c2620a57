// Rules of cluster-wide policies that never take effect as written: a rule whose traffic an earlier
// rule of its tier always takes first (the first matching rule decides, ANP semantics §7.2), and an
// admin Pass whose traffic nothing below decides, so that the default allows it (§7.2, §6).

import type { LintContext } from '../context.js';
import { clusterRuleName, type RuleUse } from '../cluster-rule-usage.js';
import type { Draft, LintRule } from '../rule.js';
import { atClusterRule } from '../where.js';
import { someOf } from '../wording.js';

export const clusterRuleShadowed: LintRule = {
  id: 'cluster-rule-shadowed',
  severity: 'warning',
  title: 'Cluster-wide rule that an earlier rule always decides first',
  description:
    'A rule of an AdminNetworkPolicy, BaselineAdminNetworkPolicy or ClusterNetworkPolicy matches traffic between ' +
    'the pods and addresses of the input, but all of it is matched first by earlier rules of its tier: earlier in ' +
    'the same policy, or in a policy the tier evaluates before it (lower priority number; equal priorities by ' +
    'name, then kind). The first matching rule decides (ANP semantics §7.2), so this one never does: it is dead ' +
    'weight, or the order is not the one meant. Judged on the pods and address ranges of the input; skipped, and ' +
    'said so, when the input is too large.',
  help: 'Delete the rule, or move it before the rules that shadow it (or give its policy a lower priority number).',
  *check(context: LintContext): Iterable<Draft> {
    for (const use of usedRules(context, 'cluster-rule-shadowed')) {
      if (!use.matches || use.decides) continue;
      yield {
        ...atClusterRule(use.policy.policy, use.direction, use.rule.rule),
        message: `${clusterRuleName(use)} never decides anything: every connection it matches is matched first by ${someOf([...use.shadowedBy].map(clusterRuleName), 4)}${tieNote(use)}`,
        fix: 'delete the rule, or move it before the rules that shadow it (or give its policy a lower priority number)',
      };
    }
  },
};

export const clusterPassReachesNothing: LintRule = {
  id: 'cluster-pass-reaches-nothing',
  severity: 'warning',
  title: 'Admin Pass that nothing below decides',
  description:
    'An admin-tier Pass rule (AdminNetworkPolicy, or ClusterNetworkPolicy tier Admin) hands traffic on to the ' +
    'NetworkPolicies and then to the baseline tier, but for the pods it selects no NetworkPolicy isolates that ' +
    'direction and no baseline rule matches what it passes: the default allows all of it (ANP semantics §7.2). ' +
    'The Pass then works as an Allow that reads like a delegation; usually the NetworkPolicy or baseline rule ' +
    'meant to decide is missing, or selects other pods. Judged on the pods and address ranges of the input.',
  help: 'Write the NetworkPolicy or baseline rule meant to decide the passed traffic, or write Allow (Accept) if allowing was meant.',
  *check(context: LintContext): Iterable<Draft> {
    for (const use of usedRules(context, 'cluster-pass-reaches-nothing')) {
      if (use.policy.ref.tier !== 'admin' || use.rule.rule.action !== 'pass' || !use.decides || use.passReaches) continue;
      const allow = use.policy.policy.kind === 'ClusterNetworkPolicy' ? 'Accept' : 'Allow';
      yield {
        ...atClusterRule(use.policy.policy, use.direction, use.rule.rule),
        message: `${clusterRuleName(use)} passes traffic that no NetworkPolicy isolates and no baseline rule matches: the default allows it, as if the rule said ${allow}`,
        fix: `write the NetworkPolicy or baseline rule meant to decide it, or say ${allow} if allowing was meant`,
      };
    }
  },
};

/** ANP semantics §7.4: when a shadowing policy shares the priority, the order is netwarden's choice. */
function tieNote(use: RuleUse): string {
  const tied = [...new Set([...use.shadowedBy].map((u) => u.policy))].filter((p) => p !== use.policy && p.sortPriority === use.policy.sortPriority);
  if (tied.length === 0) return '';
  return ` (${tied.map((p) => p.policy.name).join(', ')} ${tied.length === 1 ? 'has' : 'have'} the same priority ${use.policy.sortPriority}: that order is netwarden's (by name, then kind), which upstream leaves undefined)`;
}

/** The rule uses, or none (and the check recorded as skipped) when the input is too large for them. */
function usedRules(context: LintContext, ruleId: 'cluster-rule-shadowed' | 'cluster-pass-reaches-nothing'): readonly RuleUse[] {
  if (!context.hasClusterPolicies) return [];
  const usage = context.clusterRuleUsage;
  if (usage.kind === 'skipped') {
    context.skip(ruleId, usage.reason);
    return [];
  }
  return usage.uses;
}

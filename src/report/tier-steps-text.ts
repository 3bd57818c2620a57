import { assertNever } from '../model/common.js';
import { clusterPolicyTag } from '../model/cluster-policy.js';
import { formatSource } from '../model/source.js';
import { policyId } from '../model/network-policy.js';
import type { ClusterRuleRef, ClusterTierStep, DirectionVerdict, TierStep } from '../engine/types.js';

/**
 * The tiers a direction went through, in words (ANP semantics §7.2), for verdicts where a
 * cluster-wide policy selects the pod: one chain line, e.g.
 * `[ANP] Pass (pass-monitoring, priority 10, ingress[0] "pass-mon") -> [NetworkPolicy] no policy selects the destination -> [BANP] Deny (default, ingress[0] "baseline-deny")`,
 * then the file and line of every rule named, and a warning when equal priorities made it ambiguous.
 * Empty when no cluster-wide policy selects the pod: the NetworkPolicy lines say everything then.
 */
export function tierLines(verdict: DirectionVerdict, indent: string): string[] {
  const clusterSteps = verdict.tiers.filter(isClusterStep);
  if (!clusterSteps.some((step) => step.consulted.length > 0)) return [];
  const end = verdict.direction === 'ingress' ? 'destination' : 'source';
  const lines = [`${indent}tiers: ${verdict.tiers.map((step) => stepText(step, verdict, end)).join(' -> ')}`];
  for (const step of clusterSteps) {
    if (step.rule !== undefined) lines.push(`${indent}  ${ruleWhere(step.rule)}`);
    if (step.ambiguousWith !== undefined && step.rule !== undefined) lines.push(`${indent}  ${ambiguity(step.rule, step.ambiguousWith)}`);
  }
  return lines;
}

/** One rule, as the head line of a direction decided by it: `[BANP] Deny (default, ingress[0] "baseline-deny")`. */
export function ruleText(rule: ClusterRuleRef): string {
  const { policy } = rule;
  const tag = clusterPolicyTag(policy.kind);
  const tier = policy.kind === 'ClusterNetworkPolicy' ? `, ${policy.tier === 'admin' ? 'Admin' : 'Baseline'} tier` : '';
  const priority = policy.priority === null ? '' : `, priority ${policy.priority}`;
  const name = rule.ruleName === undefined ? '' : ` ${JSON.stringify(rule.ruleName)}`;
  return `[${tag}] ${rule.actionText} (${policy.name}${tier}${priority}, ${rule.direction}[${rule.ruleIndex}]${name})`;
}

/** `[ANP] pass-monitoring ingress[0] at admin-network-policies.yaml:11` */
function ruleWhere(rule: ClusterRuleRef): string {
  const { policy } = rule;
  return `[${clusterPolicyTag(policy.kind)}] ${policy.name} ${rule.direction}[${rule.ruleIndex}] at ${formatSource(rule.source)}`;
}

function isClusterStep(step: TierStep): step is ClusterTierStep {
  return step.tier === 'admin' || step.tier === 'baseline';
}

function stepText(step: TierStep, verdict: DirectionVerdict, end: 'source' | 'destination'): string {
  switch (step.tier) {
    case 'admin':
    case 'baseline': {
      if (step.rule !== undefined) return ruleText(step.rule);
      const label = step.tier === 'admin' ? '[Admin]' : '[Baseline]';
      if (step.consulted.length === 0) return `${label} no policy selects the ${end}`;
      return `${label} no rule matches (${step.consulted.map((p) => `${clusterPolicyTag(p.kind)} ${p.name}`).join(', ')})`;
    }
    case 'networkpolicy': {
      const names = verdict.selectingPolicies.map(policyId).join(', ');
      if (step.decision === 'no-match') return `[NetworkPolicy] no policy selects the ${end}`;
      if (step.decision === 'allow') return `[NetworkPolicy] allowed (${verdict.allowedBy.map((r) => `${policyId(r.policy)} ${r.direction}[${r.ruleIndex}]`).join(', ')})`;
      return `[NetworkPolicy] isolated by ${names}; no rule allows it`;
    }
    case 'default':
      return '[Default] allow';
    default:
      return assertNever(step);
  }
}

function ambiguity(rule: ClusterRuleRef, others: readonly ClusterRuleRef[]): string {
  const alternatives = others.map((o) => `${o.policy.name} ${o.direction}[${o.ruleIndex}] ${o.actionText}`).join(', ');
  return (
    `warning: ambiguous: ${alternatives} also match${others.length === 1 ? 'es' : ''} at priority ${rule.policy.priority ?? 0}; ` +
    `upstream leaves equal priorities undefined, netwarden orders them by name (${rule.policy.name} first)`
  );
}

import { podId } from '../model/cluster.js';
import type { ClusterPolicyRef, ClusterRuleRef, DirectionVerdict, Endpoint, PolicyRef, RuleRef, TierStep } from '../engine/types.js';
import type { EvalResult, ResolvedEnd } from './eval-result.js';

/**
 * The verdict as JSON (documented in docs/eval.md). Field order is fixed; optional indexes are
 * omitted when the rule has no from/to or no ports.
 */
export function formatVerdictJson(result: EvalResult): string {
  const { verdict } = result;
  const document = {
    allowed: verdict.allowed,
    protocol: verdict.connection.protocol,
    port: verdict.connection.port,
    from: endJson(result.from),
    to: endJson(result.to),
    portChoice: result.portChoice,
    egress: directionJson(verdict.egress),
    ingress: directionJson(verdict.ingress),
  };
  return JSON.stringify(document, null, 2) + '\n';
}

function endJson(end: ResolvedEnd): object {
  return { input: end.input, endpoint: endpointJson(end.endpoint), choice: end.choice };
}

function endpointJson(endpoint: Endpoint): object {
  if (endpoint.kind === 'external') return { kind: 'External', ip: endpoint.ip };
  const { namespace, name } = endpoint.pod;
  return { kind: 'Pod', id: podId(endpoint.pod), namespace, name };
}

function directionJson(verdict: DirectionVerdict): object {
  return {
    allowed: verdict.allowed,
    reason: verdict.reason,
    isolated: verdict.isolated,
    selectingPolicies: verdict.selectingPolicies.map(policyJson),
    allowedBy: verdict.allowedBy.map(ruleJson),
    tiers: verdict.tiers.map(tierJson),
  };
}

/** One tier's say (ANP semantics §7.2): admin, networkpolicy, baseline, default; the last decided. */
function tierJson(step: TierStep): object {
  if (step.tier === 'networkpolicy' || step.tier === 'default') return { tier: step.tier, decision: step.decision };
  return {
    tier: step.tier,
    decision: step.decision,
    consulted: step.consulted.map(clusterPolicyJson),
    ...(step.rule === undefined ? {} : { rule: clusterRuleJson(step.rule) }),
    ...(step.ambiguousWith === undefined ? {} : { ambiguousWith: step.ambiguousWith.map(clusterRuleJson) }),
  };
}

function clusterPolicyJson(ref: ClusterPolicyRef): object {
  return { kind: ref.kind, name: ref.name, priority: ref.priority, file: ref.source.file, line: ref.source.line };
}

function clusterRuleJson(ref: ClusterRuleRef): object {
  return {
    policy: clusterPolicyJson(ref.policy),
    direction: ref.direction,
    ruleIndex: ref.ruleIndex,
    ...(ref.ruleName === undefined ? {} : { ruleName: ref.ruleName }),
    action: ref.actionText,
    peerIndex: ref.peerIndex,
    ...(ref.portIndex === undefined ? {} : { portIndex: ref.portIndex }),
    file: ref.source.file,
    line: ref.source.line,
  };
}

function policyJson(ref: PolicyRef): object {
  return { namespace: ref.namespace, name: ref.name, file: ref.source.file, line: ref.source.line };
}

function ruleJson(ref: RuleRef): object {
  return {
    policy: policyJson(ref.policy),
    ruleIndex: ref.ruleIndex,
    ...(ref.peerIndex === undefined ? {} : { peerIndex: ref.peerIndex }),
    ...(ref.portIndex === undefined ? {} : { portIndex: ref.portIndex }),
    file: ref.source.file,
    line: ref.source.line,
  };
}

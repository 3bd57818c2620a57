// The lint rule registry: every rule, in the order docs/lint.md and SARIF's tool.driver.rules list them.

import type { RuleId, RuleInfo } from './finding.js';
import type { LintRule } from './rule.js';
import { baselineNotDefault } from './rules/baseline-not-default.js';
import { clusterEqualPriority } from './rules/cluster-equal-priority.js';
import { clusterPassReachesNothing, clusterRuleShadowed } from './rules/cluster-rules.js';
import { clusterSubjectSelectsNoPod } from './rules/cluster-subject-selects-no-pod.js';
import { egressWithoutDns } from './rules/egress-without-dns.js';
import { ingressPortNotDeclared } from './rules/ingress-port-not-declared.js';
import { ipBlockContainsPodIPs, ipBlockMatchesNothing } from './rules/ipblocks.js';
import { invalidObject, sloppyCidr } from './rules/load-problems.js';
import { namedPortProtocolMismatch, namedPortUndefined } from './rules/named-ports.js';
import { namespaceLabelMissing, peerSelectsNoPod } from './rules/peer-selectors.js';
import { duplicatePolicyType, rulesIgnoredByPolicyTypes } from './rules/policy-types.js';
import { policySelectsNoPod } from './rules/policy-selects-no-pod.js';
import { ruleMatchesAllPeers } from './rules/rule-matches-all-peers.js';
import { shadowedPolicy } from './rules/shadowed-policy.js';
import { unprotectedPod } from './rules/unprotected-pod.js';

export const rules = [
  invalidObject,
  sloppyCidr,
  policySelectsNoPod,
  peerSelectsNoPod,
  namespaceLabelMissing,
  namedPortUndefined,
  namedPortProtocolMismatch,
  ingressPortNotDeclared,
  rulesIgnoredByPolicyTypes,
  duplicatePolicyType,
  egressWithoutDns,
  ipBlockContainsPodIPs,
  ipBlockMatchesNothing,
  ruleMatchesAllPeers,
  shadowedPolicy,
  unprotectedPod,
  baselineNotDefault,
  clusterSubjectSelectsNoPod,
  clusterRuleShadowed,
  clusterPassReachesNothing,
  clusterEqualPriority,
] as const satisfies readonly LintRule[];

/** The documentation part of each rule (no check function): what formatters and docs read. */
export const ruleInfos: readonly RuleInfo[] = rules.map(({ id, severity, title, description, help }) => ({ id, severity, title, description, help }));

export function ruleInfo(id: RuleId): RuleInfo | undefined {
  return ruleInfos.find((info) => info.id === id);
}

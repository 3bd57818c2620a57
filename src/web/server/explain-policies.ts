import type { ClusterPolicyRef, ClusterRuleRef, DirectionVerdict, PolicyRef, RuleRef, Verdict } from '../../engine/index.js';
import type { ClusterPolicy } from '../../model/cluster-policy.js';
import type { NetworkPolicy } from '../../model/network-policy.js';
import type { ExplainPolicyView } from '../api-types.js';
import { clusterPolicyId, networkPolicyId } from './policy-views.js';
import type { Snapshot } from './snapshot.js';

/** A policy the verdict mentions, and the file lines that decided (rule, peer, port entry). */
interface Mention {
  readonly policy: { kind: 'np'; value: NetworkPolicy } | { kind: 'cluster'; value: ClusterPolicy };
  readonly lines: Set<number>;
}

/**
 * Every policy a verdict mentions (selecting policies, allowing rules, the tiers' consulted
 * policies and deciding rules), with its text and the lines to highlight: the deciding rule, peer
 * and port entry when there is one, else the policy's first line.
 */
export function explainedPolicies(snapshot: Snapshot, verdict: Verdict): ExplainPolicyView[] {
  const mentions = new Map<string, Mention>();
  const npOf = (ref: PolicyRef): Mention | undefined => {
    const policy = snapshot.cluster.policies.find((p) => p.namespace === ref.namespace && p.name === ref.name);
    return policy === undefined ? undefined : mention(mentions, networkPolicyId(policy), { kind: 'np', value: policy });
  };
  const clusterOf = (ref: ClusterPolicyRef): Mention | undefined => {
    const policy = snapshot.cluster.clusterPolicies?.find((p) => p.kind === ref.kind && p.name === ref.name);
    return policy === undefined ? undefined : mention(mentions, clusterPolicyId(policy), { kind: 'cluster', value: policy });
  };
  for (const direction of [verdict.egress, verdict.ingress]) collect(direction, npOf, clusterOf);
  return [...mentions].map(([id, m]) => view(snapshot, id, m));
}

function mention(mentions: Map<string, Mention>, id: string, policy: Mention['policy']): Mention {
  let found = mentions.get(id);
  if (found === undefined) mentions.set(id, (found = { policy, lines: new Set() }));
  return found;
}

function collect(
  direction: DirectionVerdict,
  npOf: (ref: PolicyRef) => Mention | undefined,
  clusterOf: (ref: ClusterPolicyRef) => Mention | undefined,
): void {
  for (const ref of direction.selectingPolicies) npOf(ref);
  for (const rule of direction.allowedBy) {
    const found = npOf(rule.policy);
    if (found?.policy.kind === 'np') ruleLines(found.policy.value, rule).forEach((line) => found.lines.add(line));
  }
  for (const step of direction.tiers) {
    if (step.tier !== 'admin' && step.tier !== 'baseline') continue;
    for (const ref of step.consulted) clusterOf(ref);
    for (const rule of [...(step.rule === undefined ? [] : [step.rule]), ...(step.ambiguousWith ?? [])]) {
      const found = clusterOf(rule.policy);
      if (found?.policy.kind === 'cluster') clusterRuleLines(found.policy.value, rule).forEach((line) => found.lines.add(line));
    }
  }
}

/** The rule's line, and the matching peer's and port entry's (semantics §4: the rule that allowed). */
function ruleLines(policy: NetworkPolicy, ref: RuleRef): number[] {
  const rule = (ref.direction === 'ingress' ? policy.ingress : policy.egress)[ref.ruleIndex];
  const lines = [ref.source.line];
  if (rule === undefined) return lines;
  if (ref.peerIndex !== undefined && rule.peers.kind === 'list') lines.push(rule.peers.items[ref.peerIndex]?.source.line ?? ref.source.line);
  if (ref.portIndex !== undefined && rule.ports.kind === 'list') lines.push(rule.ports.items[ref.portIndex]?.source.line ?? ref.source.line);
  return lines;
}

function clusterRuleLines(policy: ClusterPolicy, ref: ClusterRuleRef): number[] {
  const rule = (ref.direction === 'ingress' ? policy.ingress : policy.egress)[ref.ruleIndex];
  const lines = [ref.source.line];
  if (rule === undefined) return lines;
  lines.push(rule.peers[ref.peerIndex]?.source.line ?? ref.source.line);
  if (ref.portIndex !== undefined && rule.ports.kind === 'list') lines.push(rule.ports.items[ref.portIndex]?.source.line ?? ref.source.line);
  return lines;
}

function view(snapshot: Snapshot, id: string, m: Mention): ExplainPolicyView {
  const policy = m.policy.value;
  const document = snapshot.texts.documentAt(policy.source);
  const highlight = m.lines.size > 0 ? [...m.lines].sort((a, b) => a - b) : [policy.source.line];
  return {
    id,
    kind: m.policy.kind === 'np' ? 'NetworkPolicy' : m.policy.value.kind,
    file: policy.source.file,
    line: policy.source.line,
    yaml: document?.text ?? '',
    firstLine: document?.firstLine ?? policy.source.line,
    highlight,
  };
}

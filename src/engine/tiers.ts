import type { Direction } from '../model/common.js';
import type { Pod } from '../model/cluster.js';
import type { CompiledCluster } from './compile.js';
import type { CompiledClusterPolicy, CompiledClusterRule } from './compile-cluster-policies.js';
import { clusterPolicySelects, clusterPortMatches, firstMatchingPeer } from './cluster-match.js';
import type { ClusterPolicyRef, ClusterRuleRef, ClusterTierStep, Connection, Endpoint, TierStep } from './types.js';

/** One direction of one connection, as every tier sees it. */
export interface Side {
  readonly compiled: CompiledCluster;
  readonly connection: Connection;
  readonly direction: Direction;
  /** The pod this direction is judged at: the source for egress, the destination for ingress. */
  readonly subject: Pod;
  /** The other end. */
  readonly remote: Endpoint;
  /** NetworkPolicy's verdict on this side, computed once (semantics §4). */
  readonly networkPolicy: { readonly isolated: boolean; readonly allowed: boolean };
}

/** A tier: reads the side, says allow, deny, pass or no-match (style rule 5). */
type Tier = (side: Side) => TierStep;

/**
 * ANP semantics §7.2: admin tier -> NetworkPolicy -> baseline tier -> default. Allow and deny end
 * the fold; pass and no-match go on to the next tier (an admin Pass reaches NetworkPolicy, a
 * baseline Pass reaches the default). Adding a tier is adding an entry here.
 */
const PIPELINE: readonly Tier[] = [
  (side) => clusterTier(side, 'admin'),
  networkPolicyTier,
  (side) => clusterTier(side, 'baseline'),
  () => ({ tier: 'default', decision: 'allow' }),
];

/** The steps taken for one direction; the last one decided (it is always allow or deny). */
export function judge(side: Side): TierStep[] {
  const steps: TierStep[] = [];
  for (const tier of PIPELINE) {
    const step = tier(side);
    steps.push(step);
    if (step.decision === 'allow' || step.decision === 'deny') break;
  }
  return steps;
}

/** semantics §4 / ANP semantics §7.2: NetworkPolicy is final for the pods it isolates in this direction. */
function networkPolicyTier(side: Side): TierStep {
  const { isolated, allowed } = side.networkPolicy;
  return { tier: 'networkpolicy', decision: !isolated ? 'no-match' : allowed ? 'allow' : 'deny' };
}

/**
 * ANP semantics §7.2: the first matching rule in (priority, name, rule index) order decides.
 * §7.4: when policies of the deciding priority also match with another action, say so.
 */
function clusterTier(side: Side, tier: 'admin' | 'baseline'): ClusterTierStep {
  const consulted: ClusterPolicyRef[] = [];
  let decided: { rule: ClusterRuleRef; priority: number } | undefined;
  const ambiguousWith: ClusterRuleRef[] = [];
  for (const policy of side.compiled.tiers[tier]) {
    if (decided !== undefined && policy.sortPriority !== decided.priority) break;
    if (policy[side.direction].length === 0 || !clusterPolicySelects(side.compiled, policy, side.subject)) continue;
    const match = firstMatchingRule(side, policy);
    if (decided === undefined) {
      consulted.push(policy.ref);
      if (match !== undefined) decided = { rule: match, priority: policy.sortPriority };
    } else if (match !== undefined && match.action !== decided.rule.action) {
      ambiguousWith.push(match);
    }
  }
  if (decided === undefined) return { tier, decision: 'no-match', consulted };
  const step: ClusterTierStep = { tier, decision: decided.rule.action, consulted, rule: decided.rule };
  return ambiguousWith.length === 0 ? step : { ...step, ambiguousWith };
}

/** ANP semantics §5: rules in list order; a rule matches when a peer and (if any) a port entry match. */
function firstMatchingRule(side: Side, policy: CompiledClusterPolicy): ClusterRuleRef | undefined {
  for (const rule of policy[side.direction]) {
    const ref = ruleMatch(side, policy, rule);
    if (ref !== undefined) return ref;
  }
  return undefined;
}

function ruleMatch(side: Side, policy: CompiledClusterPolicy, compiled: CompiledClusterRule): ClusterRuleRef | undefined {
  const peerIndex = firstMatchingPeer(side.compiled, compiled, side.remote);
  if (peerIndex === undefined) return undefined;
  const { to, port, protocol } = side.connection;
  let portIndex: number | undefined;
  if (compiled.ports !== null) {
    portIndex = compiled.ports.find((entry) => clusterPortMatches(entry, to, port, protocol))?.index;
    if (portIndex === undefined) return undefined;
  }
  const { rule } = compiled;
  return {
    policy: policy.ref,
    direction: side.direction,
    ruleIndex: rule.index,
    ...(rule.name === undefined ? {} : { ruleName: rule.name }),
    action: rule.action,
    actionText: rule.actionText,
    peerIndex,
    ...(portIndex === undefined ? {} : { portIndex }),
    source: rule.source,
  };
}

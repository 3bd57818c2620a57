import type { Direction } from '../model/common.js';
import type { Pod } from '../model/cluster.js';
import { policySelectsPod, type CompiledCluster, type CompiledPolicy } from './compile.js';
import { matchingPeers, portEntryMatches } from './match.js';
import { judge } from './tiers.js';
import type { Connection, DirectionReason, DirectionVerdict, Endpoint, RuleRef, TierStep, Verdict } from './types.js';

/**
 * The verdict on one connection, with its reasons (semantics §4, §6): egress is judged at the
 * source pod, ingress at the destination pod, each through the tiers admin -> NetworkPolicy ->
 * baseline -> default (ANP semantics §7); the connection is allowed only when both directions
 * allow it. A pod reaching itself is always allowed (semantics §4.1; ANP semantics §7.5 hairpin).
 */
export function evaluate(compiled: CompiledCluster, connection: Connection): Verdict {
  const { from, to } = connection;
  if (isSamePod(from, to)) {
    return { connection, allowed: true, egress: selfVerdict('egress'), ingress: selfVerdict('ingress') };
  }
  const egress =
    from.kind === 'pod' ? directionVerdict(compiled, connection, from.pod, 'egress') : notAPod('egress');
  const ingress =
    to.kind === 'pod' ? directionVerdict(compiled, connection, to.pod, 'ingress') : notAPod('ingress');
  return { connection, allowed: egress.allowed && ingress.allowed, egress, ingress };
}

/** Policies of the pod's namespace that select it and list `direction` in their policyTypes. */
export function selectingPolicies(compiled: CompiledCluster, pod: Pod, direction: Direction): CompiledPolicy[] {
  const candidates = compiled.policiesByNamespace.get(pod.namespace) ?? [];
  return candidates.filter((p) => p[direction] !== null && policySelectsPod(compiled, p.policy, pod));
}

function directionVerdict(
  compiled: CompiledCluster,
  connection: Connection,
  subject: Pod,
  direction: Direction,
): DirectionVerdict {
  const policies = selectingPolicies(compiled, subject, direction);
  const isolated = policies.length > 0;
  const remote = direction === 'egress' ? connection.to : connection.from;
  const allowedBy = policies.flatMap((p) => matchingRules(compiled, p, direction, remote, connection));
  const networkPolicy = { isolated, allowed: !isolated || allowedBy.length > 0 };
  const tiers = judge({ compiled, connection, direction, subject, remote, networkPolicy });
  const last = tiers[tiers.length - 1]!;
  return {
    direction,
    allowed: last.decision === 'allow',
    reason: reasonOf(last),
    isolated,
    selectingPolicies: policies.map((p) => p.ref),
    allowedBy,
    tiers,
  };
}

function reasonOf(step: TierStep): DirectionReason {
  switch (step.tier) {
    case 'admin':
    case 'baseline':
      return 'cluster-policy';
    case 'networkpolicy':
      return step.decision === 'allow' ? 'allowed-by-rule' : 'no-rule-matched';
    case 'default':
      return 'not-isolated';
  }
}

/** Every (rule, peer, port entry) of one policy that matches the connection (semantics §2.3). */
function matchingRules(
  compiled: CompiledCluster,
  policy: CompiledPolicy,
  direction: Direction,
  remote: Endpoint,
  connection: Connection,
): RuleRef[] {
  const refs: RuleRef[] = [];
  for (const rule of policy[direction] ?? []) {
    const peers = matchingPeers(compiled, rule, policy.policy.namespace, remote);
    if (peers !== null && peers.length === 0) continue;
    const ports =
      rule.ports === null
        ? null
        : rule.ports.filter((e) => portEntryMatches(e, connection.to, connection.port, connection.protocol));
    if (ports !== null && ports.length === 0) continue;
    const base = { policy: policy.ref, direction, ruleIndex: rule.rule.index, source: rule.rule.source };
    const peerIndex = peers?.[0];
    const portIndex = ports?.[0]?.index;
    refs.push({
      ...base,
      ...(peerIndex === undefined ? {} : { peerIndex }),
      ...(portIndex === undefined ? {} : { portIndex }),
    });
  }
  return refs;
}

function isSamePod(a: Endpoint, b: Endpoint): boolean {
  return a.kind === 'pod' && b.kind === 'pod' && a.pod.namespace === b.pod.namespace && a.pod.name === b.pod.name;
}

function selfVerdict(direction: Direction): DirectionVerdict {
  // semantics §4.1: a pod cannot block access to itself.
  return { direction, allowed: true, reason: 'self', isolated: false, selectingPolicies: [], allowedBy: [], tiers: [] };
}

function notAPod(direction: Direction): DirectionVerdict {
  // semantics §4: for pod <-> outside world only the pod end is evaluated.
  return { direction, allowed: true, reason: 'not-a-pod', isolated: false, selectingPolicies: [], allowedBy: [], tiers: [] };
}

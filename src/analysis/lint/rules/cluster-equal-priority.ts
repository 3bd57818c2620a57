// ANP semantics §7.4: two policies of one tier with the same priority are ordered as the
// implementation likes. netwarden orders them by metadata.name, then kind (compileTiers in
// engine/compile-cluster-policies.ts); when both match a connection, the cluster may not agree.

import { EMPTY_PORT_SET, intersectPorts, isEmptyPortSet, subtractPorts, unionPorts, type PortSet } from '../../../algebra/port-set.js';
import type { ClusterAction } from '../../../model/cluster-policy.js';
import type { Direction } from '../../../model/common.js';
import type { CompiledCluster } from '../../../engine/compile.js';
import type { CompiledClusterPolicy } from '../../../engine/compile-cluster-policies.js';
import { clusterPeerMatches, clusterPolicySelects, clusterRulePortSet } from '../../../engine/cluster-match.js';
import type { Endpoint } from '../../../engine/types.js';
import type { ClusterScene } from '../cluster-scene.js';
import { overBudget } from '../cluster-rule-usage.js';
import type { LintContext } from '../context.js';
import type { Draft, LintRule } from '../rule.js';
import { atClusterPolicy, clusterPolicyName } from '../where.js';

/** The tie-break of compileTiers, in words. */
export const EQUAL_PRIORITY_ORDER = 'by metadata.name, then by kind: AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy';

export const clusterEqualPriority: LintRule = {
  id: 'cluster-equal-priority',
  severity: 'warning',
  title: 'Cluster-wide policies of one tier with the same priority',
  description:
    'Two policies of one tier share a priority and both have rules that match some connection of the input. The ' +
    'admin tier holds AdminNetworkPolicies and ClusterNetworkPolicies of tier Admin; the baseline tier holds ' +
    'ClusterNetworkPolicies of tier Baseline and the BaselineAdminNetworkPolicy, which has no priority and sorts ' +
    'as 0. Upstream leaves the order of equal priorities to the implementation (ANP semantics §7.4), so two ' +
    `clusters may decide differently. netwarden orders them ${EQUAL_PRIORITY_ORDER}; the message names the ` +
    'policy it evaluates first, a connection both match, and whether their actions on it differ.',
  help: 'Give the policies different priorities, in the order you mean.',
  *check(context: LintContext): Iterable<Draft> {
    const { compiled } = context;
    if (!context.hasClusterPolicies) return;
    const scene = context.clusterScene;
    const reason = overBudget(compiled, scene);
    if (reason !== undefined) {
      context.skip('cluster-equal-priority', reason);
      return;
    }
    for (const tier of [compiled.tiers.admin, compiled.tiers.baseline]) {
      for (const [i, a] of tier.entries()) {
        for (const b of tier.slice(i + 1)) {
          if (b.sortPriority !== a.sortPriority) break;
          const example = overlap(compiled, scene, a, b);
          if (example !== undefined) yield finding(a, b, example);
        }
      }
    }
  },
};

function finding(a: CompiledClusterPolicy, b: CompiledClusterPolicy, example: Overlap): Draft {
  const priority = (p: CompiledClusterPolicy): string => (p.policy.priority === null ? ' (no priority: sorts as 0)' : '');
  const actions = example.differ
    ? `${a.policy.name}: ${example.actionsA}, ${b.policy.name}: ${example.actionsB}: the verdict depends on the order`
    : `both ${example.actionsA === example.actionsB ? example.actionsA : `${example.actionsA} / ${example.actionsB}`}: the order does not change that verdict`;
  return {
    ...atClusterPolicy(b.policy, 'spec.priority'),
    message:
      `${clusterPolicyName(a.policy)}${priority(a)} and ${clusterPolicyName(b.policy)}${priority(b)} share priority ${a.sortPriority} ` +
      `and both match ${example.connection} (${actions}); upstream leaves their order undefined: netwarden evaluates ` +
      `${a.policy.name} first (equal priorities go ${EQUAL_PRIORITY_ORDER})`,
    fix: `give the two policies different priorities, the one meant to win lower (${a.policy.name} wins in netwarden now)`,
  };
}

interface Overlap {
  readonly connection: string;
  /** What each policy's first matching rules do on the ports both match, e.g. `Deny` or `Allow, Pass`. */
  readonly actionsA: string;
  readonly actionsB: string;
  /** Whether some port gets another action depending on which policy goes first. */
  readonly differ: boolean;
}

/** A connection both policies have a rule for, preferring one where their actions differ; undefined when none. */
function overlap(compiled: CompiledCluster, scene: ClusterScene, a: CompiledClusterPolicy, b: CompiledClusterPolicy): Overlap | undefined {
  let first: Overlap | undefined;
  for (const subject of scene.subjects) {
    if (subject.kind !== 'pod' || !clusterPolicySelects(compiled, a, subject.pod) || !clusterPolicySelects(compiled, b, subject.pod)) continue;
    for (const direction of ['ingress', 'egress'] as const) {
      for (const remote of scene.remotes) {
        if (!scene.isConnection(subject, remote)) continue;
        const side: Side = { compiled, subject, remote, direction };
        const both = intersectPorts(matchedPorts(side, a), matchedPorts(side, b));
        if (isEmptyPortSet(both)) continue;
        const actionsA = actionsOn(side, a, both);
        const actionsB = actionsOn(side, b, both);
        const found: Overlap = {
          connection: `${direction} of ${endpointText(subject)} ${direction === 'ingress' ? 'from' : 'to'} ${endpointText(remote)}`,
          actionsA: actionText(actionsA),
          actionsB: actionText(actionsB),
          differ: actionsA.some((x) => actionsB.some((y) => x.action !== y.action && !isEmptyPortSet(intersectPorts(x.ports, y.ports)))),
        };
        if (found.differ) return found;
        first ??= found;
      }
    }
  }
  return first;
}

interface Side {
  readonly compiled: CompiledCluster;
  readonly subject: Endpoint;
  readonly remote: Endpoint;
  readonly direction: Direction;
}

/** Ports towards the remote that each rule of the policy matches, in rule order. */
function rulePorts(side: Side, policy: CompiledClusterPolicy): { action: ClusterAction; text: string; ports: PortSet }[] {
  const destination = side.direction === 'egress' ? side.remote : side.subject;
  return policy[side.direction].map((rule) => ({
    action: rule.rule.action,
    text: rule.rule.actionText,
    ports: rule.peers.some((peer) => clusterPeerMatches(side.compiled, peer, side.remote)) ? clusterRulePortSet(rule, destination) : EMPTY_PORT_SET,
  }));
}

function matchedPorts(side: Side, policy: CompiledClusterPolicy): PortSet {
  return rulePorts(side, policy).reduce((acc, r) => unionPorts(acc, r.ports), EMPTY_PORT_SET);
}

interface Taken {
  readonly action: ClusterAction;
  readonly text: string;
  readonly ports: PortSet;
}

/** ANP semantics §7.2 within one policy: the first matching rule takes each port of `ports`. */
function actionsOn(side: Side, policy: CompiledClusterPolicy, ports: PortSet): Taken[] {
  let remaining = ports;
  const taken: Taken[] = [];
  for (const rule of rulePorts(side, policy)) {
    const mine = intersectPorts(remaining, rule.ports);
    if (isEmptyPortSet(mine)) continue;
    taken.push({ action: rule.action, text: rule.text, ports: mine });
    remaining = subtractPorts(remaining, mine);
  }
  return taken;
}

/** `Deny`, `Allow, Pass`: the actions as written, each once. */
function actionText(taken: readonly Taken[]): string {
  return [...new Set(taken.map((t) => t.text))].join(', ');
}

function endpointText(e: Endpoint): string {
  return e.kind === 'pod' ? `${e.pod.namespace}/${e.pod.name}` : e.ip;
}

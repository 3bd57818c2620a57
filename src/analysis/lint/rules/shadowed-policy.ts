// A policy whose removal changes no connection is dead weight, or hides a mistake: computed with
// the engine, the pod-level connectivity (pods and the external address ranges) with and without
// it. The policy is "removed" by giving it no policyTypes, so the address ranges its ipBlocks cut
// stay the same and the two maps compare endpoint by endpoint.

import { ALL_PORTS, EMPTY_PORT_SET, allPortsOf, equalPortSets, isAllPorts, portSetOf, unionPorts, type PortSet } from '../../../algebra/port-set.js';
import { isEmptySelector } from '../../../algebra/label-selector.js';
import { compileCluster, connectivity, type ConnectivityMap } from '../../../engine/index.js';
import type { Cluster } from '../../../model/cluster.js';
import type { NetworkPolicy, PolicyRule } from '../../../model/network-policy.js';
import { adminTierNames } from '../admin-tier.js';
import type { LintContext } from '../context.js';
import { podsPerShape } from '../pod-shape.js';
import type { Draft, LintRule } from '../rule.js';
import { atPolicy, policyName } from '../where.js';
import { someOf } from '../wording.js';

export const shadowedPolicy: LintRule = {
  id: 'shadowed-policy',
  severity: 'warning',
  title: 'Policy whose removal changes no connection',
  description:
    'Removing the policy changes no connection between the pods and outside addresses of the input: other ' +
    'policies select the same pods and allow at least as much, or it allows everything it isolates, or the ' +
    'admin tier of cluster-wide policies decides its pods\' traffic before NetworkPolicy is consulted (ANP ' +
    'semantics §7.2). It is dead weight, or a sign that another policy is broader than meant. Computed with the ' +
    'engine, tiers included (connectivity with ' +
    'and without the policy). A default deny (podSelector: {} and no rules) is not reported: it also protects ' +
    'pods that are not in the input yet. Skipped, and said so, when the input is too large.',
  help: 'Delete the policy, or narrow the policies that make it redundant.',
  *check(context: LintContext): Iterable<Draft> {
    if (!context.hasPods) {
      context.skip('shadowed-policy', 'the input has no pods: give netwarden the workloads as well as the policies');
      return;
    }
    const candidates = context.cluster.policies.filter(
      (p) => context.selectedPods(p).length > 0 && !isDefaultDeny(p) && !surelyMatters(context, p),
    );
    if (candidates.length === 0) return;
    // Pods of one shape behave alike; two of each keep the pairs between pods of one shape.
    const pods = podsPerShape(context.cluster.pods, 2);
    const work = candidates.length * pods.length * pods.length;
    if (work > context.options.shadowBudget) {
      context.skip('shadowed-policy', `${candidates.length} policies over ${pods.length} distinct pods is more than the check's budget (${work} > ${context.options.shadowBudget})`);
      return;
    }
    const reduced: Cluster = { ...context.cluster, pods };
    const mapWith = (policies: readonly NetworkPolicy[]): ConnectivityMap =>
      connectivity(compileCluster({ ...reduced, policies }, context.options.engine), { level: 'pod' });
    const base = mapWith(reduced.policies);
    for (const policy of candidates) {
      const without = mapWith(reduced.policies.map((p) => (p === policy ? { ...p, policyTypes: [] } : p)));
      if (!sameConnections(base, without)) continue;
      yield {
        ...atPolicy(policy),
        message: `removing this policy changes no connection between the pods and addresses of the input: ${why(context, policy)}`,
        fix: 'delete it, or narrow the policies that make it redundant',
      };
    }
  },
};

/** No rules in any direction it lists, selecting every pod of the namespace. */
function isDefaultDeny(policy: NetworkPolicy): boolean {
  return isEmptySelector(policy.podSelector) && policy.policyTypes.every((direction) => policy[direction].length === 0);
}

/**
 * A quick proof that removing the policy changes something, so that the engine runs only for the
 * others: it alone isolates some pod in a direction, and none of its rules there allows every port,
 * so some address outside the cluster (whose end is never judged, semantics §4) gains a port
 * without it. Cluster-wide policies may decide first: then no shortcut.
 */
function surelyMatters(context: LintContext, policy: NetworkPolicy): boolean {
  if ((context.cluster.clusterPolicies ?? []).length > 0) return false;
  const others = context.cluster.policies.filter((p) => p !== policy && p.namespace === policy.namespace);
  return policy.policyTypes.some((direction) => {
    if (policy[direction].some((rule) => isAllPorts(rulePorts(rule)))) return false;
    const covered = new Set(others.filter((p) => p.policyTypes.includes(direction)).flatMap((p) => context.selectedPods(p)));
    return context.selectedPods(policy).some((pod) => !covered.has(pod));
  });
}

/** The ports a rule lists, named ports left out (they never cover every port). */
function rulePorts(rule: PolicyRule): PortSet {
  if (rule.ports.kind === 'any') return ALL_PORTS;
  let ports = EMPTY_PORT_SET;
  for (const entry of rule.ports.items) {
    const spec = entry.port;
    if (spec.kind === 'all') ports = unionPorts(ports, allPortsOf(entry.protocol));
    else if (spec.kind === 'range') ports = unionPorts(ports, portSetOf(entry.protocol, spec.from, spec.to));
  }
  return ports;
}

function sameConnections(a: ConnectivityMap, b: ConnectivityMap): boolean {
  if (a.connections.length !== b.connections.length) return false;
  return a.connections.every((c, i) => {
    const d = b.connections[i]!;
    return c.from === d.from && c.to === d.to && equalPortSets(c.allow, d.allow);
  });
}

function why(context: LintContext, policy: NetworkPolicy): string {
  const pods = new Set(context.selectedPods(policy));
  const others = context.cluster.policies.filter(
    (other) =>
      other !== policy &&
      other.namespace === policy.namespace &&
      other.policyTypes.some((d) => policy.policyTypes.includes(d) && other[d].length > 0) &&
      context.selectedPods(other).some((pod) => pods.has(pod)),
  );
  const admin = adminTierNames(context, context.selectedPods(policy), policy.policyTypes);
  // ANP semantics §7.2: what the admin tier allows or denies never reaches NetworkPolicy.
  const first = admin.length === 0 ? '' : `the admin tier decides first for its pods (${someOf(admin)})`;
  if (others.length === 0) return first === '' ? 'what it isolates, it allows anyway' : `${first}, and what it leaves, this policy allows anyway`;
  const also = `the pods it selects are also selected by ${someOf(others.map(policyName))}, which ${others.length === 1 ? 'allows' : 'allow'} at least as much`;
  return first === '' ? also : `${first}; ${also}`;
}

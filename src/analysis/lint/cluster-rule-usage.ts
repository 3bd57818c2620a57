// What each rule of a cluster-wide policy does on the snapshot: whether it matches traffic, decides
// some of it, which earlier rules take its ports first, and where an admin Pass leads. Every pod
// class and external atom runs through each tier's ordered rules port set by port set (ANP
// semantics §7.2), as connectivity() does.

import { EMPTY_PORT_SET, intersectPorts, isEmptyPortSet, subtractPorts, unionPorts, type PortSet } from '../../algebra/port-set.js';
import { clusterPolicyTag } from '../../model/cluster-policy.js';
import type { Direction } from '../../model/common.js';
import type { CompiledCluster } from '../../engine/compile.js';
import type { CompiledClusterPolicy, CompiledClusterRule } from '../../engine/compile-cluster-policies.js';
import { clusterPeerMatches, clusterPolicySelects, clusterRulePortSet } from '../../engine/cluster-match.js';
import { selectingPolicies } from '../../engine/evaluate.js';
import type { Endpoint } from '../../engine/types.js';
import type { ClusterScene } from './cluster-scene.js';

export interface RuleUse {
  readonly policy: CompiledClusterPolicy;
  readonly rule: CompiledClusterRule;
  readonly direction: Direction;
  /** Some subject and remote it matches on some port. */
  matches: boolean;
  /** Some of those ports reach it: no earlier rule of its tier took them. */
  decides: boolean;
  /** Earlier rules that took its ports. */
  readonly shadowedBy: Set<RuleUse>;
  /** For an admin Pass: some passed port meets an isolating NetworkPolicy or a baseline rule. */
  passReaches: boolean;
}

export type RuleUsage =
  | { readonly kind: 'done'; readonly uses: readonly RuleUse[] }
  | { readonly kind: 'skipped'; readonly reason: string };

/** Subject classes × remote ends × rules above which the rule-by-rule checks are skipped. */
export const MAX_RULE_WORK = 20_000_000;

/** The work ruleUsage would do, and the reason to skip it when that is over `budget`. */
export function overBudget(compiled: CompiledCluster, scene: ClusterScene, budget = MAX_RULE_WORK): string | undefined {
  const rules = [...compiled.tiers.admin, ...compiled.tiers.baseline].reduce((n, p) => n + p.ingress.length + p.egress.length, 0);
  if (scene.subjects.length * scene.remotes.length * rules <= budget) return undefined;
  return `${scene.subjects.length} pod classes and ${rules} cluster-wide rules: too many to check rule by rule`;
}

/** Runs every subject class and remote through each tier's ordered rules (§7.2). */
export function ruleUsage(compiled: CompiledCluster, scene: ClusterScene): RuleUsage {
  const reason = overBudget(compiled, scene);
  if (reason !== undefined) return { kind: 'skipped', reason };
  const uses = new Map<CompiledClusterRule, RuleUse>();
  const useOf = (policy: CompiledClusterPolicy, rule: CompiledClusterRule, direction: Direction): RuleUse => {
    let use = uses.get(rule);
    if (!use) uses.set(rule, (use = { policy, rule, direction, matches: false, decides: false, shadowedBy: new Set(), passReaches: false }));
    return use;
  };
  for (const subject of scene.subjects) {
    if (subject.kind !== 'pod') continue;
    for (const direction of ['ingress', 'egress'] as const) {
      const ordered = (tier: 'admin' | 'baseline'): RuleUse[] =>
        compiled.tiers[tier]
          .filter((p) => p[direction].length > 0 && clusterPolicySelects(compiled, p, subject.pod))
          .flatMap((p) => p[direction].map((rule) => useOf(p, rule, direction)));
      const admin = ordered('admin');
      const baseline = ordered('baseline');
      if (admin.length + baseline.length === 0) continue;
      // ANP semantics §7.2: an admin Pass reaches NetworkPolicy, which is final if it isolates the pod.
      const isolated = selectingPolicies(compiled, subject.pod, direction).length > 0;
      for (const remote of scene.remotes) {
        if (scene.isConnection(subject, remote)) walkRemote(compiled, { subject, remote, direction, admin, baseline, isolated });
      }
    }
  }
  return { kind: 'done', uses: [...uses.values()] };
}

interface Walk {
  readonly subject: Endpoint;
  readonly remote: Endpoint;
  readonly direction: Direction;
  readonly admin: readonly RuleUse[];
  readonly baseline: readonly RuleUse[];
  readonly isolated: boolean;
}

function walkRemote(compiled: CompiledCluster, walk: Walk): void {
  const destination = walk.direction === 'egress' ? walk.remote : walk.subject;
  const portsOf = (use: RuleUse): PortSet =>
    use.rule.peers.some((peer) => clusterPeerMatches(compiled, peer, walk.remote)) ? clusterRulePortSet(use.rule, destination) : EMPTY_PORT_SET;
  const passed = walkTier(walk.admin, portsOf);
  walkTier(walk.baseline, portsOf);
  for (const [use, ports] of passed) {
    if (walk.isolated || walk.baseline.some((b) => !isEmptyPortSet(intersectPorts(portsOf(b), ports)))) use.passReaches = true;
  }
}

/** One tier for one subject and remote: marks what each rule matches and decides; returns the ports each Pass rule passed. */
function walkTier(rules: readonly RuleUse[], portsOf: (use: RuleUse) => PortSet): Map<RuleUse, PortSet> {
  const passed = new Map<RuleUse, PortSet>();
  const earlier: { use: RuleUse; ports: PortSet }[] = [];
  let taken = EMPTY_PORT_SET;
  for (const use of rules) {
    const ports = portsOf(use);
    if (isEmptyPortSet(ports)) continue;
    use.matches = true;
    const effective = subtractPorts(ports, taken);
    if (!isEmptyPortSet(effective)) {
      use.decides = true;
      if (use.rule.rule.action === 'pass') passed.set(use, effective);
    }
    for (const e of earlier) if (!isEmptyPortSet(intersectPorts(e.ports, ports))) use.shadowedBy.add(e.use);
    earlier.push({ use, ports });
    taken = unionPorts(taken, ports);
  }
  return passed;
}

/** `ANP deny-b egress[1] "name"`: a rule as findings name it. */
export function clusterRuleName(use: Pick<RuleUse, 'policy' | 'rule' | 'direction'>): string {
  const name = use.rule.rule.name === undefined ? '' : ` "${use.rule.rule.name}"`;
  return `${clusterPolicyTag(use.policy.policy.kind)} ${use.policy.policy.name} ${use.direction}[${use.rule.rule.index}]${name}`;
}

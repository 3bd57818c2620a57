// Lint findings about cluster-wide policies (AdminNetworkPolicy, BaselineAdminNetworkPolicy,
// ClusterNetworkPolicy), as pure functions of the compiled cluster, for `netwarden lint` to report
// (admin-network-policy-semantics.md §7.4, §9.5, "ANP semantics" below). Rules are judged on the
// pods and addresses of the snapshot: pod classes and external atoms, as connectivity() sees them.

import { EMPTY_PORT_SET, intersectPorts, isEmptyPortSet, subtractPorts, unionPorts, type PortSet } from '../algebra/port-set.js';
import type { Direction } from '../model/common.js';
import { clusterPolicyTag } from '../model/cluster-policy.js';
import type { CompiledCluster } from '../engine/compile.js';
import type { CompiledClusterPolicy, CompiledClusterRule } from '../engine/compile-cluster-policies.js';
import { clusterPeerMatches, clusterPolicySelects, clusterRulePortSet } from '../engine/cluster-match.js';
import { selectingPolicies } from '../engine/evaluate.js';
import { externalAtoms } from '../engine/external-atoms.js';
import { podClasses } from '../engine/pod-classes.js';
import type { Endpoint } from '../engine/types.js';

export const ADMIN_LINT_RULES = ['cluster-rule-shadowed', 'cluster-pass-reaches-nothing', 'baseline-not-default', 'cluster-equal-priority'] as const;
export type AdminLintRuleId = (typeof ADMIN_LINT_RULES)[number];

/** Shaped like src/analysis/lint's Finding, so the lint command can take these as they are. */
export interface AdminLintFinding {
  readonly ruleId: AdminLintRuleId;
  readonly severity: 'note' | 'warning' | 'error';
  readonly message: string;
  readonly file: string;
  readonly line: number;
  /** e.g. spec.egress[1] */
  readonly fieldPath?: string;
  readonly fix: string;
  /** e.g. `AdminNetworkPolicy deny-b` */
  readonly object: string;
}

export interface AdminLintResult {
  readonly findings: readonly AdminLintFinding[];
  /** Set when the rule-by-rule checks were skipped because the snapshot is too large for them. */
  readonly skipped?: string;
}

/** Subject classes × remote ends × rules above which the rule checks are skipped. */
const MAX_WORK = 20_000_000;

/** Every finding of the four checks, ordered by file and line. */
export function adminLint(compiled: CompiledCluster): AdminLintResult {
  const findings = [...baselineNotDefault(compiled)];
  const scene = sceneOf(compiled);
  const rules = [...compiled.tiers.admin, ...compiled.tiers.baseline].reduce((n, p) => n + p.ingress.length + p.egress.length, 0);
  if (scene.subjects.length * scene.remotes.length * rules > MAX_WORK) {
    return { findings, skipped: `${scene.subjects.length} pod classes and ${rules} rules: too many to check rule by rule` };
  }
  const usage = ruleUsage(compiled, scene);
  findings.push(...shadowedRules(usage), ...passesReachingNothing(usage), ...equalPriorities(compiled, scene));
  return { findings: findings.sort(byPlace) };
}

/** By file, line, then rule id. */
function byPlace(a: AdminLintFinding, b: AdminLintFinding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}

/** ANP semantics §2.2, §9.5.8: the one BANP must be named `default` (the loader already rejects others). */
export function baselineNotDefault(compiled: CompiledCluster): AdminLintFinding[] {
  return compiled.tiers.baseline
    .filter((p) => p.policy.kind === 'BaselineAdminNetworkPolicy' && p.policy.name !== 'default')
    .map((p) => ({
      ruleId: 'baseline-not-default',
      severity: 'error',
      message: `BaselineAdminNetworkPolicy ${p.policy.name} is not named default: the API server accepts only one, named default`,
      file: p.policy.source.file,
      line: p.policy.source.line,
      fieldPath: 'metadata.name',
      fix: 'rename it to default (and merge it with any other BaselineAdminNetworkPolicy)',
      object: objectName(p),
    }));
}

/** The pods (one per class) and the addresses (one per atom) rules are judged against. */
interface Scene {
  readonly subjects: readonly Endpoint[];
  readonly remotes: readonly Endpoint[];
}

function sceneOf(compiled: CompiledCluster): Scene {
  const atoms = externalAtoms(compiled.cluster);
  const subjects: Endpoint[] = podClasses(compiled, atoms).classes.map((c) => ({ kind: 'pod', pod: c.representative }));
  return { subjects, remotes: [...subjects, ...atoms.map((a): Endpoint => ({ kind: 'external', ip: a.representative }))] };
}

interface RuleUse {
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

/** Runs every subject class and remote through each tier's ordered rules, port set by port set (§7.2). */
function ruleUsage(compiled: CompiledCluster, scene: Scene): RuleUse[] {
  const uses = new Map<CompiledClusterRule, RuleUse>();
  const useOf = (policy: CompiledClusterPolicy, rule: CompiledClusterRule, direction: Direction): RuleUse => {
    let use = uses.get(rule);
    if (!use) uses.set(rule, (use = { policy, rule, direction, matches: false, decides: false, shadowedBy: new Set(), passReaches: false }));
    return use;
  };
  for (const subject of scene.subjects) {
    if (subject.kind !== 'pod') continue;
    for (const direction of ['ingress', 'egress'] as const) {
      const ordered = (tier: 'admin' | 'baseline') =>
        compiled.tiers[tier]
          .filter((p) => p[direction].length > 0 && clusterPolicySelects(compiled, p, subject.pod))
          .flatMap((p) => p[direction].map((rule) => useOf(p, rule, direction)));
      const admin = ordered('admin');
      const baseline = ordered('baseline');
      if (admin.length + baseline.length === 0) continue;
      const isolated = selectingPolicies(compiled, subject.pod, direction).length > 0;
      for (const remote of scene.remotes) {
        const destination = direction === 'egress' ? remote : subject;
        const portsOf = (use: RuleUse): PortSet =>
          use.rule.peers.some((peer) => clusterPeerMatches(compiled, peer, remote)) ? clusterRulePortSet(use.rule, destination) : EMPTY_PORT_SET;
        const passed = walkTier(admin, portsOf);
        walkTier(baseline, portsOf);
        for (const [use, ports] of passed) {
          if (isolated || baseline.some((b) => !isEmptyPortSet(intersectPorts(portsOf(b), ports)))) use.passReaches = true;
        }
      }
    }
  }
  return [...uses.values()];
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

/** A rule that matches traffic, all of which an earlier rule of its tier decides (or passes) first. */
function shadowedRules(usage: readonly RuleUse[]): AdminLintFinding[] {
  return usage
    .filter((u) => u.matches && !u.decides)
    .map((u) => {
      const by = [...u.shadowedBy].map(ruleName).join(', ');
      return finding(u, 'cluster-rule-shadowed', 'warning',
        `${ruleName(u)} never decides anything: every connection it matches is matched first by ${by}`,
        'delete the rule, or move it before the rules that shadow it (or give its policy a lower priority number)');
    });
}

/** An admin Pass whose traffic no isolating NetworkPolicy and no baseline rule ever sees: it is an Allow in disguise. */
function passesReachingNothing(usage: readonly RuleUse[]): AdminLintFinding[] {
  return usage
    .filter((u) => u.policy.ref.tier === 'admin' && u.rule.rule.action === 'pass' && u.decides && !u.passReaches)
    .map((u) =>
      finding(u, 'cluster-pass-reaches-nothing', 'warning',
        `${ruleName(u)} passes traffic that no NetworkPolicy isolates and no baseline rule matches: it is allowed by default, as if the rule said ${u.policy.policy.kind === 'ClusterNetworkPolicy' ? 'Accept' : 'Allow'}`,
        'write the NetworkPolicy or baseline rule meant to decide it, or say Allow/Accept if allowing was meant'),
    );
}

/** ANP semantics §7.4: two policies of one tier with one priority whose rules both match some connection. */
function equalPriorities(compiled: CompiledCluster, scene: Scene): AdminLintFinding[] {
  const out: AdminLintFinding[] = [];
  for (const tier of [compiled.tiers.admin, compiled.tiers.baseline]) {
    tier.forEach((a, i) => {
      for (const b of tier.slice(i + 1)) {
        if (b.sortPriority !== a.sortPriority) break;
        const example = overlap(compiled, scene, a, b);
        if (example === undefined) continue;
        out.push({
          ruleId: 'cluster-equal-priority',
          severity: 'warning',
          message:
            `${objectName(a)} and ${objectName(b)} share priority ${a.sortPriority} and both match ${example}; upstream leaves ` +
            `their order undefined, netwarden evaluates ${a.policy.name} first (priority, then name, then kind)`,
          file: b.policy.source.file,
          line: b.policy.source.line,
          fieldPath: 'spec.priority',
          fix: 'give the two policies different priorities',
          object: objectName(b),
        });
      }
    });
  }
  return out;
}

/** A connection both policies have a rule for, in words, or undefined. */
function overlap(compiled: CompiledCluster, scene: Scene, a: CompiledClusterPolicy, b: CompiledClusterPolicy): string | undefined {
  for (const subject of scene.subjects) {
    if (subject.kind !== 'pod' || !clusterPolicySelects(compiled, a, subject.pod) || !clusterPolicySelects(compiled, b, subject.pod)) continue;
    for (const direction of ['ingress', 'egress'] as const) {
      for (const remote of scene.remotes) {
        const destination = direction === 'egress' ? remote : subject;
        const ports = (p: CompiledClusterPolicy): PortSet =>
          p[direction].reduce((acc, rule) => (rule.peers.some((peer) => clusterPeerMatches(compiled, peer, remote)) ? unionPorts(acc, clusterRulePortSet(rule, destination)) : acc), EMPTY_PORT_SET);
        if (!isEmptyPortSet(intersectPorts(ports(a), ports(b)))) return `${direction} of ${endpointText(subject)} ${direction === 'ingress' ? 'from' : 'to'} ${endpointText(remote)}`;
      }
    }
  }
  return undefined;
}

function endpointText(e: Endpoint): string {
  return e.kind === 'pod' ? `${e.pod.namespace}/${e.pod.name}` : e.ip;
}

function ruleName(u: RuleUse): string {
  const name = u.rule.rule.name === undefined ? '' : ` "${u.rule.rule.name}"`;
  return `${clusterPolicyTag(u.policy.policy.kind)} ${u.policy.policy.name} ${u.direction}[${u.rule.rule.index}]${name}`;
}

function objectName(p: CompiledClusterPolicy): string {
  return `${p.policy.kind} ${p.policy.name}`;
}

function finding(u: RuleUse, ruleId: AdminLintRuleId, severity: AdminLintFinding['severity'], message: string, fix: string): AdminLintFinding {
  const { source, index } = u.rule.rule;
  return { ruleId, severity, message, file: source.file, line: source.line, fieldPath: `spec.${u.direction}[${index}]`, fix, object: objectName(u.policy) };
}

import {
  ALL_PORTS,
  EMPTY_PORT_SET,
  intersectPorts,
  isEmptyPortSet,
  subtractPorts,
  unionPorts,
  type PortSet,
} from '../algebra/port-set.js';
import type { Direction } from '../model/common.js';
import type { CompiledClusterPolicy, CompiledClusterRule } from './compile-cluster-policies.js';
import { clusterRulePortSet } from './cluster-match.js';
import type { PeerIndex } from './peer-index.js';
import type { PodClass } from './pod-classes.js';
import type { Endpoint } from './types.js';

/**
 * What the cluster-wide tiers say about one direction of a subject class, for every remote end
 * (pod class or external atom) that some of their rules name. Remotes that no rule names get the
 * NetworkPolicy-only answer, so a view is as large as the rules' peers, not the cluster.
 */
export interface TierView {
  /** Remote class id -> index in `outcomes`. */
  readonly byClass: ReadonlyMap<number, number>;
  /** Remote external atom id -> index in `outcomes`. */
  readonly byAtom: ReadonlyMap<number, number>;
  readonly outcomes: readonly TierOutcome[];
  /** Remote classes that an admin rule allows something: an isolated source may send there whatever NetworkPolicy says. */
  readonly adminAllowedClasses: readonly number[];
}

/** ANP semantics §7.2 for a set of ports, split by where each port's fate is decided. */
export interface TierOutcome {
  /** Allowed by an admin rule: final. */
  readonly adminAllowed: PortSet;
  /** Passed by the admin tier or matched by none of its rules: NetworkPolicy decides them if it isolates. */
  readonly toNetworkPolicy: PortSet;
  /** Everything allowed when NetworkPolicy does not isolate: admin allows, baseline allows and passes, the rest by default. */
  readonly withoutNetworkPolicy: PortSet;
}

/** The ports a direction allows towards a remote named by the view. */
export function allowedByTiers(outcome: TierOutcome, isolated: boolean, networkPolicyPorts: () => PortSet): PortSet {
  if (!isolated) return outcome.withoutNetworkPolicy;
  if (isEmptyPortSet(outcome.toNetworkPolicy)) return outcome.adminAllowed;
  return unionPorts(outcome.adminAllowed, intersectPorts(outcome.toNetworkPolicy, networkPolicyPorts()));
}

interface OrderedRule {
  readonly tier: 'admin' | 'baseline';
  readonly rule: CompiledClusterRule;
}

/**
 * Builds views, shared by the classes that the same cluster-wide policies select: a view depends
 * on the subject only through named ports of ingress rules (they resolve on the subject, §4.4).
 */
export class TierViews {
  private readonly peers: PeerIndex;
  private readonly classes: readonly PodClass[];
  private readonly views = new Map<string, TierView>();
  private readonly portsKeys = new Map<number, string>();

  constructor(peers: PeerIndex, classes: readonly PodClass[]) {
    this.peers = peers;
    this.classes = classes;
  }

  /** The view for one subject class and direction; undefined when no cluster-wide policy applies. */
  viewOf(subject: PodClass, direction: Direction): TierView | undefined {
    const policies = direction === 'egress' ? subject.egressClusterPolicies : subject.ingressClusterPolicies;
    if (policies.length === 0) return undefined;
    const rules = orderedRules(policies, direction);
    const named = direction === 'ingress' && rules.some((r) => r.rule.hasNamedPorts);
    const key = `${direction}|${policies.map((p) => `${p.ref.tier}:${p.rank}`).join(',')}${named ? `|${this.portsKey(subject.id)}` : ''}`;
    let view = this.views.get(key);
    if (!view) {
      view = this.build(rules, direction, subject);
      this.views.set(key, view);
    }
    return view;
  }

  private build(rules: readonly OrderedRule[], direction: Direction, subject: PodClass): TierView {
    const matchedByClass = new Map<number, number[]>();
    const matchedByAtom = new Map<number, number[]>();
    rules.forEach((ordered, ordinal) => {
      const classes = new Set<number>();
      const atoms = new Set<number>();
      for (const peer of ordered.rule.peers) {
        const targets = this.peers.clusterTargets(peer);
        for (const id of targets.classes) classes.add(id);
        for (const id of targets.atoms) atoms.add(id);
      }
      for (const id of classes) push(matchedByClass, id, ordinal);
      for (const id of atoms) push(matchedByAtom, id, ordinal);
    });
    const outcomes: TierOutcome[] = [];
    const outcomeIds = new Map<string, number>();
    const outcomeFor = (ordinals: readonly number[], destination: Endpoint, destinationKey: string): number => {
      const named = ordinals.some((i) => rules[i]!.rule.hasNamedPorts);
      const key = named ? `${ordinals.join(',')}|${destinationKey}` : ordinals.join(',');
      let id = outcomeIds.get(key);
      if (id === undefined) {
        id = outcomes.length;
        outcomes.push(fold(ordinals.map((i) => rules[i]!), destination));
        outcomeIds.set(key, id);
      }
      return id;
    };
    const byClass = new Map<number, number>();
    for (const [remote, ordinals] of matchedByClass) {
      // Ports are destination ports: egress resolves named ports on the remote pod, ingress on the subject.
      const destination = direction === 'egress' ? remote : subject.id;
      byClass.set(remote, outcomeFor(ordinals, this.endpointOf(destination), this.portsKey(destination)));
    }
    const byAtom = new Map<number, number>();
    const outside: Endpoint = { kind: 'external', ip: '0.0.0.0' };
    for (const [atom, ordinals] of matchedByAtom) byAtom.set(atom, outcomeFor(ordinals, outside, 'external'));
    const adminAllowedClasses: number[] = [];
    for (const [remote, id] of byClass) if (!isEmptyPortSet(outcomes[id]!.adminAllowed)) adminAllowedClasses.push(remote);
    return { byClass, byAtom, outcomes, adminAllowedClasses };
  }

  private endpointOf(classId: number): Endpoint {
    return { kind: 'pod', pod: this.classes[classId]!.representative };
  }

  /** Classes with the same container ports resolve every named port alike. */
  private portsKey(classId: number): string {
    let key = this.portsKeys.get(classId);
    if (key === undefined) {
      key = this.classes[classId]!.representative.ports.map((p) => `${p.name ?? ''}:${p.containerPort}/${p.protocol}`).sort().join(',');
      this.portsKeys.set(classId, key);
    }
    return key;
  }
}

function orderedRules(policies: readonly CompiledClusterPolicy[], direction: Direction): OrderedRule[] {
  return policies.flatMap((p) => p[direction].map((rule) => ({ tier: p.ref.tier, rule })));
}

/**
 * ANP semantics §7.2 over port sets: each matching rule, in order, takes the ports no earlier rule
 * of its tier took; Allow keeps them, Deny drops them, Pass sends them past the rest of the tier.
 */
function fold(matched: readonly OrderedRule[], destination: Endpoint): TierOutcome {
  const admin = foldTier(matched.filter((r) => r.tier === 'admin'), destination, ALL_PORTS);
  const baseline = foldTier(matched.filter((r) => r.tier === 'baseline'), destination, admin.onward);
  return {
    adminAllowed: admin.allowed,
    toNetworkPolicy: admin.onward,
    withoutNetworkPolicy: unionPorts(admin.allowed, unionPorts(baseline.allowed, baseline.onward)),
  };
}

function foldTier(rules: readonly OrderedRule[], destination: Endpoint, start: PortSet): { allowed: PortSet; onward: PortSet } {
  let remaining = start;
  let allowed = EMPTY_PORT_SET;
  let passed = EMPTY_PORT_SET;
  for (const { rule } of rules) {
    if (isEmptyPortSet(remaining)) break;
    const taken = intersectPorts(remaining, clusterRulePortSet(rule, destination));
    if (isEmptyPortSet(taken)) continue;
    if (rule.rule.action === 'allow') allowed = unionPorts(allowed, taken);
    else if (rule.rule.action === 'pass') passed = unionPorts(passed, taken);
    remaining = subtractPorts(remaining, taken);
  }
  return { allowed, onward: unionPorts(remaining, passed) };
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

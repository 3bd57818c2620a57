import { ALL_PORTS, EMPTY_PORT_SET, intersectPorts, isEmptyPortSet, unionPorts, type PortSet } from '../algebra/port-set.js';
import type { Direction } from '../model/common.js';
import type { CompiledCluster, CompiledPolicy, CompiledRule } from './compile.js';
import type { ExternalAtom } from './external-atoms.js';
import { rulePortSet } from './match.js';
import { PeerIndex } from './peer-index.js';
import { allowedByTiers, TierViews, type TierView } from './tier-views.js';
import { listedDestinations, PairCandidates } from './pair-candidates.js';
import type { PodClass } from './pod-classes.js';
import type { Endpoint } from './types.js';

/** What one class allows in one direction (semantics §4), split so pairs can be enumerated sparsely. */
export interface DirectionAllow {
  readonly isolated: boolean;
  /** Rules without from/to: they match every remote end; ports resolve on the destination. */
  readonly anyPeerRules: readonly CompiledRule[];
  /** Remote class -> ports, from rules whose peers name that class. */
  readonly byClass: Map<number, PortSet>;
  /** Remote external atom -> ports. */
  readonly byAtom: Map<number, PortSet>;
  /** The cluster-wide tiers' answers for the remotes their rules name; undefined when none applies. */
  readonly tiers: TierView | undefined;
}

/** One class-level result: ports allowed from one class (or atom) to another. */
export interface ClassEdge {
  readonly from: number;
  readonly to: number;
  readonly ports: PortSet;
}

export interface ClassConnections {
  readonly podToPod: readonly ClassEdge[];
  /** `to` is an atom id. */
  readonly podToExternal: readonly ClassEdge[];
  /** `from` is an atom id. */
  readonly externalToPod: readonly ClassEdge[];
}

/**
 * Class-to-class connectivity, enumerated output-sensitively: a source class is paired only with
 * destinations that some rule or the absence of isolation lets through, never with every class.
 */
export function classConnections(
  compiled: CompiledCluster,
  classes: readonly PodClass[],
  atoms: readonly ExternalAtom[],
): ClassConnections {
  const builder = new DirectionTables(compiled, classes, atoms);
  const egress = classes.map((c) => builder.allow(c, 'egress'));
  const ingress = classes.map((c) => builder.allow(c, 'ingress'));
  const portsOf = (rule: CompiledRule, destination: Destination): PortSet => builder.portsOf(rule, destination);
  const ingressBase = ingress.map((allow, id) => baseOf(allow, id, portsOf));
  const pairs = new PairCandidates(ingress, ingressBase);

  const podToPod: ClassEdge[] = [];
  const podToExternal: ClassEdge[] = [];
  const externalToPod: ClassEdge[] = [];
  for (const source of classes) {
    const out = egress[source.id]!;
    for (const target of candidates(out, pairs, source.id)) {
      const sent = sideTowards(out, target, () => towards(out, target, out.byClass.get(target), portsOf));
      if (isEmptyPortSet(sent)) continue;
      const inbound = ingress[target]!;
      const accepted = sideTowards(inbound, source.id, () =>
        unionPorts(ingressBase[target]!, inbound.byClass.get(source.id) ?? EMPTY_PORT_SET),
      );
      const ports = intersectPorts(sent, accepted);
      if (!isEmptyPortSet(ports)) podToPod.push({ from: source.id, to: target, ports });
    }
    const toAnyAtom = baseOf(out, 'external', portsOf);
    const inbound = ingress[source.id]!;
    // Plain loops, no closures made per atom: this runs classes × atoms times.
    for (let atom = 0; atom < atoms.length; atom++) {
      const outcome = out.tiers?.byAtom.get(atom);
      const ports =
        outcome === undefined
          ? unionPorts(toAnyAtom, out.byAtom.get(atom) ?? EMPTY_PORT_SET)
          : allowedByTiers(out.tiers!.outcomes[outcome]!, out.isolated, () => unionPorts(toAnyAtom, out.byAtom.get(atom) ?? EMPTY_PORT_SET));
      if (!isEmptyPortSet(ports)) podToExternal.push({ from: source.id, to: atom, ports });
      // ANP semantics §3.3: no ingress peer of a cluster-wide policy names an address, so only NetworkPolicy applies.
      const accepted = unionPorts(ingressBase[source.id]!, inbound.byAtom.get(atom) ?? EMPTY_PORT_SET);
      if (!isEmptyPortSet(accepted)) externalToPod.push({ from: atom, to: source.id, ports: accepted });
    }
  }
  return { podToPod, podToExternal, externalToPod };
}

/**
 * Destinations worth trying from one source: a broad source (not isolated, or with rules without
 * `to`) tries those that may accept from it; an isolated one only those its rules name.
 */
function candidates(out: DirectionAllow, pairs: PairCandidates, source: number): readonly number[] {
  if (!out.isolated || out.anyPeerRules.length > 0) return pairs.accepting(source);
  return listedDestinations(out);
}

/** A direction's ports towards a remote class: the tiers' answer if they name it, else NetworkPolicy's (all when not isolated). */
function sideTowards(allow: DirectionAllow, remote: number, networkPolicyPorts: () => PortSet): PortSet {
  const outcome = allow.tiers?.byClass.get(remote);
  if (outcome === undefined) return allow.isolated ? networkPolicyPorts() : ALL_PORTS;
  return allowedByTiers(allow.tiers!.outcomes[outcome]!, allow.isolated, networkPolicyPorts);
}

/** A destination class id, or any address outside the cluster. */
type Destination = number | 'external';
type PortsOf = (rule: CompiledRule, destination: Destination) => PortSet;

/** Ports allowed towards every remote end (not isolated: all; else the rules without peers). */
function baseOf(allow: DirectionAllow, destination: Destination, portsOf: PortsOf): PortSet {
  if (!allow.isolated) return ALL_PORTS;
  let ports = EMPTY_PORT_SET;
  for (const rule of allow.anyPeerRules) ports = unionPorts(ports, portsOf(rule, destination));
  return ports;
}

function towards(allow: DirectionAllow, destination: number, listed: PortSet | undefined, portsOf: PortsOf): PortSet {
  const base = baseOf(allow, destination, portsOf);
  return listed === undefined ? base : unionPorts(base, listed);
}

class DirectionTables {
  private readonly peers: PeerIndex;
  private readonly classes: readonly PodClass[];
  private readonly fixedPorts = new Map<CompiledRule, PortSet>();
  private readonly tierViews: TierViews;

  constructor(compiled: CompiledCluster, classes: readonly PodClass[], atoms: readonly ExternalAtom[]) {
    this.peers = new PeerIndex(compiled, classes, atoms);
    this.classes = classes;
    this.tierViews = new TierViews(this.peers, classes);
  }

  allow(subject: PodClass, direction: Direction): DirectionAllow {
    const policies = direction === 'egress' ? subject.egressPolicies : subject.ingressPolicies;
    const table: DirectionAllow = {
      isolated: policies.length > 0,
      anyPeerRules: [],
      byClass: new Map(),
      byAtom: new Map(),
      tiers: this.tierViews.viewOf(subject, direction),
    };
    for (const policy of policies) {
      for (const rule of policy[direction] ?? []) this.addRule(table, policy, rule, subject, direction);
    }
    return table;
  }

  private addRule(table: DirectionAllow, policy: CompiledPolicy, rule: CompiledRule, subject: PodClass, direction: Direction): void {
    if (rule.peers === null) {
      (table.anyPeerRules as CompiledRule[]).push(rule);
      return;
    }
    for (const peer of rule.peers) {
      const targets = this.peers.targets(peer, policy.policy.namespace);
      for (const id of targets.classes) {
        // Ports are destination ports (semantics §2.7/§2.8): egress resolves names on the remote pod.
        addPorts(table.byClass, id, this.portsOf(rule, direction === 'egress' ? id : subject.id));
      }
      const atomPorts = direction === 'egress' ? this.portsOf(rule, 'external') : this.portsOf(rule, subject.id);
      for (const id of targets.atoms) addPorts(table.byAtom, id, atomPorts);
    }
  }

  /** A rule's ports towards a destination class or the outside, cached when no named port needs the destination. */
  portsOf(rule: CompiledRule, destination: Destination): PortSet {
    const fixed = this.fixedPorts.get(rule);
    if (fixed !== undefined) return fixed;
    const endpoint: Endpoint =
      destination === 'external'
        ? { kind: 'external', ip: '0.0.0.0' }
        : { kind: 'pod', pod: this.classes[destination]!.representative };
    const ports = rulePortSet(rule, endpoint);
    if (!rule.ports?.some((entry) => entry.port.kind === 'named')) this.fixedPorts.set(rule, ports);
    return ports;
  }
}

function addPorts(map: Map<number, PortSet>, key: number, ports: PortSet): void {
  if (isEmptyPortSet(ports)) return;
  const existing = map.get(key);
  map.set(key, existing === undefined ? ports : unionPorts(existing, ports));
}

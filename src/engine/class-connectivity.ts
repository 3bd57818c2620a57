import { ALL_PORTS, EMPTY_PORT_SET, intersectPorts, isEmptyPortSet, unionPorts, type PortSet } from '../algebra/port-set.js';
import type { Direction } from '../model/common.js';
import type { CompiledCluster, CompiledPolicy, CompiledRule } from './compile.js';
import type { ExternalAtom } from './external-atoms.js';
import { rulePortSet } from './match.js';
import { PeerIndex } from './peer-index.js';
import type { PodClass } from './pod-classes.js';
import type { Endpoint } from './types.js';

/** What one class allows in one direction (semantics §4), split so pairs can be enumerated sparsely. */
interface DirectionAllow {
  readonly isolated: boolean;
  /** Rules without from/to: they match every remote end; ports resolve on the destination. */
  readonly anyPeerRules: readonly CompiledRule[];
  /** Remote class -> ports, from rules whose peers name that class. */
  readonly byClass: Map<number, PortSet>;
  /** Remote external atom -> ports. */
  readonly byAtom: Map<number, PortSet>;
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
  const broadDestinations = classes.map((c) => c.id).filter((id) => !isEmptyPortSet(ingressBase[id]!));
  const listedBy = reverseIndex(ingress, classes.length);

  const podToPod: ClassEdge[] = [];
  const podToExternal: ClassEdge[] = [];
  const externalToPod: ClassEdge[] = [];
  for (const source of classes) {
    const out = egress[source.id]!;
    const broad = !out.isolated || out.anyPeerRules.length > 0;
    const candidates = broad ? new Set([...broadDestinations, ...listedBy[source.id]!]) : out.byClass.keys();
    for (const target of candidates) {
      const sent = towards(out, target, out.byClass.get(target), portsOf);
      if (isEmptyPortSet(sent)) continue;
      const accepted = ingress[target]!.isolated
        ? unionPorts(ingressBase[target]!, ingress[target]!.byClass.get(source.id) ?? EMPTY_PORT_SET)
        : ALL_PORTS;
      const ports = intersectPorts(sent, accepted);
      if (!isEmptyPortSet(ports)) podToPod.push({ from: source.id, to: target, ports });
    }
    const toAnyAtom = baseOf(out, 'external', portsOf);
    atoms.forEach((_, atom) => {
      const ports = unionPorts(toAnyAtom, out.byAtom.get(atom) ?? EMPTY_PORT_SET);
      if (!isEmptyPortSet(ports)) podToExternal.push({ from: source.id, to: atom, ports });
      const inbound = unionPorts(ingressBase[source.id]!, ingress[source.id]!.byAtom.get(atom) ?? EMPTY_PORT_SET);
      if (!isEmptyPortSet(inbound)) externalToPod.push({ from: atom, to: source.id, ports: inbound });
    });
  }
  return { podToPod, podToExternal, externalToPod };
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

/** For each source class, the destination classes whose ingress rules name it. */
function reverseIndex(ingress: readonly DirectionAllow[], count: number): number[][] {
  const listedBy: number[][] = Array.from({ length: count }, () => []);
  ingress.forEach((allow, destination) => {
    for (const source of allow.byClass.keys()) listedBy[source]!.push(destination);
  });
  return listedBy;
}

class DirectionTables {
  private readonly peers: PeerIndex;
  private readonly classes: readonly PodClass[];
  private readonly fixedPorts = new Map<CompiledRule, PortSet>();

  constructor(compiled: CompiledCluster, classes: readonly PodClass[], atoms: readonly ExternalAtom[]) {
    this.peers = new PeerIndex(compiled, classes, atoms);
    this.classes = classes;
  }

  allow(subject: PodClass, direction: Direction): DirectionAllow {
    const policies = direction === 'egress' ? subject.egressPolicies : subject.ingressPolicies;
    const table: DirectionAllow = { isolated: policies.length > 0, anyPeerRules: [], byClass: new Map(), byAtom: new Map() };
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

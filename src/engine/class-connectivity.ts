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
  const endpoint = (id: number): Endpoint => ({ kind: 'pod', pod: classes[id]!.representative });
  const external: Endpoint = { kind: 'external', ip: '0.0.0.0' };
  const ingressBase = ingress.map((allow, id) => baseOf(allow, endpoint(id)));
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
      const sent = towards(out, endpoint(target), out.byClass.get(target));
      if (isEmptyPortSet(sent)) continue;
      const accepted = ingress[target]!.isolated
        ? unionPorts(ingressBase[target]!, ingress[target]!.byClass.get(source.id) ?? EMPTY_PORT_SET)
        : ALL_PORTS;
      const ports = intersectPorts(sent, accepted);
      if (!isEmptyPortSet(ports)) podToPod.push({ from: source.id, to: target, ports });
    }
    const toAnyAtom = baseOf(out, external);
    atoms.forEach((_, atom) => {
      const ports = unionPorts(toAnyAtom, out.byAtom.get(atom) ?? EMPTY_PORT_SET);
      if (!isEmptyPortSet(ports)) podToExternal.push({ from: source.id, to: atom, ports });
      const inbound = unionPorts(ingressBase[source.id]!, ingress[source.id]!.byAtom.get(atom) ?? EMPTY_PORT_SET);
      if (!isEmptyPortSet(inbound)) externalToPod.push({ from: atom, to: source.id, ports: inbound });
    });
  }
  return { podToPod, podToExternal, externalToPod };
}

/** Ports allowed towards every remote end (not isolated: all; else the rules without peers). */
function baseOf(allow: DirectionAllow, destination: Endpoint): PortSet {
  if (!allow.isolated) return ALL_PORTS;
  let ports = EMPTY_PORT_SET;
  for (const rule of allow.anyPeerRules) ports = unionPorts(ports, rulePortSet(rule, destination));
  return ports;
}

function towards(allow: DirectionAllow, destination: Endpoint, listed: PortSet | undefined): PortSet {
  const base = baseOf(allow, destination);
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
    const self: Endpoint = { kind: 'pod', pod: subject.representative };
    for (const peer of rule.peers) {
      const targets = this.peers.targets(peer, policy.policy.namespace);
      for (const id of targets.classes) {
        // Ports are destination ports (semantics §2.7/§2.8): egress resolves names on the remote pod.
        const destination: Endpoint = direction === 'egress' ? { kind: 'pod', pod: this.classes[id]!.representative } : self;
        addPorts(table.byClass, id, rulePortSet(rule, destination));
      }
      const atomPorts = rulePortSet(rule, direction === 'egress' ? { kind: 'external', ip: '0.0.0.0' } : self);
      for (const id of targets.atoms) addPorts(table.byAtom, id, atomPorts);
    }
  }
}

function addPorts(map: Map<number, PortSet>, key: number, ports: PortSet): void {
  if (isEmptyPortSet(ports)) return;
  const existing = map.get(key);
  map.set(key, existing === undefined ? ports : unionPorts(existing, ports));
}

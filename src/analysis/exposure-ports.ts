import type { Protocol } from '../model/common.js';
import {
  ALL_PORTS,
  EMPTY_PORT_SET,
  equalPortSets,
  intersectPorts,
  isAllPorts,
  isEmptyPortSet,
  subtractPorts,
  unionPorts,
  type PortSet,
} from '../algebra/port-set.js';

/**
 * A named port whose number is unknown: an egress rule's `port: http` towards a pod that is not
 * in the input resolves on that pod (semantics §2.8), so the name is all that can be said.
 * `protocol` is absent for a cluster-wide policy's `namedPort`, which takes the protocol from the
 * destination pod too (ANP semantics §4.4).
 */
export interface NamedPort {
  readonly protocol?: Protocol;
  readonly name: string;
}

/**
 * Names as a set: either exactly `names`, or every name but `names` (a rule without ports
 * allows every port, so every name; a later deny of one name takes that name out).
 */
export interface NameSet {
  readonly complement: boolean;
  /** Keys as in namedPortKey, sorted. */
  readonly names: readonly string[];
}

/**
 * Ports an exposure allows: numbered ranges per protocol, plus named ports whose numbers are
 * unknown. Names and numbers are kept apart: a name may stand for a number already listed, or
 * not; netwarden cannot tell without the destination pod, so it shows both.
 */
export interface ExposurePorts {
  readonly ports: PortSet;
  readonly named: NameSet;
}

const NO_NAMES: NameSet = Object.freeze({ complement: false, names: Object.freeze([]) });
const EVERY_NAME: NameSet = Object.freeze({ complement: true, names: Object.freeze([]) });

export const NO_PORTS: ExposurePorts = Object.freeze({ ports: EMPTY_PORT_SET, named: NO_NAMES });
export const EVERY_PORT: ExposurePorts = Object.freeze({ ports: ALL_PORTS, named: EVERY_NAME });

/** `TCP/http`, or `http` when the protocol comes from the destination pod. */
export function namedPortKey(port: NamedPort): string {
  return port.protocol === undefined ? port.name : `${port.protocol}/${port.name}`;
}

export function parseNamedPortKey(key: string): NamedPort {
  const slash = key.indexOf('/');
  if (slash < 0) return { name: key };
  return { protocol: key.slice(0, slash) as Protocol, name: key.slice(slash + 1) };
}

export function numberedPorts(ports: PortSet): ExposurePorts {
  return isEmptyPortSet(ports) ? NO_PORTS : { ports, named: NO_NAMES };
}

export function namedPorts(names: readonly NamedPort[]): ExposurePorts {
  return { ports: EMPTY_PORT_SET, named: { complement: false, names: sortedUnique(names.map(namedPortKey)) } };
}

export function unionExposurePorts(a: ExposurePorts, b: ExposurePorts): ExposurePorts {
  if (a === b || isNoPorts(b)) return a;
  if (isNoPorts(a)) return b;
  return { ports: unionPorts(a.ports, b.ports), named: unionNames(a.named, b.named) };
}

export function intersectExposurePorts(a: ExposurePorts, b: ExposurePorts): ExposurePorts {
  return { ports: intersectPorts(a.ports, b.ports), named: intersectNames(a.named, b.named) };
}

export function subtractExposurePorts(a: ExposurePorts, b: ExposurePorts): ExposurePorts {
  return { ports: subtractPorts(a.ports, b.ports), named: subtractNames(a.named, b.named) };
}

export function isNoPorts(a: ExposurePorts): boolean {
  return isEmptyPortSet(a.ports) && !a.named.complement && a.named.names.length === 0;
}

export function equalExposurePorts(a: ExposurePorts, b: ExposurePorts): boolean {
  return (
    equalPortSets(a.ports, b.ports) &&
    a.named.complement === b.named.complement &&
    a.named.names.length === b.named.names.length &&
    a.named.names.every((name, i) => name === b.named.names[i])
  );
}

/**
 * The named ports worth listing next to the numbers: none when every port of the name's protocol
 * (every port of every protocol, for a name without one) is already allowed. A complement set
 * ("every name but ...") lists nothing: the numbers say it, as every port is a number.
 */
export function listedNames(a: ExposurePorts): NamedPort[] {
  if (a.named.complement || isAllPorts(a.ports)) return [];
  return a.named.names.map(parseNamedPortKey).filter((port) => !coversProtocol(a.ports, port.protocol));
}

function coversProtocol(ports: PortSet, protocol: Protocol | undefined): boolean {
  if (protocol === undefined) return isAllPorts(ports);
  const ranges = ports[protocol];
  return ranges.length === 1 && ranges[0]![0] === 1 && ranges[0]![1] === 65535;
}

function unionNames(a: NameSet, b: NameSet): NameSet {
  if (!a.complement && !b.complement) return { complement: false, names: sortedUnique([...a.names, ...b.names]) };
  if (a.complement && b.complement) return { complement: true, names: a.names.filter((n) => b.names.includes(n)) };
  const [all, some] = a.complement ? [a, b] : [b, a];
  return { complement: true, names: all.names.filter((n) => !some.names.includes(n)) };
}

function intersectNames(a: NameSet, b: NameSet): NameSet {
  if (a.complement && b.complement) return { complement: true, names: sortedUnique([...a.names, ...b.names]) };
  if (!a.complement && !b.complement) return { complement: false, names: a.names.filter((n) => b.names.includes(n)) };
  const [all, some] = a.complement ? [a, b] : [b, a];
  return { complement: false, names: some.names.filter((n) => !all.names.includes(n)) };
}

function subtractNames(a: NameSet, b: NameSet): NameSet {
  return intersectNames(a, { complement: !b.complement, names: b.names });
}

function sortedUnique(names: readonly string[]): string[] {
  return [...new Set(names)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

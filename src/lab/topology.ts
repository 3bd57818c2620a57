// The lab's network, as data: which namespaces exist, their addresses, MACs and routes. Pure.
import { FAMILY_BITS, formatNetwork, networkContains, networkOf, parseAddress, parseNetwork } from './addresses.js';
import type { Network } from './addresses.js';

export type HostKind = 'pod' | 'external';

/** One network namespace of the lab, wired to the node's bridge by a veth pair. */
export interface LabHost {
  /** Position in the topology; the node-side veth is `nwv<index>`. */
  readonly index: number;
  readonly netns: string;
  readonly kind: HostKind;
  /** What the host answers probes with: `ns/name` for a pod, `external/<address>` for an external host. */
  readonly identity: string;
  /** Its addresses (one per family at most), canonical text. */
  readonly addresses: readonly string[];
  readonly mac: string;
}

export interface Topology {
  /** The lab's name: lowercase letters and digits, at most 12 (it is part of every name the lab creates). */
  readonly name: string;
  /** The namespace holding the bridge: `nw-<name>-node`. */
  readonly nodeNetns: string;
  readonly hosts: readonly LabHost[];
  /** Prefixes every host routes straight onto its eth0 (no default route: the lab reaches nothing outside itself). */
  readonly routes: readonly string[];
}

export const NETNS_PREFIX = 'nw-';
export const LAB_NAME_PATTERN = /^[a-z0-9]{1,12}$/;
export const BRIDGE = 'nwbr0';
const MAX_NETNS_LENGTH = 100;

export function nodeNetnsOf(name: string): string {
  return `${NETNS_PREFIX}${name}-node`;
}

export function vethOf(host: LabHost): string {
  return `nwv${host.index}`;
}

/** A locally administered MAC, 02:6e:77 ("nw") then the host index. */
export function macOf(index: number): string {
  const bytes = [0x02, 0x6e, 0x77, (index >> 16) & 0xff, (index >> 8) & 0xff, index & 0xff];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** `nw-<lab>-<rest>`, shortened to a safe file name length, unique among `taken`. */
export function netnsName(lab: string, rest: string, taken: Set<string>): string {
  let base = `${NETNS_PREFIX}${lab}-${rest.replace(/[^A-Za-z0-9.-]/g, '-')}`;
  if (base.length > MAX_NETNS_LENGTH) base = base.slice(0, MAX_NETNS_LENGTH);
  let name = base;
  for (let n = 2; taken.has(name) || name === nodeNetnsOf(lab); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}

export interface HostInput {
  readonly kind: HostKind;
  readonly identity: string;
  /** What follows `nw-<lab>-` in the namespace's name. */
  readonly netnsSuffix: string;
  readonly addresses: readonly string[];
}

/**
 * Hosts in order, with names, MACs, and the routes: `prefixes` (the pod and service CIDRs),
 * plus a host route for every address they do not cover.
 */
export function buildTopology(name: string, inputs: readonly HostInput[], prefixes: readonly string[]): Topology {
  const taken = new Set<string>();
  const hosts = inputs.map((input, index) => ({
    index,
    netns: netnsName(name, input.netnsSuffix, taken),
    kind: input.kind,
    identity: input.identity,
    addresses: input.addresses,
    mac: macOf(index),
  }));
  const networks = prefixes.map(parseNetwork).filter((n): n is Network => n !== undefined);
  const routes = networks.map(formatNetwork);
  for (const host of hosts) {
    for (const text of host.addresses) {
      const address = parseAddress(text);
      if (address === undefined || networks.some((n) => networkContains(n, address))) continue;
      const route = formatNetwork(networkOf(address));
      if (!routes.includes(route)) routes.push(route);
    }
  }
  return { name, nodeNetns: nodeNetnsOf(name), hosts, routes };
}

/** The host prefix length of an address: 32 or 128. */
export function hostPrefix(address: string): number {
  return FAMILY_BITS[parseAddress(address)?.family ?? 4];
}

/** The host holding `address`, if any. */
export function hostWithAddress(topology: Topology, address: string): LabHost | undefined {
  return topology.hosts.find((host) => host.addresses.includes(address));
}

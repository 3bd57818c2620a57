import { ipAtoms, ipSetOfBlock, parseIP, formatIP, intervalToCIDRs, type IPFamily, type IPSet } from '../algebra/ip-set.js';
import type { Cluster } from '../model/cluster.js';

/** A range of addresses outside the cluster that every ipBlock treats alike. */
export interface ExternalAtom {
  readonly family: IPFamily;
  readonly start: bigint;
  readonly end: bigint;
  /** An address inside the atom, used to evaluate the whole atom. */
  readonly representative: string;
  readonly id: string;
  readonly startText: string;
  readonly endText: string;
  readonly cidrs: readonly string[];
}

/**
 * The address sets whose boundaries cut the space outside the cluster: every ipBlock cidr and
 * except of the NetworkPolicies, and every `networks` CIDR of the cluster-wide policies.
 */
export function policyAddressSets(cluster: Cluster): IPSet[] {
  const sets: IPSet[] = [];
  const add = (cidr: string): void => {
    const set = ipSetOfBlock(cidr, []);
    if (set) sets.push(set);
  };
  for (const policy of cluster.policies) {
    for (const rule of [...policy.ingress, ...policy.egress]) {
      if (rule.peers.kind === 'any') continue;
      for (const peer of rule.peers.items) {
        if (peer.kind === 'ipBlock') for (const cidr of [peer.cidr, ...peer.except]) add(cidr);
      }
    }
  }
  for (const policy of cluster.clusterPolicies ?? []) {
    for (const rule of policy.egress) {
      for (const peer of rule.peers) if (peer.kind === 'networks') peer.cidrs.forEach(add);
    }
  }
  return sets;
}

/**
 * The IPv4 space (and the IPv6 space when a policy names an IPv6 block) cut at every boundary
 * of policyAddressSets.
 */
export function externalAtoms(cluster: Cluster): ExternalAtom[] {
  const sets = policyAddressSets(cluster);
  const families: IPFamily[] = sets.some((s) => s.IPv6.length > 0) ? ['IPv4', 'IPv6'] : ['IPv4'];
  return ipAtoms(sets, families).map(({ family, start, end }) => {
    const cidrs = intervalToCIDRs(family, start, end);
    const startText = formatIP(family, start);
    const endText = formatIP(family, end);
    const id = cidrs.length === 1 && cidrs[0] !== undefined ? cidrs[0] : `${startText}-${endText}`;
    return { family, start, end, representative: startText, id, startText, endText, cidrs };
  });
}

/** Index of the atom holding `ip`, or -1 (unparsable, or a family no policy names). */
export function atomIndexOf(atoms: readonly ExternalAtom[], ip: string): number {
  const parsed = parseIP(ip);
  if (!parsed) return -1;
  let lo = 0;
  let hi = atoms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const atom = atoms[mid]!;
    const cmp = compareAtom(atom, parsed.family, parsed.value);
    if (cmp === 0) return mid;
    if (cmp < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function compareAtom(atom: ExternalAtom, family: IPFamily, value: bigint): number {
  if (atom.family !== family) return atom.family === 'IPv4' ? -1 : 1;
  if (atom.end < value) return -1;
  if (atom.start > value) return 1;
  return 0;
}

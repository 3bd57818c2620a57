import type { Cluster } from '../model/cluster.js';
import { formatIP, ipAtoms, intervalToCIDRs, type IPFamily, type IPSet } from '../algebra/ip-set.js';
import { policyAddressSets } from '../engine/external-atoms.js';
import { FAMILY_BITS } from '../algebra/cidr.js';
import { equalExposurePorts, isNoPorts, type ExposurePorts } from './exposure-ports.js';

/** A range of addresses outside the cluster that every ipBlock (and ANP `networks` peer) treats alike. */
export interface ExposureAtom {
  readonly family: IPFamily;
  readonly start: bigint;
  readonly end: bigint;
  readonly addresses: IPSet;
}

/**
 * Both address families, whole, cut at every boundary of every ipBlock cidr and except and of
 * every `networks` CIDR. Unlike the map's external endpoints, IPv6 is always here: a pod that
 * nothing restricts is exposed to ::/0 whether or not a policy names an IPv6 block.
 */
export function exposureAtoms(cluster: Cluster): ExposureAtom[] {
  const sets = policyAddressSets(cluster);
  return ipAtoms(sets, ['IPv4', 'IPv6']).map(({ family, start, end }) => ({
    family,
    start,
    end,
    addresses: family === 'IPv4' ? { IPv4: [[start, end]], IPv6: [] } : { IPv4: [], IPv6: [[start, end]] },
  }));
}

/** Addresses as a policy would write them: a CIDR and the CIDRs it excepts (none when exact). */
export interface AddressBlock {
  readonly cidr: string;
  readonly except: readonly string[];
}

/** Atoms that get equal ports, as one exposure each: their ranges merged into the fewest CIDRs. */
export function externalExposures(
  atoms: readonly ExposureAtom[],
  ports: readonly ExposurePorts[],
): { peer: { kind: 'external'; cidrs: string[]; blocks: AddressBlock[] }; ports: ExposurePorts }[] {
  const groups: { ports: ExposurePorts; atoms: ExposureAtom[] }[] = [];
  atoms.forEach((atom, i) => {
    const atomPorts = ports[i]!;
    if (isNoPorts(atomPorts)) return;
    const group = groups.find((g) => equalExposurePorts(g.ports, atomPorts));
    if (group) group.atoms.push(atom);
    else groups.push({ ports: atomPorts, atoms: [atom] });
  });
  return groups.map((group) => {
    const runs = runsOf(group.atoms);
    const cidrs = runs.flatMap((run) => intervalToCIDRs(run.family, run.start, run.end));
    return { peer: { kind: 'external', cidrs, blocks: blocksOf(runs) }, ports: group.ports };
  });
}

interface Run {
  readonly family: IPFamily;
  start: bigint;
  end: bigint;
}

/** Atoms are in address order, so contiguous ones are neighbours. */
function runsOf(atoms: readonly ExposureAtom[]): Run[] {
  const runs: Run[] = [];
  for (const atom of atoms) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.family === atom.family && last.end + 1n === atom.start) last.end = atom.end;
    else runs.push({ family: atom.family, start: atom.start, end: atom.end });
  }
  return runs;
}

/**
 * Per family, the shorter of two exact spellings: the CIDRs themselves, or the smallest CIDR
 * that holds them all with the gaps as `except` (`0.0.0.0/0` except `10.0.0.0/8` rather than
 * the eight CIDRs of the rest).
 */
function blocksOf(runs: readonly Run[]): AddressBlock[] {
  return (['IPv4', 'IPv6'] as const).flatMap((family) => {
    const own = runs.filter((r) => r.family === family);
    if (own.length === 0) return [];
    const plain = own.flatMap((r) => intervalToCIDRs(family, r.start, r.end).map((cidr) => ({ cidr, except: [] as string[] })));
    const [start, end] = [own[0]!.start, own[own.length - 1]!.end];
    const size = BigInt(bitLength(start ^ end));
    const network = (start >> size) << size;
    const cidr = `${formatIP(family, network)}/${FAMILY_BITS[family] - Number(size)}`;
    const except: string[] = [];
    let next = network;
    for (const r of [...own, { family, start: network + (1n << size), end: 0n }]) {
      if (r.start > next) except.push(...intervalToCIDRs(family, next, r.start - 1n));
      next = r.end + 1n;
    }
    return except.length + 1 < plain.length ? [{ cidr, except }] : plain;
  });
}

function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

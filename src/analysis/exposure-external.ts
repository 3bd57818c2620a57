import type { Cluster } from '../model/cluster.js';
import { ipAtoms, ipSetOfBlock, intervalToCIDRs, type IPFamily, type IPSet } from '../algebra/ip-set.js';
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
  const sets: IPSet[] = [];
  const add = (cidr: string): void => {
    const set = ipSetOfBlock(cidr, []);
    if (set) sets.push(set);
  };
  for (const policy of cluster.policies) {
    for (const rule of [...policy.ingress, ...policy.egress]) {
      if (rule.peers.kind === 'any') continue;
      for (const peer of rule.peers.items) if (peer.kind === 'ipBlock') [peer.cidr, ...peer.except].forEach(add);
    }
  }
  for (const policy of cluster.clusterPolicies ?? []) {
    for (const rule of policy.egress) for (const peer of rule.peers) if (peer.kind === 'networks') peer.cidrs.forEach(add);
  }
  return ipAtoms(sets, ['IPv4', 'IPv6']).map(({ family, start, end }) => ({
    family,
    start,
    end,
    addresses: family === 'IPv4' ? { IPv4: [[start, end]], IPv6: [] } : { IPv4: [], IPv6: [[start, end]] },
  }));
}

/** Atoms that get equal ports, as one exposure each: their ranges merged into the fewest CIDRs. */
export function externalExposures(
  atoms: readonly ExposureAtom[],
  ports: readonly ExposurePorts[],
): { peer: { kind: 'external'; cidrs: string[] }; ports: ExposurePorts }[] {
  const groups: { ports: ExposurePorts; atoms: ExposureAtom[] }[] = [];
  atoms.forEach((atom, i) => {
    const atomPorts = ports[i]!;
    if (isNoPorts(atomPorts)) return;
    const group = groups.find((g) => equalExposurePorts(g.ports, atomPorts));
    if (group) group.atoms.push(atom);
    else groups.push({ ports: atomPorts, atoms: [atom] });
  });
  return groups.map((group) => ({ peer: { kind: 'external', cidrs: cidrsOf(group.atoms) }, ports: group.ports }));
}

/** Atoms are in address order, so contiguous ones are neighbours. */
function cidrsOf(atoms: readonly ExposureAtom[]): string[] {
  const runs: { family: IPFamily; start: bigint; end: bigint }[] = [];
  for (const atom of atoms) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.family === atom.family && last.end + 1n === atom.start) last.end = atom.end;
    else runs.push({ family: atom.family, start: atom.start, end: atom.end });
  }
  return runs.flatMap((run) => intervalToCIDRs(run.family, run.start, run.end));
}

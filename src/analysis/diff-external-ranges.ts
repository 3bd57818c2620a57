// The address ranges outside the cluster, made common to two connectivity maps so that their
// connections can be compared pair by pair. Each map cuts the address space at the ipBlock
// boundaries of its own policies; the diff cuts both at the union of those boundaries (as
// netpol-analyzer's diff does), then merges neighbouring pieces that every connection of both
// maps treats alike, so a change confined to 10.0.0.0/8 does not split the rest of the space.

import { formatIP, intervalToCIDRs, parseIP, type IPFamily } from '../algebra/ip-set.js';
import { portSetKey } from '../algebra/port-set.js';
import { isExternalEndpoint } from '../engine/types.js';
import type { ConnectivityMap, ExternalEndpoint, MapConnection } from '../engine/types.js';

/** Where a range can be found: in both maps, or only in one (a family only one map analysed). */
export type RangePresence = 'both' | 'before' | 'after';

export interface CommonRange {
  readonly endpoint: ExternalEndpoint;
  readonly presence: RangePresence;
}

export interface CommonRanges {
  /** In address order, IPv4 first. */
  readonly ranges: readonly CommonRange[];
  /** Each map's connections, with every external end renamed to the common ranges it covers. */
  readonly before: readonly MapConnection[];
  readonly after: readonly MapConnection[];
}

interface Atom {
  readonly id: string;
  readonly family: IPFamily;
  readonly start: bigint;
  readonly end: bigint;
}

/** A piece of the common cut: inside exactly one atom of each map that has its family. */
interface Piece {
  readonly family: IPFamily;
  readonly start: bigint;
  end: bigint;
  readonly before: Atom | undefined;
  readonly after: Atom | undefined;
  readonly signature: string;
}

const FAMILIES: readonly IPFamily[] = ['IPv4', 'IPv6'];

export function commonRanges(before: ConnectivityMap, after: ConnectivityMap): CommonRanges {
  const beforeAtoms = atomsOf(before);
  const afterAtoms = atomsOf(after);
  const beforeSignatures = signatures(before);
  const afterSignatures = signatures(after);
  const signatureOf = (atom: Atom | undefined, of: ReadonlyMap<string, string>): string =>
    atom === undefined ? '\u0000absent' : (of.get(atom.id) ?? '');
  const pieces: Piece[] = [];
  for (const family of FAMILIES) {
    for (const [start, end, b, a] of cut(beforeAtoms.filter((x) => x.family === family), afterAtoms.filter((x) => x.family === family))) {
      const signature = `${signatureOf(b, beforeSignatures)}\u0001${signatureOf(a, afterSignatures)}`;
      const previous = pieces[pieces.length - 1];
      // Neighbours that both maps treat alike become one range.
      if (previous !== undefined && previous.family === family && previous.signature === signature) previous.end = end;
      else pieces.push({ family, start, end, before: b, after: a, signature });
    }
  }
  const ranges = pieces.map(rangeOf);
  return {
    ranges,
    before: renamed(before, pieces, ranges, (piece) => piece.before),
    after: renamed(after, pieces, ranges, (piece) => piece.after),
  };
}

function atomsOf(map: ConnectivityMap): Atom[] {
  const atoms: Atom[] = [];
  for (const endpoint of map.endpoints) {
    if (!isExternalEndpoint(endpoint)) continue;
    const start = addressOf(endpoint.start);
    const end = addressOf(endpoint.end);
    if (start === undefined || end === undefined) throw new Error(`external endpoint ${endpoint.id} has an unreadable range`);
    atoms.push({ id: endpoint.id, family: start.family, start: start.value, end: end.value });
  }
  return atoms.sort((x, y) => (x.family !== y.family ? (x.family === 'IPv4' ? -1 : 1) : x.start < y.start ? -1 : x.start > y.start ? 1 : 0));
}

/** An address of a map's range: IPv6 ranges are in IPv6 text, and an IPv4-mapped one (::ffff:a.b.c.d) stays IPv6. */
export function addressOf(text: string): { family: IPFamily; value: bigint } | undefined {
  const parsed = parseIP(text);
  if (parsed === undefined) return undefined;
  if (text.includes(':') && parsed.family === 'IPv4') return { family: 'IPv6', value: (0xffffn << 32n) | parsed.value };
  return parsed;
}

/**
 * The common cut of one family: both lists are sorted partitions of the family's space (or
 * empty when that map did not analyse the family), so one walk pairs every piece with its atoms.
 */
function* cut(before: readonly Atom[], after: readonly Atom[]): Generator<[bigint, bigint, Atom | undefined, Atom | undefined]> {
  if (before.length === 0 || after.length === 0) {
    for (const atom of before) yield [atom.start, atom.end, atom, undefined];
    for (const atom of after) yield [atom.start, atom.end, undefined, atom];
    return;
  }
  let i = 0;
  let j = 0;
  while (i < before.length && j < after.length) {
    const b = before[i]!;
    const a = after[j]!;
    const start = b.start > a.start ? b.start : a.start;
    const end = b.end < a.end ? b.end : a.end;
    if (start <= end) yield [start, end, b, a];
    if (b.end <= end) i++;
    if (a.end <= end) j++;
  }
}

/** Per external atom: every connection it takes part in, as text; equal texts mean equal treatment. */
function signatures(map: ConnectivityMap): Map<string, string> {
  const external = new Set(map.endpoints.filter(isExternalEndpoint).map((e) => e.id));
  const parts = new Map<string, string[]>();
  const add = (atom: string, part: string): void => {
    const list = parts.get(atom);
    if (list === undefined) parts.set(atom, [part]);
    else list.push(part);
  };
  for (const { from, to, allow } of map.connections) {
    if (external.has(from)) add(from, `>${to} ${portSetKey(allow)}`);
    if (external.has(to)) add(to, `<${from} ${portSetKey(allow)}`);
  }
  return new Map([...parts].map(([atom, list]) => [atom, list.sort().join('\n')]));
}

function rangeOf(piece: Piece): CommonRange {
  const cidrs = intervalToCIDRs(piece.family, piece.start, piece.end);
  const start = formatIP(piece.family, piece.start);
  const end = formatIP(piece.family, piece.end);
  const id = cidrs.length === 1 && cidrs[0] !== undefined ? cidrs[0] : `${start}-${end}`;
  const presence: RangePresence = piece.before === undefined ? 'after' : piece.after === undefined ? 'before' : 'both';
  return { endpoint: { id, kind: 'External', start, end, cidrs }, presence };
}

/**
 * One map's connections on the common ranges: a connection of an atom is repeated for each range
 * that the atom stands for. A range made of several pieces takes its first piece's atom; the
 * others have the same signature, so the same connections.
 */
function renamed(
  map: ConnectivityMap,
  pieces: readonly Piece[],
  ranges: readonly CommonRange[],
  atomOf: (piece: Piece) => Atom | undefined,
): MapConnection[] {
  const external = new Set<string>();
  const rangesOfAtom = new Map<string, string[]>();
  pieces.forEach((piece, index) => {
    const atom = atomOf(piece);
    if (atom === undefined) return;
    const list = rangesOfAtom.get(atom.id) ?? [];
    list.push(ranges[index]!.endpoint.id);
    rangesOfAtom.set(atom.id, list);
  });
  const out: MapConnection[] = [];
  for (const endpoint of map.endpoints) if (isExternalEndpoint(endpoint)) external.add(endpoint.id);
  for (const connection of map.connections) {
    // An external end never meets another (the map lists no external-to-external pair).
    if (external.has(connection.from)) for (const id of rangesOfAtom.get(connection.from) ?? []) out.push({ ...connection, from: id });
    else if (external.has(connection.to)) for (const id of rangesOfAtom.get(connection.to) ?? []) out.push({ ...connection, to: id });
    else out.push(connection);
  }
  return out;
}

import { FAMILY_BITS as BITS, FAMILY_MAX as MAX, formatIP, parseCIDR, parseIP, type IPFamily, type ParsedCIDR, type ParsedIP } from './cidr.js';

// Text in and out is cidr.ts's; re-exported because the engine reads IP sets and their text together.
export { formatIP, parseCIDR, parseIP, type IPFamily, type ParsedCIDR, type ParsedIP };

/** Inclusive. */
export type IPInterval = readonly [start: bigint, end: bigint];

/**
 * Canonical: per family, sorted, disjoint, adjacent intervals merged, within the family's space.
 * Results may share interval arrays with their inputs, so never mutate a set.
 */
export interface IPSet {
  readonly IPv4: readonly IPInterval[];
  readonly IPv6: readonly IPInterval[];
}

type Intervals = readonly IPInterval[];

const FAMILIES = ['IPv4', 'IPv6'] as const satisfies readonly IPFamily[];

const NONE: Intervals = Object.freeze([]);
const FULL = { IPv4: Object.freeze([Object.freeze([0n, MAX.IPv4] as const)]), IPv6: Object.freeze([Object.freeze([0n, MAX.IPv6] as const)]) };

export const EMPTY_IP_SET: IPSet = Object.freeze({ IPv4: NONE, IPv6: NONE });
export const ALL_IPS: IPSet = Object.freeze({ IPv4: FULL.IPv4, IPv6: FULL.IPv6 });

export function ipSetOfCIDR(cidr: ParsedCIDR): IPSet {
  const intervals = cidr.prefix === 0 ? FULL[cidr.family] : [[cidr.start, cidr.end] as const];
  return cidr.family === 'IPv4' ? { IPv4: intervals, IPv6: NONE } : { IPv4: NONE, IPv6: intervals };
}

/** semantics §2.6: an ipBlock matches `cidr` minus every `except`; undefined if any text does not parse. */
export function ipSetOfBlock(cidr: string, except: readonly string[]): IPSet | undefined {
  const block = parseCIDR(cidr);
  if (block === undefined) return undefined;
  let removed = EMPTY_IP_SET;
  for (const text of except) {
    const hole = parseCIDR(text);
    if (hole === undefined) return undefined;
    removed = unionIPs(removed, ipSetOfCIDR(hole));
  }
  return subtractIPs(ipSetOfCIDR(block), removed);
}

export function unionIPs(a: IPSet, b: IPSet): IPSet {
  return a === b ? a : combine(unionIntervals, a, b);
}

export function intersectIPs(a: IPSet, b: IPSet): IPSet {
  return a === b ? a : combine(intersectIntervals, a, b);
}

export function subtractIPs(a: IPSet, b: IPSet): IPSet {
  return combine(subtractIntervals, a, b);
}

export function isEmptyIPSet(a: IPSet): boolean {
  return a.IPv4.length === 0 && a.IPv6.length === 0;
}

export function equalIPSets(a: IPSet, b: IPSet): boolean {
  return a === b || (equalIntervals(a.IPv4, b.IPv4) && equalIntervals(a.IPv6, b.IPv6));
}

/** Binary search over the family's sorted intervals. */
export function containsIP(a: IPSet, ip: ParsedIP): boolean {
  const intervals = a[ip.family];
  let low = 0;
  let high = intervals.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const interval = intervals[middle];
    if (interval === undefined) return false;
    if (ip.value < interval[0]) high = middle - 1;
    else if (ip.value > interval[1]) low = middle + 1;
    else return true;
  }
  return false;
}

/** The fewest CIDRs that cover start..end exactly: at each step, the largest aligned block that fits. */
export function intervalToCIDRs(family: IPFamily, start: bigint, end: bigint): string[] {
  const bits = BITS[family];
  const last = end > MAX[family] ? MAX[family] : end;
  const cidrs: string[] = [];
  for (let next = start < 0n ? 0n : start; next <= last; ) {
    let size = 0;
    while (size < bits && ((next >> BigInt(size)) & 1n) === 0n) size++;
    while (next + (1n << BigInt(size)) - 1n > last) size--;
    cidrs.push(`${formatIP(family, next)}/${bits - size}`);
    next += 1n << BigInt(size);
  }
  return cidrs;
}

/**
 * Partition of the given families' whole address spaces cut at every interval boundary of every set:
 * consecutive atoms, each entirely inside or outside each input set. Sorted IPv4 first.
 */
export function ipAtoms(sets: readonly IPSet[], families: readonly IPFamily[]): { family: IPFamily; start: bigint; end: bigint }[] {
  const atoms: { family: IPFamily; start: bigint; end: bigint }[] = [];
  for (const family of FAMILIES.filter((f) => families.includes(f))) {
    const max = MAX[family];
    const starts = new Set<bigint>([0n]);
    for (const set of sets) {
      for (const [start, end] of set[family]) {
        if (start > 0n && start <= max) starts.add(start);
        if (end >= 0n && end < max) starts.add(end + 1n);
      }
    }
    const sorted = [...starts].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    sorted.forEach((start, i) => atoms.push({ family, start, end: (sorted[i + 1] ?? max + 1n) - 1n }));
  }
  return atoms;
}

/** Applies an interval operation per family; returns the shared EMPTY/ALL sets when it can. */
function combine(operation: (a: Intervals, b: Intervals, max: bigint) => Intervals, a: IPSet, b: IPSet): IPSet {
  const result: IPSet = { IPv4: operation(a.IPv4, b.IPv4, MAX.IPv4), IPv6: operation(a.IPv6, b.IPv6, MAX.IPv6) };
  if (isEmptyIPSet(result)) return EMPTY_IP_SET;
  if (isFull(result.IPv4, MAX.IPv4) && isFull(result.IPv6, MAX.IPv6)) return ALL_IPS;
  // keep an input's identity when no family changed (cheap: the interval ops return inputs as is)
  if (result.IPv4 === a.IPv4 && result.IPv6 === a.IPv6) return a;
  if (result.IPv4 === b.IPv4 && result.IPv6 === b.IPv6) return b;
  return result;
}

// The interval operations below are a typed twin of port-set.ts's range operations (bigints here,
// numbers there): change both together. port-set.ts says why they are not one generic function.

/** Linear merge of two sorted lists. */
function unionIntervals(a: Intervals, b: Intervals, max: bigint): Intervals {
  if (b.length === 0 || isFull(a, max)) return a;
  if (a.length === 0 || isFull(b, max)) return b;
  const out: IPInterval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x !== undefined && (y === undefined || x[0] <= y[0])) {
      appendMerged(out, x);
      i++;
    } else if (y !== undefined) {
      appendMerged(out, y);
      j++;
    }
  }
  return out;
}

/** Two pointers; pieces of two canonical lists can never be adjacent, so no merging needed. */
function intersectIntervals(a: Intervals, b: Intervals, max: bigint): Intervals {
  if (a.length === 0 || isFull(b, max)) return a;
  if (b.length === 0 || isFull(a, max)) return b;
  const out: IPInterval[] = [];
  let i = 0;
  let j = 0;
  for (let x = a[0], y = b[0]; x !== undefined && y !== undefined; x = a[i], y = b[j]) {
    const start = x[0] > y[0] ? x[0] : y[0];
    const end = x[1] < y[1] ? x[1] : y[1];
    if (start <= end) out.push(start === x[0] && end === x[1] ? x : start === y[0] && end === y[1] ? y : [start, end]);
    if (x[1] < y[1]) i++;
    else j++;
  }
  return out.length === 0 ? NONE : out;
}

/** For each interval of `a`, cut out the intervals of `b` that overlap it; `j` only moves forward. */
function subtractIntervals(a: Intervals, b: Intervals, max: bigint): Intervals {
  if (a.length === 0 || b.length === 0) return a;
  if (isFull(b, max)) return NONE;
  const out: IPInterval[] = [];
  let j = 0;
  for (const interval of a) {
    let start = interval[0];
    let cut = b[j];
    while (cut !== undefined && cut[1] < start) cut = b[++j];
    for (let k = j; cut !== undefined && cut[0] <= interval[1] && start <= interval[1]; cut = b[++k]) {
      if (cut[0] > start) out.push([start, cut[0] - 1n]);
      if (cut[1] + 1n > start) start = cut[1] + 1n;
    }
    if (start === interval[0]) out.push(interval);
    else if (start <= interval[1]) out.push([start, interval[1]]);
  }
  return out.length === 0 ? NONE : out;
}

/** Appends to a list sorted by start, merging with the last interval when they overlap or touch. */
function appendMerged(out: IPInterval[], interval: IPInterval): void {
  const last = out[out.length - 1];
  if (last === undefined || interval[0] > last[1] + 1n) out.push(interval);
  else if (interval[1] > last[1]) out[out.length - 1] = [last[0], interval[1]];
}

function isFull(intervals: Intervals, max: bigint): boolean {
  const only = intervals[0];
  return intervals.length === 1 && only !== undefined && only[0] === 0n && only[1] === max;
}

function equalIntervals(a: Intervals, b: Intervals): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((interval, i) => interval[0] === b[i]?.[0] && interval[1] === b[i]?.[1]);
}

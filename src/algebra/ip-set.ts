export type IPFamily = 'IPv4' | 'IPv6';

export interface ParsedIP {
  readonly family: IPFamily;
  readonly value: bigint;
}

export interface ParsedCIDR {
  readonly family: IPFamily;
  readonly prefix: number;
  readonly start: bigint;
  readonly end: bigint;
  /** the address had bits set beyond the prefix (sloppy, e.g. 10.1.2.3/8) */
  readonly hostBitsSet: boolean;
  /** an octet or the prefix had leading zeros, read as decimal (sloppy) */
  readonly leadingZeros: boolean;
  /** masked network in canonical text, e.g. "10.0.0.0/8", "2001:db8::/64" */
  readonly canonical: string;
}

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
const BITS = { IPv4: 32, IPv6: 128 } as const;
const MAX = { IPv4: (1n << 32n) - 1n, IPv6: (1n << 128n) - 1n } as const;
/** ::ffff:0:0/96, the IPv4-mapped IPv6 addresses. */
const MAPPED = 0xffffn;

const NONE: Intervals = Object.freeze([]);
const FULL = { IPv4: Object.freeze([Object.freeze([0n, MAX.IPv4] as const)]), IPv6: Object.freeze([Object.freeze([0n, MAX.IPv6] as const)]) };

export const EMPTY_IP_SET: IPSet = Object.freeze({ IPv4: NONE, IPv6: NONE });
export const ALL_IPS: IPSet = Object.freeze({ IPv4: FULL.IPv4, IPv6: FULL.IPv6 });

/**
 * Go `ParseIP` as forked by Kubernetes (semantics §7.6): dotted-quad octets may have leading zeros,
 * read as decimal. semantics §2.6: an IPv4-mapped IPv6 address is the IPv4 address.
 */
export function parseIP(text: string): ParsedIP | undefined {
  const address = parseAddress(text);
  if (address === undefined) return undefined;
  if (address.family === 'IPv6' && address.value >> 32n === MAPPED) return { family: 'IPv4', value: address.value & MAX.IPv4 };
  return { family: address.family, value: address.value };
}

/**
 * `netutils.ParseCIDRSloppy` (semantics §2.6, §7.6): the network is the masked address; a mapped
 * IPv6 network (prefix >= 96) becomes the IPv4 network with prefix - 96, as Go's IPNet.Contains reads it.
 */
export function parseCIDR(text: string): ParsedCIDR | undefined {
  const slash = text.indexOf('/');
  const address = slash < 0 ? undefined : parseAddress(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (address === undefined || !/^[0-9]+$/.test(prefixText)) return undefined;
  let prefix = Number(prefixText);
  if (prefix > BITS[address.family]) return undefined;
  const hostMask = (1n << BigInt(BITS[address.family] - prefix)) - 1n;
  let family: IPFamily = address.family;
  let start = address.value & ~hostMask;
  if (family === 'IPv6' && start >> 32n === MAPPED) {
    family = 'IPv4';
    prefix -= 96;
    start &= MAX.IPv4;
  }
  return {
    family,
    prefix,
    start,
    end: start | hostMask,
    hostBitsSet: (address.value & hostMask) !== 0n,
    leadingZeros: address.leadingZeros || /^0[0-9]/.test(prefixText),
    canonical: `${formatIP(family, start)}/${prefix}`,
  };
}

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

/** IPv4 dotted quad; IPv6 RFC 5952 text. Values outside the family's space are reduced modulo its size. */
export function formatIP(family: IPFamily, value: bigint): string {
  const address = BigInt.asUintN(BITS[family], value);
  return family === 'IPv4' ? formatIPv4(address) : formatIPv6(address);
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

interface ParsedAddress extends ParsedIP {
  readonly leadingZeros: boolean;
}

/** Go's ParseCIDR order: IPv4 first, then IPv6. No zone, no whitespace. */
function parseAddress(text: string): ParsedAddress | undefined {
  return parseIPv4(text) ?? parseIPv6(text);
}

function parseIPv4(text: string): ParsedAddress | undefined {
  const octets = text.split('.');
  if (octets.length !== 4) return undefined;
  let value = 0n;
  for (const octet of octets) {
    if (!/^[0-9]+$/.test(octet) || Number(octet) > 255) return undefined;
    value = (value << 8n) | BigInt(Number(octet));
  }
  return { family: 'IPv4', value, leadingZeros: octets.some((octet) => /^0[0-9]/.test(octet)) };
}

/** RFC 4291 text as Go reads it: at most one "::" standing for one or more zero groups; a dotted quad only last. */
function parseIPv6(text: string): ParsedAddress | undefined {
  const halves = text.split('::');
  const head = parseGroups(halves[0] ?? '', halves.length === 1);
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '', true) : { groups: [], leadingZeros: false };
  if (halves.length > 2 || head === undefined || tail === undefined) return undefined;
  const count = head.groups.length + tail.groups.length;
  if (halves.length === 1 ? count !== 8 : count > 7) return undefined;
  const groups = [...head.groups, ...Array<number>(8 - count).fill(0), ...tail.groups];
  const value = groups.reduce((sum, group) => (sum << 16n) | BigInt(group), 0n);
  return { family: 'IPv6', value, leadingZeros: head.leadingZeros || tail.leadingZeros };
}

/** Colon-separated hex groups (any number of digits, value <= 0xffff, as Go's xtoi); "" is no group. */
function parseGroups(text: string, dottedLast: boolean): { groups: number[]; leadingZeros: boolean } | undefined {
  if (text === '') return { groups: [], leadingZeros: false };
  const parts = text.split(':');
  const groups: number[] = [];
  let leadingZeros = false;
  for (const [i, part] of parts.entries()) {
    const ipv4 = dottedLast && i === parts.length - 1 && part.includes('.') ? parseIPv4(part) : undefined;
    if (ipv4 !== undefined) {
      groups.push(Number(ipv4.value >> 16n), Number(ipv4.value & 0xffffn));
      leadingZeros = ipv4.leadingZeros;
    } else if (/^[0-9a-fA-F]+$/.test(part) && Number.parseInt(part, 16) <= 0xffff) {
      groups.push(Number.parseInt(part, 16));
    } else {
      return undefined;
    }
  }
  return { groups, leadingZeros };
}

function formatIPv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => ((value >> shift) & 0xffn).toString()).join('.');
}

/** RFC 5952 §4: lowercase, no leading zeros, the longest run of two or more zero groups (leftmost on tie) as "::". */
function formatIPv6(value: bigint): string {
  // RFC 5952 §5: IPv4-mapped addresses keep the dotted quad
  if (value >> 32n === MAPPED) return `::ffff:${formatIPv4(value & MAX.IPv4)}`;
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = { start: -1, length: 1 };
  for (let i = 0; i < 8; ) {
    let j = i;
    while (groups[j] === 0) j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = Math.max(j, i + 1);
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
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

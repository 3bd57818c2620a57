/**
 * Just enough IPv4 interval arithmetic to reproduce how netpol-analyzer cuts the address space
 * into the `start-end[External]` peers of its connlist. Kept here, apart from src/algebra, on
 * purpose: this is the reference tool's convention, not netwarden's model.
 */
export type Interval = readonly [start: number, end: number];

export const IPV4_ALL: Interval = [0, 2 ** 32 - 1];

export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIPv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** An IPv4 CIDR as an interval, host bits masked (semantics §2.6); undefined if not IPv4. */
export function cidrInterval(cidr: string): Interval | undefined {
  const [address, lengthText, ...rest] = cidr.trim().split('/');
  if (address === undefined || lengthText === undefined || rest.length > 0) return undefined;
  const value = parseIPv4(address);
  const length = Number(lengthText);
  if (value === undefined || !Number.isInteger(length) || length < 0 || length > 32) return undefined;
  const size = 2 ** (32 - length);
  const start = Math.floor(value / size) * size;
  return [start, start + size - 1];
}

/** `cidr` minus every `except`, as sorted disjoint intervals (each one netpol-analyzer "Split" part). */
export function blockIntervals(cidr: string, except: readonly string[]): Interval[] | undefined {
  const whole = cidrInterval(cidr);
  if (whole === undefined) return undefined;
  let result: Interval[] = [whole];
  for (const hole of except) {
    const cut = cidrInterval(hole);
    if (cut === undefined) return undefined;
    result = result.flatMap(([s, e]): Interval[] => {
      if (cut[1] < s || cut[0] > e) return [[s, e]];
      const left: Interval[] = cut[0] > s ? [[s, cut[0] - 1]] : [];
      const right: Interval[] = cut[1] < e ? [[cut[1] + 1, e]] : [];
      return [...left, ...right];
    });
  }
  return result;
}

/**
 * netpol-analyzer's disjoint peers, as printed: the whole IPv4 space plus `blocks` are split
 * into regions of addresses that belong to exactly the same blocks; each region is printed as
 * its maximal contiguous ranges. Equivalently: cut at every block boundary, then merge adjacent
 * pieces that lie in the same set of blocks.
 */
export function disjointRanges(blocks: readonly Interval[]): Interval[] {
  const all = [IPV4_ALL, ...blocks];
  const cuts = new Set<number>();
  for (const [s, e] of all) {
    cuts.add(s);
    if (e + 1 <= IPV4_ALL[1]) cuts.add(e + 1);
  }
  const starts = [...cuts].sort((a, b) => a - b);
  const ranges: { range: [number, number]; members: string }[] = [];
  starts.forEach((start, i) => {
    const end = (starts[i + 1] ?? IPV4_ALL[1] + 1) - 1;
    const members = all.flatMap(([s, e], index) => (s <= start && end <= e ? [index] : [])).join(',');
    const last = ranges[ranges.length - 1];
    if (last !== undefined && last.members === members) last.range[1] = end;
    else ranges.push({ range: [start, end], members });
  });
  return ranges.map((r) => r.range);
}

export function formatRange([start, end]: Interval): string {
  return `${formatIPv4(start)}-${formatIPv4(end)}`;
}

/** Index of the range holding `value` in sorted disjoint `ranges`, or -1. */
export function rangeIndexOf(ranges: readonly Interval[], value: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = ranges[mid]!;
    if (e < value) lo = mid + 1;
    else if (s > value) hi = mid - 1;
    else return mid;
  }
  return -1;
}

// IP and CIDR text, read as the API server reads it (semantics §2.6, §7.6): Go's net.ParseIP and
// net.ParseCIDR as forked by k8s.io/utils/net (ParseIPSloppy, ParseCIDRSloppy), which read IPv4
// octets with leading zeros as decimal. One parser serves both the engine (what a CIDR matches)
// and load validation (what the text said, for the API server's warnings).

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

/** A CIDR as written, for validation messages; `network` is what it matches. */
export interface CIDRText {
  /** The address as written: IPv6 when the text has a ':' (IPv4-mapped included), host bits kept. */
  readonly address: ParsedIP;
  /** The prefix length as written, out of the address's 32 or 128 bits. */
  readonly prefix: number;
  /** The address is IPv4-mapped IPv6 (::ffff:a.b.c.d), which Go reads as IPv4. */
  readonly ipv4Mapped: boolean;
  /** Go's strict netip.ParsePrefix reads the text too: no leading zeros, at most four hex digits a group. */
  readonly standard: boolean;
  /** The masked network; an IPv4-mapped one as IPv4 with prefix - 96. */
  readonly network: ParsedCIDR;
}

export const FAMILY_BITS = { IPv4: 32, IPv6: 128 } as const;
export const FAMILY_MAX = { IPv4: (1n << 32n) - 1n, IPv6: (1n << 128n) - 1n } as const;
/** ::ffff:0:0/96, the IPv4-mapped IPv6 addresses. */
const MAPPED = 0xffffn;

/**
 * Go `ParseIP` as forked by Kubernetes (semantics §7.6): dotted-quad octets may have leading zeros,
 * read as decimal. semantics §2.6: an IPv4-mapped IPv6 address is the IPv4 address.
 */
export function parseIP(text: string): ParsedIP | undefined {
  const address = parseAddress(text);
  if (address === undefined) return undefined;
  if (isMapped(address)) return { family: 'IPv4', value: address.value & FAMILY_MAX.IPv4 };
  return { family: address.family, value: address.value };
}

/**
 * `netutils.ParseCIDRSloppy` (semantics §2.6, §7.6): the network is the masked address; a mapped
 * IPv6 network (prefix >= 96) becomes the IPv4 network with prefix - 96, as Go's IPNet.Contains reads it.
 */
export function parseCIDR(text: string): ParsedCIDR | undefined {
  return parseCIDRText(text)?.network;
}

/** `parseCIDR` with what the text said: the written address, prefix and how standard the text is. */
export function parseCIDRText(text: string): CIDRText | undefined {
  const slash = text.indexOf('/');
  const address = slash < 0 ? undefined : parseAddress(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (address === undefined || !/^[0-9]+$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > FAMILY_BITS[address.family]) return undefined;
  const leadingZeros = address.leadingZeros || /^0[0-9]/.test(prefixText);
  return {
    address: { family: address.family, value: address.value },
    prefix,
    ipv4Mapped: isMapped(address),
    standard: !leadingZeros && !address.longGroups,
    network: networkOf(address, prefix, leadingZeros),
  };
}

/** IPv4 dotted quad; IPv6 RFC 5952 text. Values outside the family's space are reduced modulo its size. */
export function formatIP(family: IPFamily, value: bigint): string {
  const address = BigInt.asUintN(FAMILY_BITS[family], value);
  return family === 'IPv4' ? formatIPv4(address) : formatIPv6(address);
}

function networkOf(address: ParsedAddress, writtenPrefix: number, leadingZeros: boolean): ParsedCIDR {
  const hostMask = (1n << BigInt(FAMILY_BITS[address.family] - writtenPrefix)) - 1n;
  let family: IPFamily = address.family;
  let prefix = writtenPrefix;
  let start = address.value & ~hostMask;
  if (family === 'IPv6' && start >> 32n === MAPPED) {
    family = 'IPv4';
    prefix -= 96;
    start &= FAMILY_MAX.IPv4;
  }
  return {
    family,
    prefix,
    start,
    end: start | hostMask,
    hostBitsSet: (address.value & hostMask) !== 0n,
    leadingZeros,
    canonical: `${formatIP(family, start)}/${prefix}`,
  };
}

interface ParsedAddress extends ParsedIP {
  /** a decimal octet had leading zeros */
  readonly leadingZeros: boolean;
  /** a hex group had more than four digits (its extra digits are leading zeros) */
  readonly longGroups: boolean;
}

function isMapped(address: ParsedIP): boolean {
  return address.family === 'IPv6' && address.value >> 32n === MAPPED;
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
  return { family: 'IPv4', value, leadingZeros: octets.some((octet) => /^0[0-9]/.test(octet)), longGroups: false };
}

/** RFC 4291 text as Go reads it: at most one "::" standing for one or more zero groups; a dotted quad only last. */
function parseIPv6(text: string): ParsedAddress | undefined {
  const halves = text.split('::');
  const head = parseGroups(halves[0] ?? '', halves.length === 1);
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '', true) : NO_GROUPS;
  if (halves.length > 2 || head === undefined || tail === undefined) return undefined;
  const count = head.groups.length + tail.groups.length;
  if (halves.length === 1 ? count !== 8 : count > 7) return undefined;
  const groups = [...head.groups, ...Array<number>(8 - count).fill(0), ...tail.groups];
  const value = groups.reduce((sum, group) => (sum << 16n) | BigInt(group), 0n);
  return {
    family: 'IPv6',
    value,
    leadingZeros: head.leadingZeros || tail.leadingZeros,
    longGroups: head.longGroups || tail.longGroups,
  };
}

interface Groups {
  readonly groups: readonly number[];
  readonly leadingZeros: boolean;
  readonly longGroups: boolean;
}

const NO_GROUPS: Groups = { groups: [], leadingZeros: false, longGroups: false };

/** Colon-separated hex groups (any number of digits, value <= 0xffff, as Go's xtoi); "" is no group. */
function parseGroups(text: string, dottedLast: boolean): Groups | undefined {
  if (text === '') return NO_GROUPS;
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
  return { groups, leadingZeros, longGroups: parts.some((part) => part.length > 4 && !part.includes('.')) };
}

function formatIPv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => ((value >> shift) & 0xffn).toString()).join('.');
}

/** RFC 5952 §4: lowercase, no leading zeros, the longest run of two or more zero groups (leftmost on tie) as "::". */
function formatIPv6(value: bigint): string {
  // RFC 5952 §5: IPv4-mapped addresses keep the dotted quad
  if (value >> 32n === MAPPED) return `::ffff:${formatIPv4(value & FAMILY_MAX.IPv4)}`;
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

// CIDR parsing as the API server does it for ipBlock (semantics §2.6, §7.5, §7.6).
// `parseCidrSloppy` mirrors k8s.io/utils/net ParseCIDRSloppy (Go 1.16 net.ParseCIDR plus
// leading zeros read as decimal); `cidrWarnings` mirrors apimachinery GetWarningsForCIDR;
// `isStrictSubset` mirrors the except check of ValidateIPBlock, with Go's IPNet.Contains
// treating IPv4-mapped IPv6 networks as IPv4.

export interface ParsedCidr {
  /** Address length as Go's parser decides it: 4 for dotted quads, 6 for anything with ':'. */
  readonly family: 4 | 6;
  /** The address as written, unmasked. */
  readonly ip: bigint;
  /** The prefix length as written (0..32 or 0..128). */
  readonly prefix: number;
  /** `ip` masked to `prefix`. */
  readonly network: bigint;
}

const BIG = 0xffffff; // Go's dtoi/xtoi overflow guard

function bits(family: 4 | 6): number {
  return family === 4 ? 32 : 128;
}

function mask(family: 4 | 6, prefix: number): bigint {
  const width = BigInt(bits(family));
  const all = (1n << width) - 1n;
  return (all >> BigInt(prefix)) ^ all;
}

/** Leading decimal digits of `s` (Go dtoi): value and count, or undefined when none or too big. */
function decimalPrefix(s: string): { value: number; length: number } | undefined {
  let value = 0;
  let i = 0;
  for (; i < s.length && s[i]! >= '0' && s[i]! <= '9'; i++) {
    value = value * 10 + (s.charCodeAt(i) - 48);
    if (value >= BIG) return undefined;
  }
  return i === 0 ? undefined : { value, length: i };
}

function hexPrefix(s: string): { value: number; length: number } | undefined {
  let value = 0;
  let i = 0;
  for (; i < s.length && /[0-9a-fA-F]/.test(s[i]!); i++) {
    value = value * 16 + parseInt(s[i]!, 16);
    if (value >= BIG) return undefined;
  }
  return i === 0 ? undefined : { value, length: i };
}

/** Go 1.16 parseIPv4 (leading zeros allowed, read as decimal). */
export function parseIPv4Sloppy(text: string): bigint | undefined {
  let s = text;
  let result = 0n;
  for (let i = 0; i < 4; i++) {
    if (s.length === 0) return undefined;
    if (i > 0) {
      if (s[0] !== '.') return undefined;
      s = s.slice(1);
    }
    const n = decimalPrefix(s);
    if (n === undefined || n.value > 0xff) return undefined;
    s = s.slice(n.length);
    result = (result << 8n) | BigInt(n.value);
  }
  return s.length === 0 ? result : undefined;
}

/** Go 1.16 parseIPv6 (no zone). Returns 16 bytes as a 128-bit number. */
export function parseIPv6Sloppy(text: string): bigint | undefined {
  const groups: number[] = []; // 16-bit groups
  let ellipsis = -1;
  let s = text;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return 0n;
  }
  while (groups.length < 8) {
    const n = hexPrefix(s);
    if (n === undefined || n.value > 0xffff) return undefined;
    if (n.length < s.length && s[n.length] === '.') {
      if ((ellipsis < 0 && groups.length !== 6) || groups.length > 6) return undefined;
      const v4 = parseIPv4Sloppy(s);
      if (v4 === undefined) return undefined;
      groups.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      s = '';
      break;
    }
    groups.push(n.value);
    s = s.slice(n.length);
    if (s.length === 0) break;
    if (s[0] !== ':' || s.length === 1) return undefined;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = groups.length;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return undefined;
  if (groups.length < 8) {
    if (ellipsis < 0) return undefined;
    groups.splice(ellipsis, 0, ...new Array<number>(8 - groups.length).fill(0));
  } else if (ellipsis >= 0) {
    return undefined; // an ellipsis must stand for at least one group
  }
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

/** ParseCIDRSloppy: undefined when the value is not a CIDR even by the legacy rules. */
export function parseCidrSloppy(value: string): ParsedCidr | undefined {
  const slash = value.indexOf('/');
  if (slash < 0) return undefined;
  const address = value.slice(0, slash);
  const prefixText = value.slice(slash + 1);
  let family: 4 | 6 = 4;
  let ip = parseIPv4Sloppy(address);
  if (ip === undefined) {
    family = 6;
    ip = parseIPv6Sloppy(address);
  }
  const prefix = decimalPrefix(prefixText);
  if (ip === undefined || prefix === undefined || prefix.length !== prefixText.length) return undefined;
  if (prefix.value > bits(family)) return undefined;
  return { family, ip, prefix: prefix.value, network: ip & mask(family, prefix.value) };
}

function isIPv4Mapped(family: 4 | 6, ip: bigint): boolean {
  return family === 6 && ip >> 32n === 0xffffn;
}

/** Go's networkNumberAndMask: an IPv4-mapped IPv6 network behaves as IPv4. */
function effectiveNetwork(cidr: ParsedCidr): { family: 4 | 6; network: bigint; prefix: number } {
  if (isIPv4Mapped(cidr.family, cidr.network)) {
    return { family: 4, network: cidr.network & 0xffffffffn, prefix: Math.max(0, cidr.prefix - 96) };
  }
  return { family: cidr.family, network: cidr.network, prefix: cidr.prefix };
}

/** ValidateIPBlock: `except` must be inside `cidr` and have a strictly longer prefix (semantics §7.5). */
export function isStrictSubset(cidr: ParsedCidr, except: ParsedCidr): boolean {
  const outer = effectiveNetwork(cidr);
  let family = except.family;
  let ip = except.network;
  if (isIPv4Mapped(family, ip)) {
    family = 4;
    ip &= 0xffffffffn;
  }
  const contains = family === outer.family && (ip & mask(family, outer.prefix)) === outer.network;
  return contains && cidr.prefix < except.prefix;
}

/** Go's net.IP.String(): dotted quad for IPv4 and IPv4-mapped, RFC 5952 text otherwise. */
export function formatIP(family: 4 | 6, ip: bigint): string {
  if (family === 4 || isIPv4Mapped(family, ip)) {
    const v4 = ip & 0xffffffffn;
    return [24n, 16n, 8n, 0n].map((shift) => String((v4 >> shift) & 0xffn)).join('.');
  }
  const groups = Array.from({ length: 8 }, (_, i) => Number((ip >> BigInt(112 - 16 * i)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1; // only runs of two or more zero groups are compressed
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** Go's IPNet.String() of the masked network. */
export function formatNetwork(cidr: ParsedCidr): string {
  const net = effectiveNetwork(cidr);
  return `${formatIP(net.family, net.network)}/${net.prefix}`;
}

/** Whether Go's netip.ParsePrefix accepts the text: no leading zeros, at most 4 hex digits a group. */
function isStandardText(value: string): boolean {
  const [address = '', prefix = ''] = value.split('/');
  if (prefix.length > 1 && prefix.startsWith('0')) return false;
  const dotted = address.slice(address.lastIndexOf(':') + 1);
  if (dotted.includes('.') && dotted.split('.').some((o) => o.length > 1 && o.startsWith('0'))) return false;
  return !address.includes(':') || address.split(':').every((g) => g.includes('.') || g.length <= 4);
}

/** GetWarningsForCIDR messages (without the field path) for a value `parseCidrSloppy` accepted. */
export function cidrWarnings(value: string, cidr: ParsedCidr): string[] {
  const warnings: string[] = [];
  const quoted = (s: string): string => JSON.stringify(s);
  if (cidr.ip !== cidr.network) {
    const single = `${formatIP(cidr.family, cidr.ip)}/${bits(cidr.family)}`;
    warnings.push(
      `CIDR value ${quoted(value)} is ambiguous in this context (should be ${quoted(formatNetwork(cidr))} or ${quoted(single)}?)`,
    );
  }
  if (!isStandardText(value) || isIPv4Mapped(cidr.family, cidr.ip)) {
    warnings.push(
      `non-standard CIDR value ${quoted(value)} will be considered invalid in a future Kubernetes release: use ${quoted(formatNetwork(cidr))}`,
    );
  }
  if (warnings.length === 0 && cidr.family === 6) {
    const canonical = `${formatIP(6, cidr.ip)}/${cidr.prefix}`;
    if (canonical !== value) {
      warnings.push(`IPv6 CIDR value ${quoted(value)} should be in RFC 5952 canonical format (${quoted(canonical)})`);
    }
  }
  return warnings;
}

// The brute-force twin of algebra/cidr.ts's parser: a character-by-character port of Go 1.16
// net.ParseCIDR with leading zeros read as decimal (k8s.io/utils/net ParseCIDRSloppy). It was
// load's parser (src/load/cidr.ts) until the two parsers became one; kept as the reference the
// merged parser must agree with.

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
function parseIPv4Sloppy(text: string): bigint | undefined {
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
function parseIPv6Sloppy(text: string): bigint | undefined {
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

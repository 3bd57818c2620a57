// IP addresses and CIDRs for the lab: parsing (sloppy, as the API server accepts them), formatting
// for nftables and iproute2, containment. The lab keeps its own small reader on purpose: the
// differential test compares the kernel with the engine, so the lab shares no matching code
// with the engine (src/algebra) that could hide one bug on both sides.

export type Family = 4 | 6;

export interface Address {
  readonly family: Family;
  readonly value: bigint;
}

/** A masked network: `network` has no host bits. */
export interface Network {
  readonly family: Family;
  readonly network: bigint;
  readonly prefix: number;
}

export const FAMILY_BITS = { 4: 32, 6: 128 } as const;

const MAPPED_PREFIX = 0xffffn << 32n; // ::ffff:0:0/96

/**
 * An IPv4 or IPv6 address. IPv4 octets may carry leading zeros, read as decimal (semantics §2.6,
 * §7.6); an IPv4-mapped IPv6 address is the IPv4 address (semantics §2.6).
 */
export function parseAddress(text: string): Address | undefined {
  const parsed = text.includes(':') ? parseIPv6(text) : parseIPv4(text);
  if (parsed === undefined) return undefined;
  if (parsed.family === 6 && parsed.value >> 32n === 0xffffn) return { family: 4, value: parsed.value & 0xffffffffn };
  return parsed;
}

/** `a.b.c.d/n` or an IPv6 CIDR, masked (semantics §2.6: `10.1.2.3/8` means 10.0.0.0/8). */
export function parseNetwork(text: string): Network | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const raw = text.slice(0, slash).includes(':') ? parseIPv6(text.slice(0, slash)) : parseIPv4(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (raw === undefined || !/^[0-9]{1,3}$/.test(prefixText)) return undefined;
  let prefix = Number(prefixText);
  let family: Family = raw.family;
  let value = raw.value;
  if (prefix > FAMILY_BITS[family]) return undefined;
  if (family === 6 && value >> 32n === 0xffffn && prefix >= 96) {
    family = 4;
    value &= 0xffffffffn;
    prefix -= 96;
  }
  return { family, network: value & mask(family, prefix), prefix };
}

export function networkOf(address: Address): Network {
  return { family: address.family, network: address.value, prefix: FAMILY_BITS[address.family] };
}

export function mask(family: Family, prefix: number): bigint {
  const bits = BigInt(FAMILY_BITS[family]);
  const all = (1n << bits) - 1n;
  return (all >> BigInt(prefix)) ^ all;
}

export function lastAddress(network: Network): bigint {
  const bits = BigInt(FAMILY_BITS[network.family] - network.prefix);
  return network.network | ((1n << bits) - 1n);
}

export function networkContains(network: Network, address: Address): boolean {
  return address.family === network.family && (address.value & mask(network.family, network.prefix)) === network.network;
}

/** Canonical text: dotted quad, or RFC 5952 IPv6. */
export function formatAddress(address: Address): string {
  return address.family === 4 ? formatIPv4(address.value) : formatIPv6(address.value);
}

export function formatNetwork(network: Network): string {
  const text = formatAddress({ family: network.family, value: network.network });
  return network.prefix === FAMILY_BITS[network.family] ? text : `${text}/${network.prefix}`;
}

function parseIPv4(text: string): Address | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^[0-9]{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(Number(part));
  }
  return { family: 4, value };
}

function parseIPv6(text: string): Address | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string | undefined): bigint[] | undefined => {
    if (half === undefined || half === '') return [];
    const out: bigint[] = [];
    const pieces = half.split(':');
    for (const [i, piece] of pieces.entries()) {
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIPv4(piece);
        if (v4 === undefined) return undefined;
        out.push(v4.value >> 16n, v4.value & 0xffffn);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) out.push(BigInt(`0x${piece}`));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array<bigint>(halves.length === 1 ? 0 : missing).fill(0n), ...tail];
  return { family: 6, value: all.reduce((acc, group) => (acc << 16n) | group, 0n) };
}

function formatIPv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

function formatIPv6(value: bigint): string {
  if (value >> 32n === 0xffffn || (value & ~0xffffffffn) === MAPPED_PREFIX) {
    return `::ffff:${formatIPv4(value & 0xffffffffn)}`;
  }
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) => Number((value >> shift) & 0xffffn));
  // RFC 5952: the longest run (first if tied) of two or more zero groups becomes "::".
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

// The API server's ipBlock CIDR checks in legacy mode (semantics §7.5, §7.6), over the algebra's
// reading of the text (`parseCIDRText`, Go's ParseCIDRSloppy). `cidrWarnings` mirrors apimachinery
// GetWarningsForCIDR; `isStrictSubset` mirrors the except check of ValidateIPBlock, with Go's
// IPNet.Contains treating IPv4-mapped IPv6 networks as IPv4.

import { FAMILY_BITS, formatIP, type CIDRText } from '../algebra/cidr.js';

/** ValidateIPBlock: `except` must be inside `cidr` and have a strictly longer prefix (semantics §7.5). */
export function isStrictSubset(cidr: CIDRText, except: CIDRText): boolean {
  const outer = cidr.network;
  const inner = except.network;
  const contains = inner.family === outer.family && inner.start >= outer.start && inner.start <= outer.end;
  // Go compares the mask sizes as written: ::ffff:10.0.0.0/104 has 104 bits, not 8
  return contains && cidr.prefix < except.prefix;
}

/** GetWarningsForCIDR messages (without the field path) for a value `parseCIDRText` accepted. */
export function cidrWarnings(value: string, cidr: CIDRText): string[] {
  const warnings: string[] = [];
  const quoted = (s: string): string => JSON.stringify(s);
  const { canonical } = cidr.network;
  if (cidr.network.hostBitsSet) {
    const single = `${goIPString(cidr)}/${FAMILY_BITS[cidr.address.family]}`;
    warnings.push(`CIDR value ${quoted(value)} is ambiguous in this context (should be ${quoted(canonical)} or ${quoted(single)}?)`);
  }
  if (!cidr.standard || cidr.ipv4Mapped) {
    warnings.push(
      `non-standard CIDR value ${quoted(value)} will be considered invalid in a future Kubernetes release: use ${quoted(canonical)}`,
    );
  }
  // no warning so far: the address is its network and not IPv4-mapped, so `canonical` is it in RFC 5952
  if (warnings.length === 0 && cidr.address.family === 'IPv6' && canonical !== value) {
    warnings.push(`IPv6 CIDR value ${quoted(value)} should be in RFC 5952 canonical format (${quoted(canonical)})`);
  }
  return warnings;
}

/** Go's net.IP.String() of the written address: a dotted quad for IPv4 and IPv4-mapped. */
function goIPString(cidr: CIDRText): string {
  return formatIP(cidr.ipv4Mapped ? 'IPv4' : cidr.address.family, cidr.address.value);
}

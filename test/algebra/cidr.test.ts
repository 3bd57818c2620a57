import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatIP, parseCIDR, parseCIDRText, type CIDRText } from '../../src/algebra/cidr.js';
import { parseCidrSloppy } from './go-parse-cidr.js';

function parse(text: string): CIDRText {
  const cidr = parseCIDRText(text);
  assert.ok(cidr, `${text} should parse`);
  return cidr;
}

/** The merged parser read the way the Go port reads it: written family, unmasked address, written prefix. */
function asGoReadsIt(cidr: CIDRText) {
  const { address, prefix, network } = cidr;
  const bits = address.family === 'IPv4' ? 32 : 128;
  const mask = ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - prefix)) - 1n);
  return { family: address.family === 'IPv4' ? 4 : 6, ip: address.value, prefix, network: address.value & mask, hostBitsSet: network.hostBitsSet };
}

function agreesWithGoPort(text: string): void {
  const merged = parseCIDRText(text);
  const reference = parseCidrSloppy(text);
  assert.equal(merged === undefined, reference === undefined, `${JSON.stringify(text)}: accepted by only one parser`);
  if (merged === undefined || reference === undefined) return;
  assert.deepEqual(asGoReadsIt(merged), { ...reference, hostBitsSet: reference.ip !== reference.network }, JSON.stringify(text));
  assert.deepEqual(parseCIDR(text), merged.network, 'parseCIDR is the network of parseCIDRText');
}

// Masked network (or undefined: rejected) of each input, as load's Go-port parser read it before the merge.
const TRICKY: readonly (readonly [text: string, network: string | undefined])[] = [
  // leading zeros, read as decimal; extra hex digits
  ['010.0.0.0/8', '10.0.0.0/8'], ['10.0.0.0/08', '10.0.0.0/8'], ['10.000.000.001/32', '10.0.0.1/32'], ['0.0.0.0/00', '0.0.0.0/0'],
  ['00000000010.0.0.0/8', '10.0.0.0/8'], ['::ffff:010.0.0.0/104', '10.0.0.0/8'], ['00001::/16', '1::/16'], ['0001::/16', '1::/16'],
  ['::/000', '::/0'],
  // IPv4-mapped: an IPv4 network when the prefix keeps all of ::ffff:0:0/96
  ['::ffff:10.0.0.0/104', '10.0.0.0/8'], ['::ffff:10.1.2.3/104', '10.0.0.0/8'], ['::ffff:a00:0/104', '10.0.0.0/8'],
  ['::FFFF:10.0.0.0/96', '0.0.0.0/0'], ['::ffff:10.0.0.0/80', '::/80'], ['::ffff:0:0/96', '0.0.0.0/0'],
  ['::ffff:10.0.0.0/95', '::fffe:0:0/95'], ['0:0:0:0:0:ffff:10.0.0.0/128', '10.0.0.0/32'],
  // host bits set
  ['10.1.2.3/8', '10.0.0.0/8'], ['10.0.0.1/31', '10.0.0.0/31'], ['1.2.3.4/0', '0.0.0.0/0'], ['2001:db8::1/64', '2001:db8::/64'],
  ['::1/0', '::/0'], ['::ffff:1.2.3.4/80', '::/80'],
  // prefix edges
  ['0.0.0.0/0', '0.0.0.0/0'], ['255.255.255.255/32', '255.255.255.255/32'], ['1.2.3.4/33', undefined], ['::/0', '::/0'],
  ['::1/128', '::1/128'], ['::/129', undefined], ['10.0.0.0/-1', undefined], ['10.0.0.0/+8', undefined], ['10.0.0.0/0x8', undefined],
  ['10.0.0.0/8/8', undefined], ['10.0.0.0/', undefined], ['/8', undefined], ['10.0.0.0', undefined], ['10.0.0.0/999999999999', undefined],
  // spaces and empty
  ['', undefined], [' ', undefined], ['/', undefined], [' 10.0.0.0/8', undefined], ['10.0.0.0/8 ', undefined], ['10.0.0.0 /8', undefined],
  ['10.0.0.0/ 8', undefined], ['10. 0.0.0/8', undefined], [':: /0', undefined],
  // malformed addresses
  ['1.2.3/8', undefined], ['1.2.3.4.5/32', undefined], ['256.0.0.0/8', undefined], ['1..2.3/8', undefined], ['::1::/64', undefined],
  [':::/0', undefined], ['1:2:3:4:5:6:7:8::/64', undefined], ['1:2:3:4:5:6:7/64', undefined], ['1:/16', undefined], [':1/16', undefined],
  ['10000::/16', undefined], ['g::/16', undefined], ['fe80::1%eth0/64', undefined], ['fe80::/64%eth0', undefined],
  ['1.2.3.4::/64', undefined], ['::1.2.3.4:5/64', undefined], ['1:2:3:4:5:6:7:1.2.3.4/128', undefined], ['::256.1.1.1/128', undefined],
  ['a/b', undefined],
  // IPv6 shapes Go accepts
  ['2001:DB8::/32', '2001:db8::/32'], ['2001:db8:0:0::/64', '2001:db8::/64'], ['1:2:3:4:5:6:7::/128', '1:2:3:4:5:6:7:0/128'],
  ['::1.2.3.4/128', '::102:304/128'], ['1:2:3:4:5:6:1.2.3.4/128', '1:2:3:4:5:6:102:304/128'],
  ['64:ff9b::192.0.2.33/128', '64:ff9b::c000:221/128'],
];

describe('one CIDR parser for engine and load', () => {
  it('accepts and rejects the tricky inputs exactly as the load parser did, with the same network', () => {
    for (const [text, network] of TRICKY) assert.equal(parseCIDRText(text)?.network.canonical, network, JSON.stringify(text));
  });
  it('agrees with the Go port on the tricky inputs: address, prefix and family as written', () => {
    for (const [text] of TRICKY) agreesWithGoPort(text);
  });
  it('agrees with the Go port on random text over a CIDR alphabet', () => {
    const piece = fc.constantFrom(...'0123456789aAfF:./ %', '::', 'ffff', '255', '256', '00', '/8', '/32', '/104', '/128', '::ffff:');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => agreesWithGoPort(pieces.join(''))), { numRuns: 20_000 });
  });
  it('agrees with the Go port on near-valid addresses and prefixes', () => {
    const octet = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.constantFrom('', '00', '010', '0255'));
    const v4 = fc.array(octet, { minLength: 1, maxLength: 5 }).map((octets) => octets.join('.'));
    const group = fc.oneof(fc.integer({ min: 0, max: 0x1ffff }).map((g) => g.toString(16)), fc.constantFrom('', '0000', '00001', 'FFFF'));
    const v6 = fc.tuple(fc.array(group, { maxLength: 9 }), fc.option(v4)).map(([groups, quad]) => groups.join(':') + (quad === null ? '' : `:${quad}`));
    const prefix = fc.oneof(fc.integer({ min: -1, max: 130 }).map(String), fc.constantFrom('', '08', '032', '+8', ' 8'));
    fc.assert(fc.property(fc.oneof(v4, v6), prefix, (address, p) => agreesWithGoPort(`${address}/${p}`)), { numRuns: 20_000 });
  });
});

describe('what the text said', () => {
  it('keeps the written address, family and prefix of an IPv4-mapped network', () => {
    const cidr = parse('::ffff:10.1.2.3/104');
    assert.deepEqual([cidr.address.family, cidr.address.value, cidr.prefix, cidr.ipv4Mapped], ['IPv6', 0xffff0a010203n, 104, true]);
    assert.deepEqual([cidr.network.family, cidr.network.prefix, cidr.network.hostBitsSet], ['IPv4', 8, true]);
  });
  it('an IPv4-mapped address stays mapped even when its network is not', () => {
    assert.deepEqual([parse('::ffff:1.2.3.4/80').ipv4Mapped, parse('::ffff:1.2.3.4/80').network.family], [true, 'IPv6']);
    assert.equal(parse('::1.2.3.4/128').ipv4Mapped, false);
  });
  it('text is standard without leading zeros in octets or prefix and with at most four hex digits a group', () => {
    for (const text of ['10.0.0.0/8', '2001:0db8::/32', '::ffff:10.0.0.0/104', '2001:DB8::/32']) assert.equal(parse(text).standard, true, text);
    for (const text of ['010.0.0.0/8', '10.0.0.0/08', '00001::/16', '::ffff:010.0.0.0/104', '::/000']) assert.equal(parse(text).standard, false, text);
  });
  it('formats IPv6 as Go does: the longest run of two or more zero groups compressed', () => {
    assert.equal(formatIP('IPv6', parse('2001:0db8:0:0:1:0:0:1/128').address.value), '2001:db8::1:0:0:1');
    assert.equal(formatIP('IPv6', parse('2001:db8:0:1:1:1:1:1/128').address.value), '2001:db8:0:1:1:1:1:1');
  });
});

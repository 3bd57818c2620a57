import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAddress, formatNetwork, networkContains, parseAddress, parseNetwork } from '../../src/lab/addresses.js';

const canonical = (text: string): string | undefined => {
  const n = parseNetwork(text);
  return n === undefined ? undefined : formatNetwork(n);
};

test('a CIDR with host bits set means its masked network (semantics §2.6)', () => {
  assert.equal(canonical('10.1.2.3/8'), '10.0.0.0/8');
  assert.equal(canonical('2001:db8::1/32'), '2001:db8::/32');
});

test('leading zeros in IPv4 octets are decimal, as the API server reads them', () => {
  assert.equal(canonical('010.001.0.0/16'), '10.1.0.0/16');
});

test('an IPv4-mapped IPv6 network is the IPv4 network', () => {
  assert.equal(canonical('::ffff:10.0.0.0/104'), '10.0.0.0/8');
  assert.equal(formatAddress(parseAddress('::ffff:10.1.2.3') ?? assert.fail()), '10.1.2.3');
});

test('a /32 or /128 prints as a plain address', () => {
  assert.equal(canonical('10.244.0.5/32'), '10.244.0.5');
  assert.equal(canonical('fd00::c8/128'), 'fd00::c8');
});

test('IPv6 prints in RFC 5952 form: lowercase, the longest zero run as ::', () => {
  assert.equal(formatAddress(parseAddress('FD00:0:0:1:0:0:0:5') ?? assert.fail()), 'fd00:0:0:1::5');
  assert.equal(formatAddress(parseAddress('2001:db8:0:0:1:0:0:1') ?? assert.fail()), '2001:db8::1:0:0:1');
  assert.equal(formatAddress(parseAddress('::') ?? assert.fail()), '::');
});

test('text that is not an address or CIDR is rejected', () => {
  for (const bad of ['10.0.0.0', '10.0.0/8', '256.0.0.0/8', '10.0.0.0/33', '1::2::3/64', 'fd00::/129', 'x/8']) assert.equal(parseNetwork(bad), undefined, bad);
});

test('an IPv4 network never contains an IPv6 address', () => {
  const all = parseNetwork('0.0.0.0/0') ?? assert.fail();
  assert.equal(networkContains(all, parseAddress('::1') ?? assert.fail()), false);
  assert.equal(networkContains(all, parseAddress('192.0.2.1') ?? assert.fail()), true);
});

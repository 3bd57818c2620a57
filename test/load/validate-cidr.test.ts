import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cidrWarnings, formatIP, formatNetwork, isStrictSubset, parseCidrSloppy } from '../../src/load/cidr.js';

function parse(value: string) {
  const cidr = parseCidrSloppy(value);
  assert.ok(cidr, `${value} should parse`);
  return cidr;
}

describe('sloppy CIDR parsing', () => {
  it('accepts canonical IPv4 and IPv6 networks', () => {
    assert.equal(formatNetwork(parse('10.0.0.0/8')), '10.0.0.0/8');
    assert.equal(formatNetwork(parse('2001:db8::/32')), '2001:db8::/32');
    assert.equal(formatNetwork(parse('0.0.0.0/0')), '0.0.0.0/0');
    assert.equal(formatNetwork(parse('::/0')), '::/0');
  });
  it('masks host bits and reads leading zeros as decimal', () => {
    assert.equal(formatNetwork(parse('10.1.2.3/8')), '10.0.0.0/8');
    assert.equal(formatNetwork(parse('010.0.0.0/08')), '10.0.0.0/8');
  });
  it('rejects what even the legacy parser rejects', () => {
    for (const bad of ['10.0.0.0', '10.0.0.0/33', '1.2.3.4/', '1.2.3/8', '256.0.0.0/8', ' 10.0.0.0/8', '10.0.0.0/8 ', '::1::/64', 'fe80::1%eth0/64', '::/129', 'a/b', '', '1.2.3.4/+8']) {
      assert.equal(parseCidrSloppy(bad), undefined, bad);
    }
  });
  it('treats an IPv4-mapped IPv6 network as IPv4 when formatting', () => {
    assert.equal(formatNetwork(parse('::ffff:10.0.0.0/104')), '10.0.0.0/8');
  });
});

describe('IP formatting follows Go', () => {
  it('compresses the longest run of two or more zero groups', () => {
    assert.equal(formatIP(6, parse('2001:0db8:0:0:1:0:0:1/128').ip), '2001:db8::1:0:0:1');
    assert.equal(formatIP(6, parse('2001:db8:0:1:1:1:1:1/128').ip), '2001:db8:0:1:1:1:1:1');
    assert.equal(formatIP(6, parse('::1/128').ip), '::1');
    assert.equal(formatIP(6, parse('1::/16').ip), '1::');
  });
});

describe('except must be a strict subset', () => {
  it('accepts a longer prefix inside', () => {
    assert.equal(isStrictSubset(parse('10.0.0.0/8'), parse('10.1.0.0/16')), true);
  });
  it('rejects an equal, an outside and an other-family except', () => {
    assert.equal(isStrictSubset(parse('10.0.0.0/8'), parse('10.0.0.0/8')), false);
    assert.equal(isStrictSubset(parse('10.0.0.0/8'), parse('11.0.0.0/16')), false);
    assert.equal(isStrictSubset(parse('10.0.0.0/8'), parse('::/64')), false);
    assert.equal(isStrictSubset(parse('10.0.0.0/16'), parse('10.0.0.0/8')), false);
  });
  it('compares masked networks', () => {
    assert.equal(isStrictSubset(parse('10.1.2.3/8'), parse('10.1.2.3/16')), true);
  });
});

describe('CIDR warnings', () => {
  it('host bits set is ambiguous', () => {
    assert.deepEqual(cidrWarnings('10.1.2.3/8', parse('10.1.2.3/8')), [
      'CIDR value "10.1.2.3/8" is ambiguous in this context (should be "10.0.0.0/8" or "10.1.2.3/32"?)',
    ]);
  });
  it('leading zeros are non-standard', () => {
    assert.deepEqual(cidrWarnings('010.0.0.0/8', parse('010.0.0.0/8')), [
      'non-standard CIDR value "010.0.0.0/8" will be considered invalid in a future Kubernetes release: use "10.0.0.0/8"',
    ]);
  });
  it('non-canonical IPv6 text asks for RFC 5952', () => {
    assert.deepEqual(cidrWarnings('2001:DB8::/32', parse('2001:DB8::/32')), [
      'IPv6 CIDR value "2001:DB8::/32" should be in RFC 5952 canonical format ("2001:db8::/32")',
    ]);
  });
  it('a canonical value has no warning', () => {
    assert.deepEqual(cidrWarnings('10.0.0.0/8', parse('10.0.0.0/8')), []);
    assert.deepEqual(cidrWarnings('2001:db8::/32', parse('2001:db8::/32')), []);
  });
});

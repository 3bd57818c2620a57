import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCIDRText, type CIDRText } from '../../src/algebra/cidr.js';
import { cidrWarnings, isStrictSubset } from '../../src/load/validate-cidr.js';

function parse(value: string): CIDRText {
  const cidr = parseCIDRText(value);
  assert.ok(cidr, `${value} should parse`);
  return cidr;
}
const warnings = (value: string) => cidrWarnings(value, parse(value));

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
  it('reads IPv4-mapped networks as IPv4 but compares the prefix lengths as written', () => {
    assert.equal(isStrictSubset(parse('10.0.0.0/8'), parse('::ffff:10.1.0.0/112')), true);
    assert.equal(isStrictSubset(parse('::ffff:10.0.0.0/104'), parse('10.1.0.0/16')), false, '104 bits is not shorter than 16');
  });
});

describe('CIDR warnings', () => {
  it('host bits set is ambiguous', () => {
    assert.deepEqual(warnings('10.1.2.3/8'), [
      'CIDR value "10.1.2.3/8" is ambiguous in this context (should be "10.0.0.0/8" or "10.1.2.3/32"?)',
    ]);
  });
  it('leading zeros are non-standard', () => {
    assert.deepEqual(warnings('010.0.0.0/8'), [
      'non-standard CIDR value "010.0.0.0/8" will be considered invalid in a future Kubernetes release: use "10.0.0.0/8"',
    ]);
  });
  it('a hex group of more than four digits is non-standard, four digits only not canonical', () => {
    assert.deepEqual(warnings('00001::/16'), [
      'non-standard CIDR value "00001::/16" will be considered invalid in a future Kubernetes release: use "1::/16"',
    ]);
    assert.deepEqual(warnings('0001::/16'), ['IPv6 CIDR value "0001::/16" should be in RFC 5952 canonical format ("1::/16")']);
  });
  it('an IPv4-mapped value is non-standard, and its single address is printed as IPv4 out of 128 bits', () => {
    assert.deepEqual(warnings('::ffff:10.1.2.3/104'), [
      'CIDR value "::ffff:10.1.2.3/104" is ambiguous in this context (should be "10.0.0.0/8" or "10.1.2.3/128"?)',
      'non-standard CIDR value "::ffff:10.1.2.3/104" will be considered invalid in a future Kubernetes release: use "10.0.0.0/8"',
    ]);
  });
  it('non-canonical IPv6 text asks for RFC 5952', () => {
    assert.deepEqual(warnings('2001:DB8::/32'), [
      'IPv6 CIDR value "2001:DB8::/32" should be in RFC 5952 canonical format ("2001:db8::/32")',
    ]);
  });
  it('a canonical value has no warning', () => {
    assert.deepEqual(warnings('10.0.0.0/8'), []);
    assert.deepEqual(warnings('2001:db8::/32'), []);
  });
});

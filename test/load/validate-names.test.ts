import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  labelValueErrors,
  portNameErrors,
  portNumberErrors,
  qualifiedNameErrors,
} from '../../src/load/validate-names.js';

describe('qualified names (label keys)', () => {
  it('accepts a plain name and a prefixed name', () => {
    assert.deepEqual(qualifiedNameErrors('app'), []);
    assert.deepEqual(qualifiedNameErrors('kubernetes.io/metadata.name'), []);
    assert.deepEqual(qualifiedNameErrors('A_b.C-9'), []);
  });
  it('rejects an empty name part', () => {
    assert.deepEqual(qualifiedNameErrors('example.com/'), [
      'name part must be non-empty',
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
  });
  it('rejects an empty prefix and an uppercase prefix', () => {
    assert.deepEqual(qualifiedNameErrors('/a'), ['prefix part must be non-empty']);
    assert.equal(qualifiedNameErrors('Example.com/a').length, 1);
    assert.match(qualifiedNameErrors('Example.com/a')[0] ?? '', /^prefix part a lowercase RFC 1123 subdomain/);
  });
  it('rejects two slashes with one message', () => {
    const errors = qualifiedNameErrors('a/b/c');
    assert.equal(errors.length, 1);
    assert.match(errors[0] ?? '', /^a valid label key must consist of .* with an optional DNS subdomain prefix and '\/' \(e\.g\. 'example\.com\/MyName'\)$/);
  });
  it('rejects a name part longer than 63 bytes', () => {
    assert.deepEqual(qualifiedNameErrors('a'.repeat(64)), ['name part must be no more than 63 bytes']);
  });
});

describe('label values', () => {
  it('accepts the empty string and 63 characters', () => {
    assert.deepEqual(labelValueErrors(''), []);
    assert.deepEqual(labelValueErrors('a'.repeat(63)), []);
  });
  it('rejects 64 characters and bad characters', () => {
    assert.deepEqual(labelValueErrors('a'.repeat(64)), ['must be no more than 63 bytes']);
    assert.deepEqual(labelValueErrors('-x'), [
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });
});

describe('DNS names', () => {
  it('a subdomain allows dots, a label does not', () => {
    assert.deepEqual(dns1123SubdomainErrors('a.b-c'), []);
    assert.deepEqual(dns1123LabelErrors('a.b'), ['must not contain dots']);
  });
  it('an uppercase policy name is not a DNS-1123 subdomain', () => {
    assert.deepEqual(dns1123SubdomainErrors('Allow'), [
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });
});

describe('ports', () => {
  it('port numbers are 1..65535', () => {
    assert.deepEqual(portNumberErrors(1), []);
    assert.deepEqual(portNumberErrors(65535), []);
    assert.deepEqual(portNumberErrors(0), ['must be between 1 and 65535, inclusive']);
    assert.deepEqual(portNumberErrors(65536), ['must be between 1 and 65535, inclusive']);
  });
  it('a quoted number is not a port name', () => {
    assert.deepEqual(portNameErrors('80'), ['must contain at least one letter (a-z)']);
  });
  it('every failing port-name rule is reported', () => {
    assert.deepEqual(portNameErrors('-Very--long-name-x-'), [
      'must be no more than 15 characters',
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'must not contain consecutive hyphens',
      'must not begin or end with a hyphen',
    ]);
    assert.deepEqual(portNameErrors(''), [
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'must contain at least one letter (a-z)',
    ]);
  });
});

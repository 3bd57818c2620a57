// Defaulting (semantics §2.2, §2.7) and normalisation (§2.1, §2.3-§2.5) of loaded policies,
// and the source line of each policy, rule, peer and port entry.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NetworkPolicy } from '../../src/model/network-policy.js';
import { EVERYTHING } from '../../src/model/label-selector.js';
import { loadFixture, printed } from './helpers.js';

function policies(fixture: string): Map<string, NetworkPolicy> {
  const result = loadFixture(fixture);
  assert.deepEqual(printed(result), []);
  return new Map(result.cluster.policies.map((p) => [p.name, p]));
}

function get(map: Map<string, NetworkPolicy>, name: string): NetworkPolicy {
  const policy = map.get(name);
  assert.ok(policy, `policy ${name} loaded`);
  return policy;
}

describe('§2.2 policyTypes defaulting', () => {
  const loaded = policies('policy-types-defaulting.yaml');
  it('a policy without rules and policyTypes applies to ingress only', () => {
    assert.deepEqual(get(loaded, 'no-rules').policyTypes, ['ingress']);
  });
  it('an empty egress list does not add Egress', () => {
    assert.deepEqual(get(loaded, 'empty-egress-list').policyTypes, ['ingress']);
  });
  it('one egress rule adds Egress', () => {
    assert.deepEqual(get(loaded, 'one-egress-rule').policyTypes, ['ingress', 'egress']);
  });
  it('written policyTypes are used as-is and ingress rules are kept for lint', () => {
    const policy = get(loaded, 'egress-only-with-ingress-rules');
    assert.deepEqual(policy.policyTypes, ['egress']);
    assert.equal(policy.ingress.length, 1);
  });
  it('an empty policyTypes list is defaulted', () => {
    assert.deepEqual(get(loaded, 'empty-policy-types').policyTypes, ['ingress', 'egress']);
  });
  it('duplicate policyTypes are removed', () => {
    assert.deepEqual(get(loaded, 'duplicate-types').policyTypes, ['egress']);
  });
  it('the policy namespace defaults to the load namespace', () => {
    assert.equal(get(loaded, 'no-rules').namespace, 'default');
  });
});

describe('§2.3 empty list vs empty rule', () => {
  const loaded = policies('rules-empty-list-vs-empty-rule.yaml');
  it('omitted, empty and null ingress lists have no rule', () => {
    for (const name of ['ingress-omitted', 'ingress-empty-list', 'ingress-null']) {
      assert.deepEqual(get(loaded, name).ingress, [], name);
    }
  });
  it('an empty rule matches every peer and every port', () => {
    const [rule] = get(loaded, 'one-empty-rule').ingress;
    assert.deepEqual(rule?.peers, { kind: 'any' });
    assert.deepEqual(rule?.ports, { kind: 'any' });
  });
  it('empty from and empty ports are the same as absent', () => {
    const [rule] = get(loaded, 'empty-from').ingress;
    assert.deepEqual(rule?.peers, { kind: 'any' });
    assert.deepEqual(rule?.ports, { kind: 'any' });
  });
  it('a port-only rule matches every peer on that port', () => {
    const [rule] = get(loaded, 'port-only').ingress;
    assert.deepEqual(rule?.peers, { kind: 'any' });
    assert.deepEqual(rule?.ports, {
      kind: 'list',
      items: [{ index: 0, protocol: 'TCP', port: { kind: 'range', from: 80, to: 80 }, source: { file: 'rules-empty-list-vs-empty-rule.yaml', line: 46 } }],
    });
  });
});

describe('§2.7 port defaulting', () => {
  const policy = get(policies('ports-defaulting.yaml'), 'ports');
  const ports = policy.egress[0]?.ports;
  it('every entry gets a protocol, TCP when omitted', () => {
    assert.equal(ports?.kind, 'list');
    if (ports?.kind !== 'list') return;
    assert.deepEqual(
      ports.items.map((p) => [p.protocol, p.port]),
      [
        ['TCP', { kind: 'all' }],
        ['UDP', { kind: 'all' }],
        ['TCP', { kind: 'range', from: 53, to: 53 }],
        ['TCP', { kind: 'range', from: 32000, to: 32768 }],
        ['UDP', { kind: 'named', name: 'dns' }],
      ],
    );
  });
  it('each port entry points at its own line', () => {
    if (ports?.kind !== 'list') return assert.fail('ports list');
    assert.deepEqual(ports.items.map((p) => p.source.line), [10, 11, 12, 13, 14]);
    assert.deepEqual(ports.items.map((p) => p.index), [0, 1, 2, 3, 4]);
  });
  it('a policy and its rule point at their lines', () => {
    assert.deepEqual(policy.source, { file: 'ports-defaulting.yaml', line: 2 });
    assert.equal(policy.egress[0]?.source.line, 9);
  });
});

describe('§2.1 and §2.5 selectors and peers', () => {
  const policy = get(policies('peers-normalised.yaml'), 'peers');
  const peers = policy.ingress[0]?.peers;
  const items = peers?.kind === 'list' ? peers.items : [];
  it('a null spec.podSelector is the empty selector', () => {
    assert.deepEqual(policy.podSelector, EVERYTHING);
  });
  it('namespaceSelector alone: every pod of the selected namespaces', () => {
    assert.deepEqual(items[0], {
      kind: 'pods', index: 0, namespaceSelector: EVERYTHING, podSelector: EVERYTHING, hasPodSelector: false,
      source: { file: 'peers-normalised.yaml', line: 11 },
    });
  });
  it('podSelector alone with null matchLabels: every pod of the policy namespace', () => {
    assert.deepEqual(items[1], {
      kind: 'pods', index: 1, namespaceSelector: null, podSelector: EVERYTHING, hasPodSelector: true,
      source: { file: 'peers-normalised.yaml', line: 12 },
    });
  });
  it('namespaceSelector and podSelector in one peer are kept together (AND)', () => {
    const peer = items[2];
    assert.equal(peer?.kind, 'pods');
    if (peer?.kind !== 'pods') return;
    assert.deepEqual(peer.namespaceSelector, { matchLabels: { user: 'alice' }, matchExpressions: [] });
    assert.deepEqual(peer.podSelector, { matchLabels: {}, matchExpressions: [{ key: 'role', operator: 'NotIn', values: ['client'] }] });
  });
  it('an ipBlock peer keeps cidr and except as written', () => {
    assert.deepEqual(items[3], {
      kind: 'ipBlock', index: 3, cidr: '10.0.0.0/8', except: ['10.1.0.0/16'], source: { file: 'peers-normalised.yaml', line: 19 },
    });
  });
  it('a null namespaceSelector is absent', () => {
    const peer = items[4];
    assert.equal(peer?.kind === 'pods' && peer.namespaceSelector, null);
  });
  it('raw keeps the object as written', () => {
    assert.equal((policy.raw as { metadata: { name: string } }).metadata.name, 'peers');
  });
});

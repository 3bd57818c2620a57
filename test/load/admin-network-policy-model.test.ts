// What the loader makes of valid AdminNetworkPolicy, BaselineAdminNetworkPolicy and
// ClusterNetworkPolicy objects: one normalised form (admin-network-policy-semantics.md §8).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture, loadText, printed } from './helpers.js';

const all = { matchLabels: {}, matchExpressions: [] };

test('an ANP: tier admin, its priority, subject pods, ports with TCP as the default protocol, rules in order', () => {
  const { cluster } = loadFixture('admin/anp-every-field.yaml');
  const [anp] = cluster.clusterPolicies ?? [];
  assert.ok(anp);
  assert.equal(anp.kind, 'AdminNetworkPolicy');
  assert.equal(anp.tier, 'admin');
  assert.equal(anp.priority, 20);
  assert.deepEqual(anp.subject, {
    form: 'pods',
    namespaceSelector: { matchLabels: { team: 'a' }, matchExpressions: [] },
    podSelector: { matchLabels: {}, matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] },
  });
  const [allow, pass] = anp.ingress;
  assert.equal(allow?.name, 'allow-monitoring');
  assert.equal(allow?.action, 'allow');
  assert.equal(allow?.actionText, 'Allow');
  assert.deepEqual(allow?.peers.map((p) => p.kind === 'pods' && [p.form, p.namespaceSelector.matchLabels, p.podSelector]), [
    ['namespaces', { team: 'mon' }, all],
  ]);
  assert.ok(allow?.ports.kind === 'list');
  assert.deepEqual(
    allow.ports.items.map((p) => (p.kind === 'range' ? `${p.protocol} ${p.from}-${p.to}` : `named ${p.name}`)),
    ['TCP 9090-9090', 'UDP 50-60', 'named metrics'],
  );
  assert.equal(pass?.action, 'pass');
  assert.equal(pass?.name, undefined);
  assert.equal(pass?.ports.kind, 'any');
  const [deny] = anp.egress;
  assert.deepEqual(deny?.peers.map((p) => p.kind), ['networks', 'nodes']);
  assert.ok(deny?.peers[0]?.kind === 'networks');
  assert.deepEqual(deny.peers[0].cidrs, ['0.0.0.0/0', '::/0']);
  assert.equal(deny.source.line, 31);
});

test('the BANP: tier baseline and no priority', () => {
  const { cluster, problems } = loadFixture('admin/banp-default.yaml');
  assert.deepEqual(problems, []);
  const [banp] = cluster.clusterPolicies ?? [];
  assert.equal(banp?.tier, 'baseline');
  assert.equal(banp?.priority, null);
  assert.equal(banp?.ingress[0]?.name, 'baseline-deny');
  assert.deepEqual(banp?.subject, { form: 'namespaces', namespaceSelector: all, podSelector: all });
});

test('a CNP: tier from spec.tier, Accept is allow, protocols become ranges, a missing namespaceSelector is all namespaces', () => {
  const { cluster } = loadFixture('admin/cnp-every-field.yaml');
  const [cnp] = cluster.clusterPolicies ?? [];
  assert.ok(cnp);
  assert.equal(cnp.kind, 'ClusterNetworkPolicy');
  assert.equal(cnp.tier, 'baseline');
  assert.equal(cnp.priority, 5);
  assert.deepEqual(cnp.subject.namespaceSelector, all);
  const [dns, partners, pass] = cnp.egress;
  assert.equal(dns?.action, 'allow');
  assert.equal(dns?.actionText, 'Accept');
  assert.ok(dns?.ports.kind === 'list');
  assert.deepEqual(
    dns.ports.items.map((p) => (p.kind === 'range' ? `${p.protocol} ${p.from}-${p.to}` : `named ${p.name}`)),
    ['UDP 53-53', 'TCP 8000-8080', 'named dns-tcp'],
  );
  assert.deepEqual(partners?.peers.map((p) => p.kind === 'domainNames' && p.names), [['*.example.com']]);
  assert.equal(pass?.action, 'pass');
  assert.equal(cnp.ingress[0]?.action, 'deny');
});

test('the three kinds need their own apiVersion; another version is skipped as unsupported', () => {
  const text = [
    'apiVersion: policy.networking.k8s.io/v1alpha2',
    'kind: AdminNetworkPolicy',
    'metadata: {name: wrong-version}',
    'spec: {priority: 1, subject: {namespaces: {}}}',
  ].join('\n');
  const result = loadText(text);
  assert.deepEqual(printed(result), [
    'input.yaml:1: warning: skipping unsupported kind AdminNetworkPolicy (apiVersion policy.networking.k8s.io/v1alpha2)',
  ]);
  assert.deepEqual(result.cluster.clusterPolicies, []);
});

test('cluster-scoped: the same name twice is a duplicate, whatever metadata.namespace says; kinds do not clash', () => {
  const doc = (kind: string, ns: string) =>
    `apiVersion: policy.networking.k8s.io/v1alpha${kind === 'ClusterNetworkPolicy' ? 2 : 1}\nkind: ${kind}\n` +
    `metadata: {name: same, namespace: ${ns}}\nspec: {${kind === 'ClusterNetworkPolicy' ? 'tier: Admin, ' : ''}priority: 1, subject: {namespaces: {}}}\n`;
  const result = loadText([doc('AdminNetworkPolicy', 'a'), doc('AdminNetworkPolicy', 'b'), doc('ClusterNetworkPolicy', 'a')].join('---\n'));
  assert.deepEqual(printed(result), [
    'input.yaml:6: warning: duplicate AdminNetworkPolicy same (also defined at input.yaml:1); the last definition wins',
  ]);
  assert.deepEqual(result.cluster.clusterPolicies?.map((p) => p.kind), ['AdminNetworkPolicy', 'ClusterNetworkPolicy']);
});

test('a list of cluster-wide policies loads item by item', () => {
  const text = [
    'apiVersion: policy.networking.k8s.io/v1alpha2',
    'kind: ClusterNetworkPolicyList',
    'items:',
    '- metadata: {name: one}',
    '  spec: {tier: Admin, priority: 1, subject: {namespaces: {}}}',
    '- metadata: {name: two}',
    '  spec: {tier: Baseline, priority: 1, subject: {namespaces: {}}}',
  ].join('\n');
  const result = loadText(text);
  assert.deepEqual(printed(result), []);
  assert.deepEqual(result.cluster.clusterPolicies?.map((p) => `${p.name} ${p.tier}`), ['one admin', 'two baseline']);
});

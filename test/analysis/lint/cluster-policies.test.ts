// The lint rules for cluster-wide policies (src/analysis/lint/rules/cluster-*.ts,
// baseline-not-default.ts), each as claims on the fixture cluster of
// admin-network-policy-semantics.md §11.1, through the one lint registry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint as lintAll, type LintResult } from '../../../src/analysis/lint/index.js';
import type { ClusterPolicy } from '../../../src/model/cluster-policy.js';
import type { NetworkPolicy } from '../../../src/model/network-policy.js';
import { podPeer, policy, rule, selector } from '../../helpers/builders.js';
import { anp, banp, cnp, crule, networksPeer, nsPeer, podsPeer } from '../../engine/cluster-policy-builders.js';
import { fixture } from '../../engine/admin-fixture.js';

const CLUSTER_RULES = new Set(['baseline-not-default', 'cluster-rule-shadowed', 'cluster-pass-reaches-nothing', 'cluster-equal-priority']);
const teamA = { namespaces: selector({ team: 'a' }) };
const run = (policies: ClusterPolicy[], nps: NetworkPolicy[] = []): LintResult => lintAll({ cluster: fixture(policies, nps), problems: [] });
/** The findings of the cluster-wide rules only (the fixture's pods draw NetworkPolicy findings too). */
const lint = (policies: ClusterPolicy[], nps: NetworkPolicy[] = []) =>
  run(policies, nps)
    .findings.filter((f) => CLUSTER_RULES.has(f.ruleId))
    .map((f) => `${f.ruleId}: ${f.object} ${f.fieldPath ?? ''}: ${f.message}`);

test('a rule whose traffic an earlier rule of the same policy always takes is shadowed', () => {
  const p = anp('order', 10, { ...teamA, egress: [crule('Deny', [nsPeer()]), crule('Allow', [nsPeer({ team: 'b' })], { name: 'too-late' })] });
  assert.deepEqual(lint([p]), [
    'cluster-rule-shadowed: AdminNetworkPolicy order spec.egress[1]: ANP order egress[1] "too-late" never decides anything: every connection it matches is matched first by ANP order egress[0]',
  ]);
});

test('a rule shadowed by a higher-priority policy names it; a narrower earlier rule does not shadow', () => {
  const first = anp('first', 1, { ...teamA, ingress: [crule('Deny', [nsPeer({ team: 'b' })])] });
  const later = anp('later', 2, { ...teamA, ingress: [crule('Allow', [nsPeer({ team: 'b' })])] });
  assert.deepEqual(lint([first, later]), [
    'cluster-rule-shadowed: AdminNetworkPolicy later spec.ingress[0]: ANP later ingress[0] never decides anything: every connection it matches is matched first by ANP first ingress[0]',
  ]);
  const narrow = anp('first', 1, { ...teamA, ingress: [crule('Deny', [nsPeer({ team: 'b' })], { ports: [{ protocol: 'TCP', port: 80 }] })] });
  assert.deepEqual(lint([narrow, later]), []);
});

test('an admin Pass that nothing below ever decides is reported; with a baseline rule or an isolating NetworkPolicy it is not', () => {
  const pass = anp('pass-b', 10, { ...teamA, ingress: [crule('Pass', [nsPeer({ team: 'b' })])] });
  assert.deepEqual(lint([pass]), [
    'cluster-pass-reaches-nothing: AdminNetworkPolicy pass-b spec.ingress[0]: ANP pass-b ingress[0] passes traffic that no NetworkPolicy isolates and no baseline rule matches: the default allows it, as if the rule said Allow',
  ]);
  assert.deepEqual(lint([pass, banp({ namespaces: selector(), ingress: [crule('Deny', [nsPeer()])] })]), []);
  assert.deepEqual(lint([pass], [policy('ns-a/isolate', {})]), []);
});

test('a BaselineAdminNetworkPolicy not named default is an error', () => {
  const findings = run([banp({ namespaces: selector() }, 'baseline')]).findings.filter((f) => CLUSTER_RULES.has(f.ruleId));
  assert.deepEqual(findings.map((f) => [f.ruleId, f.severity, f.fieldPath]), [['baseline-not-default', 'error', 'metadata.name']]);
});

test('equal priorities are reported when both policies match one connection, with the order netwarden uses', () => {
  const x = cnp('x', 'Admin', 10, { ...teamA, ingress: [crule('Accept', [nsPeer({ team: 'b' })])] });
  const y = (team: string) => cnp('y', 'Admin', 10, { ...teamA, ingress: [crule('Deny', [nsPeer({ team })])] });
  assert.deepEqual(lint([y('b'), x]), [
    "cluster-rule-shadowed: ClusterNetworkPolicy y spec.ingress[0]: CNP y ingress[0] never decides anything: every connection it matches is matched first by CNP x ingress[0] (x has the same priority 10: that order is netwarden's (by name, then kind), which upstream leaves undefined)",
    'cluster-equal-priority: ClusterNetworkPolicy y spec.priority: ClusterNetworkPolicy x and ClusterNetworkPolicy y share priority 10 and both match ingress of ns-a/a1 from ns-b/b1 (x: Accept, y: Deny: the verdict depends on the order); upstream leaves their order undefined: netwarden evaluates x first (equal priorities go by metadata.name, then by kind: AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy)'
  ]);
  assert.deepEqual(lint([y('mon'), x]), [], 'no connection is matched by both: harmless');
});

// The NetworkPolicy rules whose answer the tiers change (ANP semantics §7.2): what a pod accepts and
// sends is the pipeline's verdict, not NetworkPolicy's alone.
const findingsOf = (policies: ClusterPolicy[], nps: NetworkPolicy[], ruleId: string) =>
  run(policies, nps).findings.filter((f) => f.ruleId === ruleId);
const dbOnly = policy('ns-a/db-only', { podSelector: selector({ app: 'db' }), ingress: [rule(undefined, [{ port: 5432 }])] });

test('a pod no NetworkPolicy selects is unprotected unless a cluster-wide rule denies it something', () => {
  assert.deepEqual(findingsOf([], [dbOnly], 'unprotected-pod').map((f) => f.object), ['Pod ns-a/a1']);
  const baselineDeny = banp({ namespaces: selector({ team: 'a' }), ingress: [crule('Deny', [nsPeer({ team: 'mon' })])] });
  assert.deepEqual(findingsOf([baselineDeny], [dbOnly], 'unprotected-pod'), [], 'the baseline denies it ingress from ns-mon');
  const noDns = anp('no-outside-dns', 5, { ...teamA, egress: [crule('Deny', [networksPeer('8.8.8.8/32')], { ports: [{ protocol: 'UDP', port: 53 }] })] });
  assert.deepEqual(findingsOf([noDns], [dbOnly], 'unprotected-pod'), [], 'the admin tier denies it one port to one address');
});

test('a pod that cluster-wide policies select only to allow or pass is still unprotected, and the message says so', () => {
  const accept = cnp('accept-b', 'Admin', 5, { ...teamA, ingress: [crule('Accept', [nsPeer({ team: 'b' })])] });
  const pass = anp('pass-mon', 6, { ...teamA, ingress: [crule('Pass', [nsPeer({ team: 'mon' })])] });
  const [finding, ...rest] = findingsOf([accept, pass], [dbOnly], 'unprotected-pod');
  assert.equal(rest.length, 0);
  assert.equal(
    finding?.message,
    'the pod is selected by no NetworkPolicy, though namespace ns-a has 1 NetworkPolicy (db-only), and the cluster-wide policies selecting it (CNP accept-b, ANP pass-mon) deny it nothing: all its ingress and egress is allowed',
  );
});

test('a Deny that only matches a pod reaching itself guards nothing: hairpin traffic skips the tiers', () => {
  const self = anp('deny-self', 5, { pods: selector({ app: 'web' }), namespaces: selector({ team: 'a' }), ingress: [crule('Deny', [nsPeer({ team: 'a' })], { ports: [{ protocol: 'TCP', port: 80 }] })] });
  // a2 (app=db) listens on 5432, not 80: only a1 -> a1 on TCP/80 is denied, and that is exempt.
  const onlyA1 = anp('deny-self', 5, { pods: selector({ app: 'web' }), namespaces: selector({ team: 'a' }), ingress: [crule('Deny', [podsPeer(selector({ team: 'a' }), selector({ app: 'web' }))])] });
  assert.deepEqual(findingsOf([onlyA1], [dbOnly], 'unprotected-pod').map((f) => f.object), ['Pod ns-a/a1']);
  assert.deepEqual(findingsOf([self], [dbOnly], 'unprotected-pod'), [], 'from a2 to a1 on TCP/80 is denied');
});

test('egress-without-dns: a NetworkPolicy rule to anywhere on port 53 does not help when the admin tier denies DNS first', () => {
  const dnsAnywhere = policy('ns-a/dns', { policyTypes: ['egress'], egress: [rule(undefined, [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }])] });
  assert.deepEqual(findingsOf([], [dnsAnywhere], 'egress-without-dns'), []);
  const sealed = anp('sealed', 10, { ...teamA, egress: [crule('Deny', [nsPeer(), networksPeer('0.0.0.0/0')], { name: 'deny-all' })] });
  const [finding, ...rest] = findingsOf([sealed], [dnsAnywhere], 'egress-without-dns');
  assert.equal(rest.length, 0);
  assert.match(finding?.message ?? '', /may not reach DNS on UDP\/53 \(denied by ANP sealed egress\[0\] "deny-all"\)/);
  assert.match(finding?.fix ?? '', /earlier admin-tier Allow \(Accept\) or Pass/);
  const passDns = anp('pass-dns', 5, { ...teamA, egress: [crule('Pass', [networksPeer('0.0.0.0/0')], { ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] })] });
  assert.deepEqual(findingsOf([passDns, sealed], [dnsAnywhere], 'egress-without-dns'), [], 'a Pass for port 53 hands DNS to the NetworkPolicy, which allows it');
});

test('shadowed-policy: a NetworkPolicy whose every connection the admin tier decides first is reported, naming the tier', () => {
  const toB = policy('ns-a/to-b', { podSelector: selector({ app: 'web' }), policyTypes: ['egress'], egress: [rule([podPeer(selector(), selector({ team: 'b' }))])] });
  assert.deepEqual(findingsOf([], [toB], 'shadowed-policy'), []);
  const sealed = anp('sealed', 10, { ...teamA, egress: [crule('Deny', [nsPeer(), networksPeer('0.0.0.0/0')])] });
  const [finding, ...rest] = findingsOf([sealed], [toB], 'shadowed-policy');
  assert.equal(rest.length, 0);
  assert.match(finding?.message ?? '', /the admin tier decides first for its pods \(ANP sealed\)/);
});

test('egress-without-dns: without DNS pods in the input, an admin-tier Allow to pods on port 53 counts, as a NetworkPolicy rule to other namespaces does', () => {
  const isolate = policy('ns-a/isolate', { policyTypes: ['egress'] });
  assert.equal(findingsOf([], [isolate], 'egress-without-dns').length, 1);
  const allowDnsPods = anp('dns', 5, { ...teamA, egress: [crule('Allow', [podsPeer(selector({ 'kubernetes.io/metadata.name': 'kube-system' }), selector({ app: 'kube-dns' }))])] });
  assert.deepEqual(findingsOf([allowDnsPods], [isolate], 'egress-without-dns'), []);
  const tcpOnly = anp('dns', 5, { ...teamA, egress: [crule('Allow', [nsPeer({ team: 'b' })], { ports: [{ protocol: 'TCP', port: 53 }] })] });
  assert.match(findingsOf([tcpOnly], [isolate], 'egress-without-dns')[0]?.message ?? '', /may not reach DNS on UDP\/53/);
});

test('rule-matches-all-peers: the rule admits every source only where the admin tier has not decided first, and says which policies do', () => {
  const all = policy('ns-a/all', { ingress: [rule()] });
  assert.match(findingsOf([], [all], 'rule-matches-all-peers')[0]?.message ?? '', /on every port$/);
  const denyB = anp('deny-b', 5, { ...teamA, ingress: [crule('Deny', [nsPeer({ team: 'b' })])] });
  assert.match(findingsOf([denyB], [all], 'rule-matches-all-peers')[0]?.message ?? '', /on every port, where the admin tier \(ANP deny-b\) has not decided first$/);
  const baselineOnly = banp({ ...teamA, ingress: [crule('Deny', [nsPeer({ team: 'b' })])] });
  assert.match(findingsOf([baselineOnly], [all], 'rule-matches-all-peers')[0]?.message ?? '', /on every port$/, 'the baseline tier never overrides an isolating NetworkPolicy');
});

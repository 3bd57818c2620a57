// The worked examples of admin-network-policy-semantics.md §11 as claims, in ClusterNetworkPolicy
// syntax and (§11.2-§11.7, §11.9-§11.11) again as AdminNetworkPolicy/BaselineAdminNetworkPolicy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClusterPolicy } from '../../src/model/cluster-policy.js';
import type { NetworkPolicy } from '../../src/model/network-policy.js';
import { podPeer, policy, rule, selector } from '../helpers/builders.js';
import { anp, banp, cnp, crule, networksPeer, nodesPeer, nsPeer, type ClusterPolicyInput } from './cluster-policy-builders.js';
import { check, decider, fixture, sides } from './admin-fixture.js';

const teamA: ClusterPolicyInput = { namespaces: selector({ team: 'a' }) };
const ns = (team: string) => nsPeer({ team });

/** The same policy in v1alpha1 form: Admin -> ANP, Baseline -> the BANP `default`, Accept -> Allow. */
function asV1alpha1(p: ClusterPolicy): ClusterPolicy {
  const input: ClusterPolicyInput = {
    namespaces: p.subject.namespaceSelector,
    ...(p.subject.form === 'pods' ? { pods: p.subject.podSelector } : {}),
    ingress: p.ingress.map((r) => ({ ...r, actionText: r.actionText === 'Accept' ? 'Allow' : r.actionText })),
    egress: p.egress.map((r) => ({ ...r, actionText: r.actionText === 'Accept' ? 'Allow' : r.actionText })),
  };
  return p.tier === 'admin' ? anp(p.name, p.priority ?? 0, input) : banp(input);
}

/** Runs `claims` on the CNP form and on the ANP/BANP form. */
function bothFamilies(name: string, policies: ClusterPolicy[], nps: NetworkPolicy[], claims: (c: ReturnType<typeof fixture>, family: string) => void): void {
  test(`${name} (ClusterNetworkPolicy)`, () => claims(fixture(policies, nps), 'v1alpha2'));
  test(`${name} (AdminNetworkPolicy/BaselineAdminNetworkPolicy)`, () => claims(fixture(policies.map(asV1alpha1), nps), 'v1alpha1'));
}

function expectVerdict(c: ReturnType<typeof fixture>, connection: string, allowed: boolean, deciders?: string): void {
  const v = check(c, connection);
  assert.equal(v.allowed, allowed, `${connection}: ${sides(v)}`);
  if (deciders !== undefined) assert.equal(sides(v), deciders, connection);
}

test('§11.2 with no policies every connection is allowed by the default tier', () => {
  const c = fixture([]);
  for (const conn of ['a1 -> b1:80/TCP', 'a1 -> 8.8.8.8:53/UDP']) expectVerdict(c, conn, true, 'default | ' + (conn.includes('8.8') ? 'not-a-pod' : 'default'));
  expectVerdict(c, '203.0.113.5 -> a1:80/TCP', true, 'not-a-pod | default');
});

const denyB = cnp('deny-b', 'Admin', 10, { ...teamA, ingress: [crule('Deny', [ns('b')])] });
const allowBFromNp = policy('ns-a/allow-b', { ingress: [rule([podPeer(undefined, selector({ team: 'b' }))])] });
bothFamilies('§11.3 an admin Deny beats a NetworkPolicy allow', [denyB], [allowBFromNp], (c) => {
  expectVerdict(c, 'b1 -> a1:80/TCP', false, 'default | admin');
  expectVerdict(c, 'm1 -> a1:80/TCP', false, 'default | networkpolicy');
  expectVerdict(c, 'a1 -> b1:80/TCP', true, 'default | default');
});

const allowMon = cnp('allow-mon', 'Admin', 5, { namespaces: selector(), ingress: [crule('Accept', [ns('mon')])] });
const defaultDenyA = policy('ns-a/default-deny', {});
bothFamilies('§11.4 an admin Accept beats NetworkPolicy isolation', [allowMon], [defaultDenyA], (c) => {
  expectVerdict(c, 'm1 -> a1:80/TCP', true, 'default | admin');
  expectVerdict(c, 'b1 -> a1:80/TCP', false, 'default | networkpolicy');
  expectVerdict(c, 'm1 -> b1:80/TCP', true, 'default | admin');
});

const order = (rules: ReturnType<typeof crule>[]) => cnp('order', 'Admin', 15, { ...teamA, egress: rules });
bothFamilies('§11.5 inside one policy the first matching rule wins', [order([crule('Accept', [ns('b')]), crule('Deny', [ns('b')])])], [], (c) => {
  const v = check(c, 'a1 -> b1:80/TCP');
  assert.equal(v.allowed, true);
  assert.equal(decider(v.egress), 'order#0');
});
bothFamilies('§11.5 swapping the two rules flips the verdict', [order([crule('Deny', [ns('b')]), crule('Accept', [ns('b')])])], [], (c) => {
  const v = check(c, 'a1 -> b1:80/TCP');
  assert.equal(v.allowed, false);
  assert.equal(decider(v.egress), 'order#0');
});
bothFamilies('§11.5 a Pass first leaves the tier: no NetworkPolicy, no baseline, default allow', [order([crule('Pass', [ns('b')]), crule('Deny', [ns('b')])])], [], (c) => {
  const v = check(c, 'a1 -> b1:80/TCP');
  assert.equal(v.allowed, true);
  assert.deepEqual(v.egress.tiers.map((s) => `${s.tier}:${s.decision}`), ['admin:pass', 'networkpolicy:no-match', 'baseline:no-match', 'default:allow']);
});

const p50 = cnp('p50', 'Admin', 50, { ...teamA, ingress: [crule('Deny', [ns('b')])], egress: [crule('Deny', [ns('b')])] });
const p60 = (priority: number) => cnp('p60', 'Admin', priority, { ...teamA, ingress: [crule('Pass', [ns('b')])], egress: [crule('Pass', [ns('b')])] });
const base = cnp('base', 'Baseline', 10, { ...teamA, ingress: [crule('Accept', [ns('b')])], egress: [crule('Accept', [ns('b')])] });
bothFamilies('§11.6 the lower priority number goes first', [p50, p60(60), base], [], (c) => {
  expectVerdict(c, 'b1 -> a1:80/TCP', false, 'default | admin');
  expectVerdict(c, 'a1 -> b1:8080/TCP', false, 'admin | default');
  assert.equal(decider(check(c, 'b1 -> a1:80/TCP').ingress), 'p50#0');
});
bothFamilies('§11.6 a Pass at priority 40 hands both sides to the baseline tier', [p50, p60(40), base], [], (c) => {
  expectVerdict(c, 'b1 -> a1:80/TCP', true, 'default | baseline');
  expectVerdict(c, 'a1 -> b1:8080/TCP', true, 'baseline | default');
});

const passB = cnp('pass-b', 'Admin', 10, { ...teamA, ingress: [crule('Pass', [ns('b')])], egress: [crule('Pass', [ns('b')])] });
const npBoth = policy('ns-a/np', {
  policyTypes: ['ingress', 'egress'],
  ingress: [rule([podPeer(undefined, selector({ team: 'b' }))])],
  egress: [rule([podPeer(undefined, selector({ team: 'b' }))])],
});
const baseDeny = cnp('base', 'Baseline', 10, { ...teamA, ingress: [crule('Deny', [ns('b')])], egress: [crule('Deny', [ns('b')])] });
bothFamilies('§11.7 a Pass delegates to NetworkPolicy, which is final', [passB, baseDeny], [npBoth], (c) => {
  expectVerdict(c, 'b1 -> a1:80/TCP', true, 'default | networkpolicy');
  expectVerdict(c, 'a1 -> b1:80/TCP', true, 'networkpolicy | default');
  expectVerdict(c, 'm1 -> a1:80/TCP', false, 'default | networkpolicy');
});
bothFamilies('§11.7 without the NetworkPolicy the baseline Deny decides', [passB, baseDeny], [], (c) => {
  expectVerdict(c, 'b1 -> a1:80/TCP', false, 'default | baseline');
  expectVerdict(c, 'a1 -> b1:80/TCP', false, 'baseline | default');
});

bothFamilies('§11.8 a Pass with nothing below is allowed by the default', [passB], [], (c) => {
  const v = check(c, 'b1 -> a1:80/TCP');
  assert.equal(v.allowed, true);
  assert.deepEqual(v.ingress.tiers.map((s) => s.decision), ['pass', 'no-match', 'no-match', 'allow']);
  assert.equal(v.ingress.reason, 'not-isolated');
});

const egOk = cnp('eg-ok', 'Admin', 1, { ...teamA, egress: [crule('Accept', [ns('b')])] });
bothFamilies('§11.9 an egress Accept does not open the destination: both sides must allow', [egOk], [policy('ns-b/deny-in', {})], (c) => {
  expectVerdict(c, 'a1 -> b1:80/TCP', false, 'admin | networkpolicy');
});
const inOk = cnp('in-ok', 'Admin', 1, { namespaces: selector({ team: 'b' }), ingress: [crule('Accept', [ns('a')])] });
bothFamilies('§11.9 mirror: an ingress Accept does not open the source', [inOk], [policy('ns-a/deny-out', { policyTypes: ['egress'] })], (c) => {
  expectVerdict(c, 'a1 -> b1:80/TCP', false, 'networkpolicy | admin');
});

const inOnly = policy('ns-a/in-only', { ingress: [rule()] });
const base1 = cnp('base', 'Baseline', 1, { ...teamA, ingress: [crule('Deny', [ns('b')])], egress: [crule('Deny', [ns('b')])] });
bothFamilies('§11.10 NetworkPolicy isolation is per direction', [base1], [inOnly], (c) => {
  expectVerdict(c, 'b1 -> a1:80/TCP', true, 'default | networkpolicy');
  expectVerdict(c, 'a1 -> b1:80/TCP', false, 'baseline | default');
});

const ports = cnp('ports', 'Admin', 20, {
  ...teamA,
  egress: [crule('Deny', [ns('b')], { ports: [{ protocol: 'TCP', port: 80 }, { protocol: 'UDP', port: 50, endPort: 60 }] })],
});
bothFamilies('§11.11 port entries match protocol and destination port', [ports], [], (c) => {
  expectVerdict(c, 'a1 -> b1:80/TCP', false);
  expectVerdict(c, 'a1 -> b1:8080/TCP', true);
  expectVerdict(c, 'a1 -> b1:53/UDP', false);
  expectVerdict(c, 'a1 -> b1:80/UDP', true);
  expectVerdict(c, 'a1 -> b1:80/SCTP', true);
});

test('§11.12 a named port takes its protocol from the destination pod', () => {
  const named = cnp('named', 'Admin', 30, {
    ...teamA,
    ingress: [crule('Accept', [ns('b')], { ports: [{ named: 'dns' }] }), crule('Deny', [ns('b')])],
  });
  const c = fixture([named]);
  expectVerdict(c, 'b1 -> a1:53/UDP', true);
  expectVerdict(c, 'b1 -> a1:53/TCP', false);
  expectVerdict(c, 'b1 -> a2:53/UDP', false);
  assert.equal(check(c, 'b1 -> a1:53/UDP').ingress.tiers[0]?.tier === 'admin' && decider(check(c, 'b1 -> a1:53/UDP').ingress), 'named#0');
});

test('§11.13 networks also matches pods; a pod reaching itself is exempt', () => {
  const noInternet = (first: ReturnType<typeof crule>[]) =>
    cnp('no-internet', 'Admin', 85, { ...teamA, egress: [...first, crule('Deny', [networksPeer('0.0.0.0/0', '::/0')])] });
  const c = fixture([noInternet([])]);
  expectVerdict(c, 'a1 -> b1:80/TCP', false);
  expectVerdict(c, 'a1 -> 8.8.8.8:53/UDP', false);
  expectVerdict(c, 'a1 -> a2:5432/TCP', false);
  expectVerdict(c, 'a1 -> a1:80/TCP', true);
  expectVerdict(c, 'b1 -> a1:80/TCP', true);
  const passPods = fixture([noInternet([crule('Pass', [nsPeer()])])]);
  expectVerdict(passPods, 'a1 -> b1:80/TCP', true);
  expectVerdict(passPods, 'a1 -> 8.8.8.8:53/UDP', false);
  const acceptB1 = fixture([noInternet([crule('Accept', [networksPeer('10.0.2.1/32')])])]);
  expectVerdict(acceptB1, 'a1 -> b1:80/TCP', true);
  expectVerdict(acceptB1, 'a1 -> a2:5432/TCP', false);
});

test('§11.14 host-network pods are neither subjects nor pod peers; no rule can match a host-network source', () => {
  const nodes = cnp('nodes', 'Admin', 75, {
    ...teamA,
    egress: [crule('Accept', [nodesPeer({ role: 'worker' })], { ports: [{ protocol: 'TCP', port: 9100 }] }), crule('Deny', [nodesPeer()])],
  });
  const c = fixture([nodes]);
  expectVerdict(c, 'a1 -> b1:80/TCP', true);
  expectVerdict(c, 'h1 -> a1:80/TCP', true);
  const sys = cnp('sys', 'Admin', 1, { namespaces: selector({ 'kubernetes.io/metadata.name': 'ns-sys' }), egress: [crule('Deny', [nsPeer()])] });
  expectVerdict(fixture([sys]), 'h1 -> a1:80/TCP', true);
  const allPods = cnp('all', 'Admin', 1, { namespaces: selector(), ingress: [crule('Deny', [nsPeer()])] });
  expectVerdict(fixture([allPods]), 'h1 -> a1:80/TCP', true, 'default | default');
});

test('§11.15 ingress from outside the cluster is out of reach of the cluster tiers', () => {
  const iso = cnp('iso', 'Admin', 1, { ...teamA, ingress: [crule('Deny', [nsPeer()])] });
  expectVerdict(fixture([iso]), 'b1 -> a1:80/TCP', false);
  expectVerdict(fixture([iso]), '203.0.113.5 -> a1:80/TCP', true, 'not-a-pod | default');
  expectVerdict(fixture([iso], [defaultDenyA]), '203.0.113.5 -> a1:80/TCP', false, 'not-a-pod | networkpolicy');
});

test('§11.17 a baseline Pass goes to the default; NetworkPolicy isolation is final before it', () => {
  const bPass = cnp('b-pass', 'Baseline', 10, { namespaces: selector(), ingress: [crule('Pass', [ns('b')])] });
  const bDeny = cnp('b-deny', 'Baseline', 20, { namespaces: selector(), ingress: [crule('Deny', [nsPeer()])] });
  const c = fixture([bPass, bDeny]);
  const v = check(c, 'b1 -> a1:80/TCP');
  assert.equal(v.allowed, true);
  assert.deepEqual(v.ingress.tiers.map((s) => `${s.tier}:${s.decision}`), ['admin:no-match', 'networkpolicy:no-match', 'baseline:pass', 'default:allow']);
  expectVerdict(c, 'm1 -> a1:80/TCP', false, 'default | baseline');
  const fromMon = policy('ns-a/from-mon', { ingress: [rule([podPeer(undefined, selector({ team: 'mon' }))])] });
  const withNp = fixture([bPass, bDeny], [fromMon]);
  expectVerdict(withNp, 'm1 -> a1:80/TCP', true, 'default | networkpolicy');
  expectVerdict(withNp, 'b1 -> a1:80/TCP', false, 'default | networkpolicy');
});

test('§11.18 equal priorities: ordered by name, and the verdict says it is ambiguous', () => {
  const x = cnp('x', 'Admin', 10, { ...teamA, ingress: [crule('Accept', [ns('b')])] });
  const y = (team: string) => cnp('y', 'Admin', 10, { ...teamA, ingress: [crule('Deny', [ns(team)])] });
  const v = check(fixture([y('b'), x]), 'b1 -> a1:80/TCP');
  assert.equal(v.allowed, true);
  const step = v.ingress.tiers[0];
  assert.ok(step?.tier === 'admin');
  assert.equal(step.rule?.policy.name, 'x');
  assert.deepEqual(step.ambiguousWith?.map((r) => `${r.policy.name}#${r.ruleIndex} ${r.actionText}`), ['y#0 Deny']);
  const m = check(fixture([y('b'), x]), 'm1 -> a1:80/TCP');
  assert.equal(m.allowed, true);
  assert.equal(m.ingress.tiers[0]?.tier === 'admin' && m.ingress.tiers[0].ambiguousWith, undefined);
  const apart = check(fixture([y('mon'), x]), 'b1 -> a1:80/TCP');
  assert.equal(apart.ingress.tiers[0]?.tier === 'admin' && apart.ingress.tiers[0].ambiguousWith, undefined);
});

test('ANP and an Admin CNP share one tier ordered by priority', () => {
  const allow = anp('allow-b', 20, { ...teamA, ingress: [crule('Allow', [ns('b')])] });
  const deny = cnp('deny-b', 'Admin', 10, { ...teamA, ingress: [crule('Deny', [ns('b')])] });
  expectVerdict(fixture([allow, deny]), 'b1 -> a1:80/TCP', false, 'default | admin');
  const later = cnp('deny-b', 'Admin', 30, { ...teamA, ingress: [crule('Deny', [ns('b')])] });
  expectVerdict(fixture([allow, later]), 'b1 -> a1:80/TCP', true, 'default | admin');
});

test('a pod selected by a cluster-wide policy is not isolated by it: unmatched traffic goes on', () => {
  const c = fixture([cnp('only-b', 'Admin', 1, { ...teamA, ingress: [crule('Deny', [ns('b')])] })]);
  expectVerdict(c, 'm1 -> a1:80/TCP', true, 'default | default');
});

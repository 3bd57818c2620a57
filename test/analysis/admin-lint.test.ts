// The lint checks for cluster-wide policies (src/analysis/admin-lint.ts), each as claims on the
// fixture cluster of admin-network-policy-semantics.md §11.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileCluster } from '../../src/engine/index.js';
import { adminLint } from '../../src/analysis/admin-lint.js';
import type { ClusterPolicy } from '../../src/model/cluster-policy.js';
import type { NetworkPolicy } from '../../src/model/network-policy.js';
import { policy, selector } from '../helpers/builders.js';
import { anp, banp, cnp, crule, nsPeer } from '../engine/cluster-policy-builders.js';
import { fixture } from '../engine/admin-fixture.js';

const teamA = { namespaces: selector({ team: 'a' }) };
const lint = (policies: ClusterPolicy[], nps: NetworkPolicy[] = []) =>
  adminLint(compileCluster(fixture(policies, nps))).findings.map((f) => `${f.ruleId}: ${f.object} ${f.fieldPath ?? ''}: ${f.message}`);

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
    'cluster-pass-reaches-nothing: AdminNetworkPolicy pass-b spec.ingress[0]: ANP pass-b ingress[0] passes traffic that no NetworkPolicy isolates and no baseline rule matches: it is allowed by default, as if the rule said Allow',
  ]);
  assert.deepEqual(lint([pass, banp({ namespaces: selector(), ingress: [crule('Deny', [nsPeer()])] })]), []);
  assert.deepEqual(lint([pass], [policy('ns-a/isolate', {})]), []);
});

test('a BaselineAdminNetworkPolicy not named default is an error', () => {
  const findings = adminLint(compileCluster(fixture([banp({ namespaces: selector() }, 'baseline')]))).findings;
  assert.deepEqual(findings.map((f) => [f.ruleId, f.severity, f.fieldPath]), [['baseline-not-default', 'error', 'metadata.name']]);
});

test('equal priorities are reported when both policies match one connection, with the order netwarden uses', () => {
  const x = cnp('x', 'Admin', 10, { ...teamA, ingress: [crule('Accept', [nsPeer({ team: 'b' })])] });
  const y = (team: string) => cnp('y', 'Admin', 10, { ...teamA, ingress: [crule('Deny', [nsPeer({ team })])] });
  assert.deepEqual(lint([y('b'), x]), [
    'cluster-rule-shadowed: ClusterNetworkPolicy y spec.ingress[0]: CNP y ingress[0] never decides anything: every connection it matches is matched first by CNP x ingress[0]',
    'cluster-equal-priority: ClusterNetworkPolicy y spec.priority: ClusterNetworkPolicy x and ClusterNetworkPolicy y share priority 10 and both match ingress of ns-a/a1 from ns-b/b1; upstream leaves their order undefined, netwarden evaluates x first (priority, then name, then kind)'
  ]);
  assert.deepEqual(lint([y('mon'), x]), [], 'no connection is matched by both: harmless');
});

// ClusterNetworkPolicy on its own terms: every action in every tier, against each NetworkPolicy
// situation, in both directions (admin-network-policy-semantics.md §6, §7.2, §10), with the tier
// chain each verdict reports, and the connectivity map agreeing with every verdict.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileCluster, connectivity, evaluate } from '../../src/engine/index.js';
import { containsPort } from '../../src/algebra/port-set.js';
import type { Direction } from '../../src/model/common.js';
import type { ClusterActionText } from '../../src/model/cluster-policy.js';
import type { NetworkPolicy } from '../../src/model/network-policy.js';
import { podPeer, policy, rule, selector } from '../helpers/builders.js';
import { cnp, crule, nsPeer } from './cluster-policy-builders.js';
import { a1, b1, fixture } from './admin-fixture.js';

type NetworkPolicySituation = 'no NetworkPolicy' | 'a NetworkPolicy that allows it' | 'a NetworkPolicy that isolates without allowing';
const SITUATIONS: readonly NetworkPolicySituation[] = ['no NetworkPolicy', 'a NetworkPolicy that allows it', 'a NetworkPolicy that isolates without allowing'];

/** The NetworkPolicy at the judged end (a1): for ingress from ns-b, for egress to ns-b. */
function networkPolicies(situation: NetworkPolicySituation, direction: Direction): NetworkPolicy[] {
  if (situation === 'no NetworkPolicy') return [];
  const toB = [rule([podPeer(undefined, selector({ team: 'b' }))])];
  const rules = situation === 'a NetworkPolicy that allows it' ? toB : [];
  return [policy('ns-a/np', { policyTypes: [direction], [direction]: rules })];
}

/** Written from §6 and §7.2, independently of the engine: [allowed, tiers consulted]. */
function expected(tier: 'Admin' | 'Baseline', action: ClusterActionText, situation: NetworkPolicySituation): [boolean, string[]] {
  const np = situation === 'no NetworkPolicy' ? 'no-match' : situation === 'a NetworkPolicy that allows it' ? 'allow' : 'deny';
  const decision = action === 'Accept' ? 'allow' : action === 'Deny' ? 'deny' : 'pass';
  if (tier === 'Admin') {
    if (decision !== 'pass') return [decision === 'allow', [`admin:${decision}`]];
    if (np !== 'no-match') return [np === 'allow', ['admin:pass', `networkpolicy:${np}`]];
    return [true, ['admin:pass', 'networkpolicy:no-match', 'baseline:no-match', 'default:allow']];
  }
  if (np !== 'no-match') return [np === 'allow', ['admin:no-match', `networkpolicy:${np}`]];
  const steps = ['admin:no-match', 'networkpolicy:no-match', `baseline:${decision}`];
  if (decision === 'deny') return [false, steps];
  return [true, decision === 'pass' ? [...steps, 'default:allow'] : steps];
}

for (const direction of ['ingress', 'egress'] as const) {
  describe(`ClusterNetworkPolicy ${direction} rules`, () => {
    for (const tier of ['Admin', 'Baseline'] as const) {
      for (const action of ['Accept', 'Deny', 'Pass'] as const) {
        for (const situation of SITUATIONS) {
          const [allowed, steps] = expected(tier, action, situation);
          test(`a ${tier} ${action} with ${situation} ${allowed ? 'allows' : 'denies'}: ${steps.join(' -> ')}`, () => {
            const peer = nsPeer({ team: 'b' }); // ns-b is the source for ingress, the destination for egress
            const cnpPolicy = cnp('c', tier, 10, { namespaces: selector({ team: 'a' }), [direction]: [crule(action, [peer])] });
            const c = fixture([cnpPolicy], networkPolicies(situation, direction));
            const compiled = compileCluster(c);
            const [from, to] = direction === 'ingress' ? [b1, a1] : [a1, b1];
            const v = evaluate(compiled, { from: { kind: 'pod', pod: from }, to: { kind: 'pod', pod: to }, port: 80, protocol: 'TCP' });
            assert.equal(v.allowed, allowed);
            assert.deepEqual(v[direction].tiers.map((s) => `${s.tier}:${s.decision}`), steps);
            const map = connectivity(compiled, { level: 'pod' });
            const edge = map.connections.find((e) => e.from === `${from.namespace}/${from.name}` && e.to === `${to.namespace}/${to.name}`);
            assert.equal(edge !== undefined && containsPort(edge.allow, 'TCP', 80), allowed, 'connectivity agrees');
          });
        }
      }
    }
  });
}

test('a baseline Pass skips later baseline policies, however they would decide', () => {
  const pass = cnp('first', 'Baseline', 1, { namespaces: selector({ team: 'a' }), ingress: [crule('Pass', [nsPeer({ team: 'b' })])] });
  const deny = cnp('second', 'Baseline', 2, { namespaces: selector({ team: 'a' }), ingress: [crule('Deny', [nsPeer()])] });
  const v = evaluate(compileCluster(fixture([pass, deny])), { from: { kind: 'pod', pod: b1 }, to: { kind: 'pod', pod: a1 }, port: 80, protocol: 'TCP' });
  assert.equal(v.allowed, true);
  assert.equal(v.ingress.tiers[2]?.tier === 'baseline' && v.ingress.tiers[2].rule?.policy.name, 'first');
});

test('an admin Pass skips every later admin policy, of any priority', () => {
  const pass = cnp('pass', 'Admin', 1, { namespaces: selector({ team: 'a' }), ingress: [crule('Pass', [nsPeer({ team: 'b' })])] });
  const deny = cnp('deny', 'Admin', 2, { namespaces: selector({ team: 'a' }), ingress: [crule('Deny', [nsPeer()])] });
  const v = evaluate(compileCluster(fixture([deny, pass])), { from: { kind: 'pod', pod: b1 }, to: { kind: 'pod', pod: a1 }, port: 80, protocol: 'TCP' });
  assert.equal(v.allowed, true);
});

test('protocols narrow a rule: the ports outside fall through to the next rule', () => {
  const c = cnp('web-only', 'Admin', 1, {
    namespaces: selector({ team: 'a' }),
    ingress: [crule('Accept', [nsPeer({ team: 'b' })], { ports: [{ protocol: 'TCP', port: 80 }] }), crule('Deny', [nsPeer({ team: 'b' })])],
  });
  const compiled = compileCluster(fixture([c]));
  const on = (port: number, protocol: 'TCP' | 'UDP') =>
    evaluate(compiled, { from: { kind: 'pod', pod: b1 }, to: { kind: 'pod', pod: a1 }, port, protocol }).allowed;
  assert.equal(on(80, 'TCP'), true);
  assert.equal(on(80, 'UDP'), false);
  assert.equal(on(443, 'TCP'), false);
  const map = connectivity(compiled, { level: 'pod' });
  const edge = map.connections.find((e) => e.from === 'ns-b/b1' && e.to === 'ns-a/a1');
  assert.deepEqual(edge?.allow, { TCP: [[80, 80]], UDP: [], SCTP: [] });
});

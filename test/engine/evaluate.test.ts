// The worked examples of network-policy-semantics.md §8, plus the isolation rules of §4, as claims.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileCluster, evaluate, type Endpoint, type Verdict } from '../../src/engine/index.js';
import type { Cluster, Pod } from '../../src/model/cluster.js';
import type { Protocol } from '../../src/model/common.js';
import type { NetworkPolicy } from '../../src/model/network-policy.js';
import { cluster, ipBlock, namespace, pod, podPeer, policy, port, rule, selector } from '../helpers/builders.js';

const web = pod('a/web', { app: 'web' }, { ports: [port(8080, 'http')], ips: ['10.1.2.5'] });
const aCli = pod('a/cli', { app: 'cli' }, { ips: ['10.1.3.5'] });
const bCli = pod('b/cli', { app: 'cli', role: 'client' });
const world = (policies: NetworkPolicy[], nsB: Record<string, string> = { team: 'y' }): Cluster =>
  cluster({ namespaces: [namespace('a', { team: 'x' }), namespace('b', nsB)], pods: [web, aCli, bCli], policies });

function verdict(c: Cluster, from: Pod | string, to: Pod | string, p: number, protocol: Protocol = 'TCP'): Verdict {
  const end = (e: Pod | string): Endpoint => (typeof e === 'string' ? { kind: 'external', ip: e } : { kind: 'pod', pod: e });
  return evaluate(compileCluster(c), { from: end(from), to: end(to), port: p, protocol });
}

test('with no policy every connection is allowed and neither end is isolated', () => {
  const v = verdict(world([]), aCli, web, 80);
  assert.equal(v.allowed, true);
  assert.equal(v.egress.reason, 'not-isolated');
  assert.equal(v.ingress.reason, 'not-isolated');
});

test('§8.1 deny all ingress isolates every pod of the namespace for ingress only', () => {
  const c = world([policy('a/deny', {})]);
  const v = verdict(c, bCli, web, 8080);
  assert.equal(v.allowed, false);
  assert.equal(v.ingress.reason, 'no-rule-matched');
  assert.deepEqual(v.ingress.selectingPolicies.map((p) => p.name), ['deny']);
  assert.equal(verdict(c, web, bCli, 80).allowed, true, 'egress untouched');
});

test('§8.1 a pod can always reach itself', () => {
  const v = verdict(world([policy('a/deny', { policyTypes: ['ingress', 'egress'] })]), web, web, 8080);
  assert.equal(v.allowed, true);
  assert.equal(v.ingress.reason, 'self');
});

test('§8.2 egress: [] without policyTypes is a deny-all-ingress policy, egress stays open', () => {
  const c = world([policy('a/wrong', { egress: [] })]);
  assert.equal(verdict(c, web, bCli, 80).allowed, true);
  assert.equal(verdict(c, bCli, web, 80).allowed, false);
});

test('§8.3 podSelector and namespaceSelector in one peer are ANDed', () => {
  const and = policy('a/and', {
    podSelector: selector({ app: 'web' }),
    ingress: [rule([podPeer(selector({ role: 'client' }), selector({ user: 'alice' }))])],
  });
  assert.equal(verdict(world([and]), bCli, web, 8080).allowed, false, 'namespace b lacks user=alice');
  assert.equal(verdict(world([and], { user: 'alice' }), bCli, web, 8080).allowed, true);
});

test('§2.5 podSelector and namespaceSelector in two peers are ORed', () => {
  const or = policy('a/or', {
    podSelector: selector({ app: 'web' }),
    ingress: [rule([podPeer(undefined, selector({ user: 'alice' })), podPeer(selector({ role: 'client' }))])],
  });
  assert.equal(verdict(world([or], { user: 'alice' }), bCli, web, 8080).allowed, true, 'via the namespace peer');
  assert.equal(verdict(world([or]), bCli, web, 8080).allowed, false, 'podSelector alone means the policy namespace');
});

test('§8.4 a named ingress port resolves on the destination pod, protocol-aware', () => {
  const c = world([policy('a/named', { podSelector: selector({ app: 'web' }), ingress: [rule(undefined, [{ port: 'http' }])] })]);
  assert.equal(verdict(c, bCli, web, 8080).allowed, true);
  assert.equal(verdict(c, bCli, web, 80).allowed, false);
  assert.equal(verdict(c, bCli, web, 8080, 'UDP').allowed, false);
});

test('§8.5 a named egress port resolves on the remote pod and never on an external address', () => {
  const c = world([policy('b/egress', { policyTypes: ['egress'], egress: [rule(undefined, [{ port: 'http' }])] })]);
  assert.equal(verdict(c, bCli, web, 8080).allowed, true);
  assert.equal(verdict(c, bCli, '198.51.100.7', 8080).allowed, false);
});

test('§8.6 endPort matches an inclusive range', () => {
  const c = world([policy('a/range', { ingress: [rule(undefined, [{ port: 32000, endPort: 32768 }])] })]);
  assert.equal(verdict(c, bCli, web, 32000).allowed, true);
  assert.equal(verdict(c, bCli, web, 32768).allowed, true);
  assert.equal(verdict(c, bCli, web, 32769).allowed, false);
  assert.equal(verdict(c, bCli, web, 31999).allowed, false);
});

test('§8.7 a protocol-only entry matches every port of that protocol and no other protocol', () => {
  const c = world([policy('a/udp', { ingress: [rule(undefined, [{ protocol: 'UDP' }])] })]);
  assert.equal(verdict(c, bCli, web, 5353, 'UDP').allowed, true);
  assert.equal(verdict(c, bCli, web, 5353, 'TCP').allowed, false);
});

test('§8.8 an except removes addresses from its own peer only', () => {
  const c = world([
    policy('a/out', {
      policyTypes: ['egress'],
      egress: [rule([ipBlock('10.0.0.0/8', ['10.1.0.0/16']), ipBlock('10.1.2.0/24')])],
    }),
  ]);
  assert.equal(verdict(c, aCli, '10.1.2.5', 80).allowed, true);
  assert.equal(verdict(c, aCli, '10.1.3.5', 80).allowed, false);
  assert.equal(verdict(c, aCli, '10.2.0.1', 80).allowed, true);
});

test('§2.6 ipBlocks match pod IPs by default and not when the option says so', () => {
  const p = policy('a/in', { podSelector: selector({ app: 'web' }), ingress: [rule([ipBlock('10.1.3.0/24')])] });
  assert.equal(verdict(world([p]), aCli, web, 8080).allowed, true);
  const off = evaluate(compileCluster(world([p]), { ipBlockMatchesPodIPs: false }), {
    from: { kind: 'pod', pod: aCli },
    to: { kind: 'pod', pod: web },
    port: 8080,
    protocol: 'TCP',
  });
  assert.equal(off.allowed, false);
});

test('§8.9 ingress rules of a policy whose policyTypes is [Egress] are ignored', () => {
  const c = world([policy('a/eg', { policyTypes: ['egress'], ingress: [rule([podPeer(selector({ app: 'none' }))])] })]);
  const v = verdict(c, bCli, web, 8080);
  assert.equal(v.allowed, true);
  assert.equal(v.ingress.reason, 'not-isolated');
});

test('§8.10 both ends: a policy in a can never open ingress of b/cli', () => {
  const c = world([
    policy('b/deny', {}),
    policy('a/open', { policyTypes: ['ingress', 'egress'], ingress: [rule()], egress: [rule()] }),
  ]);
  const v = verdict(c, aCli, bCli, 80);
  assert.equal(v.allowed, false);
  assert.equal(v.egress.reason, 'allowed-by-rule');
  assert.equal(v.ingress.reason, 'no-rule-matched');
});

test('§8.11 NotIn selects namespaces that do not have the key', () => {
  const c = world([
    policy('a/notin', {
      ingress: [rule([podPeer(undefined, selector({}, [{ key: 'env', operator: 'NotIn', values: ['prod'] }]))])],
    }),
  ]);
  assert.equal(verdict(c, bCli, web, 8080).allowed, true);
});

test('an allowing verdict names the policy, rule, peer and port entry', () => {
  const c = world([
    policy('a/db', {
      podSelector: selector({ app: 'web' }),
      ingress: [rule([podPeer(selector({ app: 'nobody' }))]), rule([podPeer(selector({ app: 'cli' }))], [{ port: 53 }, { port: 8080 }])],
    }),
  ]);
  const v = verdict(c, aCli, web, 8080);
  assert.equal(v.allowed, true);
  assert.deepEqual(
    v.ingress.allowedBy.map((r) => [r.policy.name, r.ruleIndex, r.peerIndex, r.portIndex]),
    [['db', 1, 0, 1]],
  );
});

test('external sources are matched only by ipBlock peers or an empty from', () => {
  const c = world([policy('a/pods', { ingress: [rule([podPeer(undefined, selector())])] })]);
  assert.equal(verdict(c, '198.51.100.7', web, 8080).allowed, false);
  assert.equal(verdict(c, bCli, web, 8080).allowed, true);
});

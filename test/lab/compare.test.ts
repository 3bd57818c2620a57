import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareResults, engineVerdicts, summarize } from '../../src/lab/compare.js';
import type { ProbeResult } from '../../src/lab/dataplane.js';
import type { PlannedProbe } from '../../src/lab/probe-plan.js';
import { buildTopology } from '../../src/lab/topology.js';
import { cluster, ipBlock, pod, policy, rule, selector } from '../helpers/builders.js';

const topology = buildTopology('t', [
  { kind: 'pod', identity: 'ns/a', netnsSuffix: 'a', addresses: ['10.244.0.2', 'fd00:10:244::2'] },
  { kind: 'pod', identity: 'ns/b', netnsSuffix: 'b', addresses: ['10.244.0.3', 'fd00:10:244::3'] },
], ['10.244.0.0/16']);
const v4: PlannedProbe = { from: 0, to: '10.244.0.3', toHost: 1, family: 4, port: 80, protocol: 'TCP' };
const v6: PlannedProbe = { ...v4, to: 'fd00:10:244::3', family: 6 };

const row = (result: ProbeResult, engineAllows: boolean, deny: 'drop' | 'reject') => compareResults(topology, [v4], [result], [engineAllows], deny)[0];

test('an answer from the destination agrees with an allowed verdict; from another host it is a fault', () => {
  assert.equal(row({ outcome: 'answered', answer: 'netwarden-lab ns/b' }, true, 'drop')?.agree, true);
  const wrong = row({ outcome: 'answered', answer: 'netwarden-lab ns/a' }, true, 'drop');
  assert.equal(wrong?.observed, 'wrong-answer');
  assert.equal(wrong?.agree, false);
});

test('with drop a timeout is a denial and a refusal a fault; with reject a refusal (TCP reset) is a denial and a timeout a fault', () => {
  assert.equal(row({ outcome: 'timeout' }, false, 'drop')?.agree, true);
  assert.equal(row({ outcome: 'refused' }, false, 'drop')?.agree, false);
  assert.equal(row({ outcome: 'refused' }, false, 'reject')?.observed, 'rejected');
  assert.equal(row({ outcome: 'refused' }, false, 'reject')?.agree, true);
  assert.equal(row({ outcome: 'timeout' }, false, 'reject')?.agree, false);
});

test('a probe blocked at its source (EPERM) is a denial', () => {
  assert.equal(row({ outcome: 'blocked' }, false, 'drop')?.agree, true);
  assert.equal(summarize([row({ outcome: 'blocked' }, true, 'drop') ?? assert.fail()]).disagreements, 1);
});

test('the engine is asked per address family: an IPv6 ipBlock does not open an IPv4 connection of a dual-stack pod', () => {
  const a = pod('ns/a', { app: 'a' }, { ips: ['10.244.0.2', 'fd00:10:244::2'] });
  const b = pod('ns/b', { app: 'b' }, { ips: ['10.244.0.3', 'fd00:10:244::3'] });
  const c = cluster({ pods: [a, b], policies: [policy('ns/v6-only', { podSelector: selector({ app: 'b' }), ingress: [rule([ipBlock('fd00:10:244::2/128')])] })] });
  assert.deepEqual(engineVerdicts(c, topology, [v4, v6], { ipBlockMatchesPodIPs: true, networksMatchPodIPs: true }), [false, true]);
});

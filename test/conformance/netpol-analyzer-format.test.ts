import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConnectivityMap, MapEndpoint } from '../../src/engine/index.js';
import type { NetworkPolicy } from '../../src/model/network-policy.js';
import { blockIntervals, disjointRanges, formatRange } from './ipv4-ranges.js';
import { connlistLines, formatConns, includePair, NO_FOCUS, type ConnlistPeer, type PortRanges } from './netpol-analyzer-format.js';

const FULL: [number, number][] = [[1, 65535]];
const ports = (p: Partial<PortRanges>): PortRanges => ({ TCP: [], UDP: [], SCTP: [], ...p });

test('all three protocols fully open is written "All Connections"', () => {
  assert.equal(formatConns(ports({ TCP: FULL, UDP: FULL, SCTP: FULL })), 'All Connections');
});

test('one fully open protocol is written as its full range', () => {
  assert.equal(formatConns(ports({ TCP: FULL })), 'TCP 1-65535');
});

test('protocol groups are sorted SCTP < TCP < UDP with no spaces after commas', () => {
  const all = ports({ SCTP: [[1, 9002], [9004, 65535]], TCP: [[1, 79], [81, 65535]], UDP: [[1, 52], [54, 65535]] });
  assert.equal(formatConns(all), 'SCTP 1-9002,9004-65535,TCP 1-79,81-65535,UDP 1-52,54-65535');
  assert.equal(formatConns(ports({ UDP: [[80, 80], [5000, 6000]], TCP: [[8080, 8080]] })), 'TCP 8080,UDP 80,5000-6000');
});

test('nothing open is the empty string (such pairs are not listed)', () => {
  assert.equal(formatConns(ports({})), '');
});

test('disjoint ranges match upstream TestDisjointIpBlocks for 0.0.0.0/0 minus three excepts', () => {
  const blocks = blockIntervals('0.0.0.0/0', ['10.0.0.0/8', '172.21.0.0/16', '172.30.0.0/16'])!;
  assert.deepEqual(disjointRanges(blocks).map(formatRange), [
    '0.0.0.0-9.255.255.255',
    '10.0.0.0-10.255.255.255',
    '11.0.0.0-172.20.255.255',
    '172.21.0.0-172.21.255.255',
    '172.22.0.0-172.29.255.255',
    '172.30.0.0-172.30.255.255',
    '172.31.0.0-255.255.255.255',
  ]);
});

test('host bits of a sloppy cidr are masked', () => {
  assert.deepEqual(blockIntervals('10.1.2.3/8', [])!.map(formatRange), ['10.0.0.0-10.255.255.255']);
});

const peer = (namespace: string, name: string): ConnlistPeer => ({ text: `${namespace}/${name}[Deployment]`, name, namespace });
const ip: ConnlistPeer = { text: '0.0.0.0-255.255.255.255[External]', name: '', namespace: '' };

test('a focus workload matches by bare name or by ns/name', () => {
  const focus = { ...NO_FOCUS, focusworkload: ['emailservice'] };
  assert.equal(includePair(peer('default', 'checkout'), peer('default', 'emailservice'), focus), true);
  assert.equal(includePair(peer('default', 'checkout'), peer('default', 'cart'), focus), false);
  const qualified = { ...NO_FOCUS, focusworkload: ['default/emailservice'] };
  assert.equal(includePair(peer('default', 'emailservice'), ip, qualified), true);
  assert.equal(includePair(peer('other', 'emailservice'), ip, qualified), false);
});

test('a focus direction keeps only lines leaving (egress) or entering (ingress) the focus workload', () => {
  const egress = { ...NO_FOCUS, focusworkload: ['a'], focusDirection: 'egress' as const };
  assert.equal(includePair(peer('x', 'a'), peer('x', 'b'), egress), true);
  assert.equal(includePair(peer('x', 'b'), peer('x', 'a'), egress), false);
  const ingress = { ...NO_FOCUS, focusworkload: ['a'], focusDirection: 'ingress' as const };
  assert.equal(includePair(peer('x', 'b'), peer('x', 'a'), ingress), true);
});

test('a focus-workload peer restricts the other end of the line', () => {
  const focus = { ...NO_FOCUS, focusworkload: ['a'], focusworkloadPeer: ['b'] };
  assert.equal(includePair(peer('x', 'a'), peer('x', 'b'), focus), true);
  assert.equal(includePair(peer('x', 'c'), peer('x', 'a'), focus), false);
  assert.equal(includePair(ip, peer('x', 'a'), focus), false);
});

function policyWithEgressBlock(cidr: string, except: string[]): NetworkPolicy {
  const peers = { kind: 'list', items: [{ kind: 'ipBlock', index: 0, cidr, except }] };
  return { ingress: [], egress: [{ index: 0, peers, ports: { kind: 'any' } }] } as unknown as NetworkPolicy;
}

test('netwarden atoms inside one upstream range are merged when they agree, split when they do not', () => {
  const ext = (id: string, start: string, end: string): MapEndpoint =>
    ({ id, kind: 'External', start, end, cidrs: [] }) as unknown as MapEndpoint;
  const wl = (id: string, name: string): MapEndpoint =>
    ({ id, kind: 'Deployment', namespace: 'ns', name, pods: [] }) as unknown as MapEndpoint;
  const map = {
    level: 'workload',
    endpoints: [
      wl('w1', 'web'), wl('w2', 'db'),
      ext('a1', '0.0.0.0', '9.255.255.255'), ext('a2', '10.0.0.0', '10.255.255.255'), ext('a3', '11.0.0.0', '255.255.255.255'),
    ],
    connections: [
      { from: 'a1', to: 'w1', allow: ports({ TCP: [[80, 80]] }) },
      { from: 'a2', to: 'w1', allow: ports({ TCP: [[80, 80]] }) },
      { from: 'a3', to: 'w1', allow: ports({ TCP: [[80, 80]] }) },
      { from: 'a2', to: 'w2', allow: ports({ TCP: [[80, 80]] }) },
      { from: 'w1', to: 'a1', allow: ports({ UDP: [[53, 53]] }) },
      { from: 'w2', to: 'w1', allow: ports({ TCP: FULL, UDP: FULL, SCTP: FULL }) },
    ],
  } as unknown as ConnectivityMap;
  // upstream cuts sources at ingress blocks only (none here): the three atoms that agree about web
  // become one range; db is reachable from one atom only, so its line keeps netwarden's atom (and
  // would show in a diff). Destinations are cut at the egress block 10.0.0.0/8, as netwarden does.
  const { lines } = connlistLines(map, [policyWithEgressBlock('10.0.0.0/8', [])]);
  assert.deepEqual(lines, [
    '0.0.0.0-255.255.255.255[External] => ns/web[Deployment] : TCP 80',
    '10.0.0.0-10.255.255.255[External] => ns/db[Deployment] : TCP 80',
    'ns/db[Deployment] => ns/web[Deployment] : All Connections',
    'ns/web[Deployment] => 0.0.0.0-9.255.255.255[External] : UDP 53',
  ]);
});

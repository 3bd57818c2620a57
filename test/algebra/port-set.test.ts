import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ALL_PORTS, EMPTY_PORT_SET, allPortsOf, containsPort, equalPortSets, intersectPorts, isAllPorts, isEmptyPortSet,
  normalizeRanges, portSetKey, portSetOf, subtractPorts, unionPorts, type PortSet,
} from '../../src/algebra/port-set.js';

const tcp = (from: number, to: number) => portSetOf('TCP', from, to);
const udp = (from: number, to: number) => portSetOf('UDP', from, to);

describe('port set construction', () => {
  it('the shared empty and full sets are frozen all the way down', () => {
    for (const set of [EMPTY_PORT_SET, ALL_PORTS, allPortsOf('UDP')]) {
      assert.ok(Object.isFrozen(set) && Object.isFrozen(set.TCP) && set.TCP.every((r) => Object.isFrozen(r)));
    }
  });
  it('portSetOf clamps to 1..65535', () => {
    assert.deepEqual(tcp(0, 70000).TCP, [[1, 65535]]);
    assert.deepEqual(tcp(-5, 3).TCP, [[1, 3]]);
    assert.deepEqual(tcp(65535, 99999).TCP, [[65535, 65535]]);
  });
  it('portSetOf is empty when from is above to, or out of range, or not a number', () => {
    assert.equal(tcp(81, 80), EMPTY_PORT_SET);
    assert.equal(tcp(65536, 70000), EMPTY_PORT_SET);
    assert.equal(tcp(-10, 0), EMPTY_PORT_SET);
    assert.equal(tcp(Number.NaN, 80), EMPTY_PORT_SET);
  });
  it('portSetOf over the whole range is the shared all-ports set of that protocol', () => {
    assert.equal(tcp(1, 65535), allPortsOf('TCP'));
    assert.deepEqual(allPortsOf('SCTP'), { TCP: [], UDP: [], SCTP: [[1, 65535]] });
  });
  it('normalizeRanges sorts, merges overlapping and adjacent ranges, drops empty ones', () => {
    assert.deepEqual(normalizeRanges([[10, 20], [1, 3], [4, 5], [15, 30], [40, 39], [0, 0]]), [[1, 5], [10, 30]]);
    assert.deepEqual(normalizeRanges([]), []);
  });
  it('normalizeRanges does not modify its input', () => {
    const input = Object.freeze([Object.freeze([5, 6] as const), Object.freeze([1, 2] as const)]);
    assert.deepEqual(normalizeRanges(input), [[1, 2], [5, 6]]);
  });
});

describe('port set operations', () => {
  it('union merges adjacent ranges into one', () => {
    assert.deepEqual(unionPorts(tcp(1, 79), tcp(80, 80)).TCP, [[1, 80]]);
  });
  it('union keeps protocols apart', () => {
    const both = unionPorts(tcp(53, 53), udp(53, 53));
    assert.deepEqual(both, { TCP: [[53, 53]], UDP: [[53, 53]], SCTP: [] });
  });
  it('union of the three full protocols is the shared ALL_PORTS', () => {
    assert.equal(unionPorts(unionPorts(allPortsOf('TCP'), allPortsOf('UDP')), allPortsOf('SCTP')), ALL_PORTS);
  });
  it('intersection keeps only common ports of the same protocol', () => {
    assert.deepEqual(intersectPorts(unionPorts(tcp(1, 10), tcp(20, 30)), tcp(5, 25)).TCP, [[5, 10], [20, 25]]);
    assert.equal(intersectPorts(tcp(1, 100), udp(1, 100)), EMPTY_PORT_SET);
  });
  it('subtracting one port splits a range in two', () => {
    assert.equal(portSetKey(subtractPorts(allPortsOf('TCP'), tcp(80, 80))), 'T1-79,81-65535|U|S');
  });
  it('subtracting a range that spans several ranges removes all of them', () => {
    const a = unionPorts(unionPorts(tcp(1, 5), tcp(10, 15)), tcp(20, 25));
    assert.deepEqual(subtractPorts(a, tcp(3, 22)).TCP, [[1, 2], [23, 25]]);
  });
  it('subtracting everything gives the shared empty set', () => {
    assert.equal(subtractPorts(tcp(1, 100), ALL_PORTS), EMPTY_PORT_SET);
  });
  it('operations never modify their inputs', () => {
    const a = unionPorts(tcp(1, 10), udp(5, 6));
    const before = portSetKey(a);
    unionPorts(a, tcp(11, 20));
    intersectPorts(a, tcp(3, 4));
    subtractPorts(a, tcp(2, 2));
    assert.equal(portSetKey(a), before);
  });
});

describe('port set queries', () => {
  const sample: PortSet = unionPorts(unionPorts(tcp(80, 80), tcp(443, 443)), tcp(8000, 8999));
  it('containsPort finds ports inside any range and nothing else', () => {
    for (const port of [80, 443, 8000, 8500, 8999]) assert.equal(containsPort(sample, 'TCP', port), true, `${port}`);
    for (const port of [1, 79, 81, 442, 7999, 9000, 65535]) assert.equal(containsPort(sample, 'TCP', port), false, `${port}`);
    assert.equal(containsPort(sample, 'UDP', 80), false);
  });
  it('isEmptyPortSet and isAllPorts recognise sets built any way', () => {
    assert.equal(isEmptyPortSet(subtractPorts(tcp(1, 10), tcp(1, 10))), true);
    assert.equal(isEmptyPortSet(tcp(1, 1)), false);
    assert.equal(isAllPorts(subtractPorts(ALL_PORTS, EMPTY_PORT_SET)), true);
    assert.equal(isAllPorts(allPortsOf('TCP')), false);
  });
  it('equal sets built differently are equal and have the same key', () => {
    const a = unionPorts(tcp(1, 5), tcp(6, 10));
    const b = subtractPorts(tcp(1, 20), tcp(11, 20));
    assert.equal(equalPortSets(a, b), true);
    assert.equal(portSetKey(a), portSetKey(b));
    assert.equal(equalPortSets(a, tcp(1, 9)), false);
  });
  it('portSetKey prints single ports without a dash and every protocol', () => {
    assert.equal(portSetKey(unionPorts(sample, udp(53, 53))), 'T80,443,8000-8999|U53|S');
    assert.equal(portSetKey(EMPTY_PORT_SET), 'T|U|S');
    assert.equal(portSetKey(ALL_PORTS), 'T1-65535|U1-65535|S1-65535');
  });
});

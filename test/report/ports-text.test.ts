import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALL_PORTS, EMPTY_PORT_SET, allPortsOf, portSetOf, unionPorts } from '../../src/algebra/port-set.js';
import { formatPolicyPort, formatPortSet } from '../../src/report/ports-text.js';

test('every port of every protocol reads "all"', () => {
  assert.equal(formatPortSet(ALL_PORTS), 'all');
});

test('ports list by protocol, single ports and ranges, a whole protocol as PROTOCOL/all', () => {
  const ports = unionPorts(unionPorts(portSetOf('TCP', 80, 80), portSetOf('TCP', 8000, 8080)), allPortsOf('UDP'));
  assert.equal(formatPortSet(ports), 'TCP/80, TCP/8000-8080, UDP/all');
});

test('an empty port set reads "none"', () => {
  assert.equal(formatPortSet(EMPTY_PORT_SET), 'none');
});

test('a policy port entry: number, range, name, or protocol alone', () => {
  const source = { file: 'p.yaml', line: 3 };
  assert.equal(formatPolicyPort({ index: 0, protocol: 'TCP', port: { kind: 'range', from: 443, to: 443 }, source }), 'TCP/443');
  assert.equal(formatPolicyPort({ index: 0, protocol: 'TCP', port: { kind: 'range', from: 30000, to: 32767 }, source }), 'TCP/30000-32767');
  assert.equal(formatPolicyPort({ index: 0, protocol: 'SCTP', port: { kind: 'named', name: 'sig' }, source }), 'SCTP/sig');
  assert.equal(formatPolicyPort({ index: 0, protocol: 'UDP', port: { kind: 'all' }, source }), 'UDP/all');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALL_PORTS, portSetOf, unionPorts } from '../../src/algebra/port-set.js';
import type { ConnectivityMap } from '../../src/engine/types.js';
import { formatters } from '../../src/report/index.js';

const map: ConnectivityMap = {
  level: 'workload',
  endpoints: [
    { id: '0.0.0.0/0', kind: 'External', start: '0.0.0.0', end: '255.255.255.255', cidrs: ['0.0.0.0/0'] },
    { id: 'shop/deployment/api', kind: 'Deployment', namespace: 'shop', name: 'api', pods: ['shop/api-0'] },
    { id: 'shop/deployment/web', kind: 'Deployment', namespace: 'shop', name: 'web', pods: ['shop/web-0', 'shop/web-1'] },
  ],
  connections: [
    { from: '0.0.0.0/0', to: 'shop/deployment/web', allow: portSetOf('TCP', 443, 443) },
    { from: 'shop/deployment/web', to: '0.0.0.0/0', allow: ALL_PORTS },
    { from: 'shop/deployment/web', to: 'shop/deployment/api', allow: unionPorts(portSetOf('TCP', 8080, 8090), portSetOf('UDP', 53, 53)) },
  ],
};

test('the JSON map lists endpoints and connections one per line, protocols without ports left out', () => {
  assert.equal(
    formatters.map.json(map),
    [
      '{',
      '  "level": "workload",',
      '  "endpoints": [',
      '    {"id":"0.0.0.0/0","kind":"External","cidrs":["0.0.0.0/0"]},',
      '    {"id":"shop/deployment/api","kind":"Deployment","namespace":"shop","name":"api"},',
      '    {"id":"shop/deployment/web","kind":"Deployment","namespace":"shop","name":"web"}',
      '  ],',
      '  "connections": [',
      '    {"from":"0.0.0.0/0","to":"shop/deployment/web","allow":{"TCP":[[443,443]]}},',
      '    {"from":"shop/deployment/web","to":"0.0.0.0/0","allow":{"TCP":[[1,65535]],"UDP":[[1,65535]],"SCTP":[[1,65535]]}},',
      '    {"from":"shop/deployment/web","to":"shop/deployment/api","allow":{"TCP":[[8080,8090]],"UDP":[[53,53]]}}',
      '  ]',
      '}',
      '',
    ].join('\n'),
  );
});

test('the JSON map is valid JSON, also when it has no connections', () => {
  const empty = formatters.map.json({ level: 'pod', endpoints: [], connections: [] });
  assert.deepEqual(JSON.parse(empty), { level: 'pod', endpoints: [], connections: [] });
  assert.equal(JSON.parse(formatters.map.json(map)).connections.length, 3);
});

test('the table groups rows by source and says "all" for every port', () => {
  assert.equal(
    formatters.map.table(map),
    [
      'FROM                 TO                   PORTS',
      '0.0.0.0/0            shop/deployment/web  TCP/443',
      'shop/deployment/web  0.0.0.0/0            all',
      '                     shop/deployment/api  TCP/8080-8090, UDP/53',
      '',
      '3 connections between 3 endpoints (workload level); pairs not listed allow nothing.',
      '',
    ].join('\n'),
  );
});

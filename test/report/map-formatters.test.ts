import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ALL_PORTS, EMPTY_PORT_SET, portSetOf, unionPorts } from '../../src/algebra/port-set.js';
import type { PortSet } from '../../src/algebra/port-set.js';
import type { ConnectivityMap, MapConnection, MapEndpoint } from '../../src/engine/types.js';
import { DEFAULT_CHUNK_LENGTH, formatToString, formatters } from '../../src/report/index.js';
import type { FormatOptions } from '../../src/report/index.js';
import { referenceMapJson, referenceMapTable } from './map-reference.js';

const map: ConnectivityMap = {
  level: 'workload',
  endpoints: [
    { id: 'shop/deployment/api', kind: 'Deployment', namespace: 'shop', name: 'api', pods: ['shop/api-0'] },
    { id: 'shop/deployment/web', kind: 'Deployment', namespace: 'shop', name: 'web', pods: ['shop/web-0', 'shop/web-1'] },
    { id: '0.0.0.0/0', kind: 'External', start: '0.0.0.0', end: '255.255.255.255', cidrs: ['0.0.0.0/0'] },
  ],
  connections: [
    { from: 'shop/deployment/web', to: 'shop/deployment/api', allow: unionPorts(portSetOf('TCP', 8080, 8090), portSetOf('UDP', 53, 53)) },
    { from: 'shop/deployment/web', to: '0.0.0.0/0', allow: ALL_PORTS },
    { from: '0.0.0.0/0', to: 'shop/deployment/web', allow: portSetOf('TCP', 443, 443) },
  ],
};

test('the JSON map lists endpoints and connections one per line, in the map\'s order, protocols without ports left out', () => {
  assert.equal(
    formatToString(formatters.map.json, map),
    [
      '{',
      '  "level": "workload",',
      '  "endpoints": [',
      '    {"id":"shop/deployment/api","kind":"Deployment","namespace":"shop","name":"api"},',
      '    {"id":"shop/deployment/web","kind":"Deployment","namespace":"shop","name":"web"},',
      '    {"id":"0.0.0.0/0","kind":"External","cidrs":["0.0.0.0/0"]}',
      '  ],',
      '  "connections": [',
      '    {"from":"shop/deployment/web","to":"shop/deployment/api","allow":{"TCP":[[8080,8090]],"UDP":[[53,53]]}},',
      '    {"from":"shop/deployment/web","to":"0.0.0.0/0","allow":{"TCP":[[1,65535]],"UDP":[[1,65535]],"SCTP":[[1,65535]]}},',
      '    {"from":"0.0.0.0/0","to":"shop/deployment/web","allow":{"TCP":[[443,443]]}}',
      '  ]',
      '}',
      '',
    ].join('\n'),
  );
});

test('the JSON map is valid JSON, also when it has no connections', () => {
  const empty = formatToString(formatters.map.json, { level: 'pod', endpoints: [], connections: [] });
  assert.deepEqual(JSON.parse(empty), { level: 'pod', endpoints: [], connections: [] });
  assert.equal(JSON.parse(formatToString(formatters.map.json, map)).connections.length, 3);
});

test('the table groups rows by source, in the map\'s order, and says "all" for every port', () => {
  assert.equal(
    formatToString(formatters.map.table, map),
    [
      'FROM                 TO                   PORTS',
      'shop/deployment/web  shop/deployment/api  TCP/8080-8090, UDP/53',
      '                     0.0.0.0/0            all',
      '0.0.0.0/0            shop/deployment/web  TCP/443',
      '',
      '3 connections between 3 endpoints (workload level); pairs not listed allow nothing.',
      '',
    ].join('\n'),
  );
});

describe('streamed map output equals the one-string formatters of before, byte for byte', () => {
  // Ids may hold anything a label or a name can, and more: quotes, backslashes, control
  // characters, line separators, lone surrogates (JSON.stringify escapes them all).
  const id = fc.oneof(fc.string({ unit: 'binary', maxLength: 10 }), fc.constantFrom('ns/a"b', 'back\\slash', 'tab\tnl\n', '\u2028', '\ud800x', '\u{1f600}'));
  const portSet = fc.oneof(
    fc.constantFrom(ALL_PORTS, EMPTY_PORT_SET),
    fc
      .array(fc.tuple(fc.constantFrom('TCP', 'UDP', 'SCTP'), fc.integer({ min: 0, max: 65536 }), fc.integer({ min: 0, max: 300 })), { maxLength: 4 })
      .map((ranges) => ranges.reduce<PortSet>((set, [protocol, from, span]) => unionPorts(set, portSetOf(protocol, from, from + span)), EMPTY_PORT_SET)),
  );
  const endpoint = fc.oneof(
    fc.record({ id, kind: fc.constantFrom('Pod', 'Deployment'), namespace: id, name: id, pods: fc.constant([]) }),
    fc.record({ id, kind: fc.constant('External' as const), start: fc.constant('0.0.0.0'), end: fc.constant('9.255.255.255'), cidrs: fc.array(id, { maxLength: 3 }) }),
  );
  const randomMap = fc
    .record({ ids: fc.array(id, { minLength: 1, maxLength: 6 }), endpoints: fc.array(endpoint, { maxLength: 5 }), portSets: fc.array(portSet, { minLength: 1, maxLength: 4 }) })
    .chain(({ ids, endpoints, portSets }) =>
      fc.record({
        level: fc.constantFrom('pod' as const, 'workload' as const),
        endpoints: fc.constant<readonly MapEndpoint[]>(endpoints),
        // Port sets drawn from a small pool, so that connections share PortSet objects as the engine's do.
        connections: fc.array(fc.record({ from: fc.constantFrom(...ids), to: fc.constantFrom(...ids), allow: fc.constantFrom(...portSets) }), { maxLength: 30 }),
      }),
    );
  const chunkOptions = fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }).map((chunkLength): FormatOptions | undefined => (chunkLength === undefined ? undefined : { chunkLength }));

  test('random maps, JSON and table, any chunk length', () => {
    fc.assert(
      fc.property(randomMap, chunkOptions, (random, options) => {
        assert.equal(formatToString(formatters.map.json, random, options), referenceMapJson(random));
        assert.equal(formatToString(formatters.map.table, random, options), referenceMapTable(random));
      }),
      { numRuns: 300 },
    );
  });

  test(`a map of 20,000 connections comes in chunks of at least ${DEFAULT_CHUNK_LENGTH} characters but the last, none empty`, () => {
    const large = largeMap(400, 20_000);
    for (const [format, reference] of [[formatters.map.json, referenceMapJson], [formatters.map.table, referenceMapTable]] as const) {
      const chunks = [...format(large)];
      assert.equal(chunks.join(''), reference(large));
      assert.ok(chunks.length > 10, `${chunks.length} chunks`);
      assert.ok(chunks.slice(0, -1).every((chunk) => chunk.length >= DEFAULT_CHUNK_LENGTH && chunk.length < DEFAULT_CHUNK_LENGTH + 1000));
      assert.ok(chunks.every((chunk) => chunk.length > 0));
    }
  });
});

/** A seeded pseudo-random map: `endpointCount` workloads and external ranges, `connectionCount` connections. */
function largeMap(endpointCount: number, connectionCount: number): ConnectivityMap {
  let seed = 42;
  const next = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed % n;
  };
  const endpoints: MapEndpoint[] = Array.from({ length: endpointCount }, (_, i) =>
    i % 10 === 9
      ? { id: `10.${i}.0.0/16`, kind: 'External', start: `10.${i}.0.0`, end: `10.${i}.255.255`, cidrs: [`10.${i}.0.0/16`] }
      : { id: `app-${i % 37}/deployment/svc-${i}`, kind: 'Deployment', namespace: `app-${i % 37}`, name: `svc-${i}`, pods: [] },
  );
  const portSets = [ALL_PORTS, portSetOf('TCP', 8080, 8090), unionPorts(portSetOf('UDP', 53, 53), portSetOf('TCP', 53, 53)), portSetOf('SCTP', 9000, 9000)];
  const connections: MapConnection[] = Array.from({ length: connectionCount }, (_, i) => ({
    from: endpoints[Math.floor((i * endpointCount) / connectionCount)]!.id,
    to: endpoints[next(endpointCount)]!.id,
    allow: next(3) === 0 ? portSetOf('TCP', 1000 + next(500), 2000 + next(500)) : portSets[next(portSets.length)]!,
  }));
  return { level: 'workload', endpoints, connections };
}

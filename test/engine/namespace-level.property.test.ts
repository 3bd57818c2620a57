import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileCluster, connectivity, isExternalEndpoint, type ConnectivityMap } from '../../src/engine/index.js';
import { EMPTY_PORT_SET, equalPortSets, unionPorts, type PortSet } from '../../src/algebra/port-set.js';
import { randomCluster } from './random-cluster.js';

/** The pod-level map folded by hand into namespaces: what the namespace level must say. */
function foldToNamespaces(podMap: ConnectivityMap): Map<string, PortSet> {
  const namespaceOf = new Map(podMap.endpoints.map((e) => [e.id, isExternalEndpoint(e) ? e.id : e.namespace]));
  const folded = new Map<string, PortSet>();
  for (const c of podMap.connections) {
    const from = namespaceOf.get(c.from)!;
    const to = namespaceOf.get(c.to)!;
    if (from === to) continue; // traffic inside a namespace is a self pair at namespace level
    const key = `${from} -> ${to}`;
    folded.set(key, unionPorts(folded.get(key) ?? EMPTY_PORT_SET, c.allow));
  }
  return folded;
}

test('the namespace-level map is the pod-level map folded into namespaces (random clusters)', () => {
  fc.assert(
    fc.property(randomCluster, (cluster) => {
      const compiled = compileCluster(cluster);
      const expected = foldToNamespaces(connectivity(compiled, { level: 'pod' }));
      const map = connectivity(compiled, { level: 'namespace' });
      assert.equal(map.level, 'namespace');
      const namespaces = [...new Set(cluster.pods.map((p) => p.namespace))].sort();
      assert.deepEqual(map.endpoints.filter((e) => !isExternalEndpoint(e)).map((e) => e.id), namespaces);
      for (const e of map.endpoints) if (!isExternalEndpoint(e)) assert.equal(e.kind, 'Namespace');
      assert.equal(map.connections.length, expected.size);
      for (const c of map.connections) {
        const ports = expected.get(`${c.from} -> ${c.to}`);
        assert.ok(ports !== undefined && equalPortSets(ports, c.allow), `${c.from} -> ${c.to}`);
      }
    }),
    { numRuns: 300 },
  );
});

test('a namespace endpoint lists every pod of its namespace', () => {
  fc.assert(
    fc.property(randomCluster, (cluster) => {
      const map = connectivity(compileCluster(cluster), { level: 'namespace' });
      for (const e of map.endpoints) {
        if (isExternalEndpoint(e)) continue;
        const pods = cluster.pods.filter((p) => p.namespace === e.namespace).map((p) => `${p.namespace}/${p.name}`);
        assert.deepEqual([...e.pods].sort(), pods.sort());
      }
    }),
    { numRuns: 100 },
  );
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { namespaceMap } from '../../src/analysis/namespace-map.js';
import { portSetKey, unionPorts } from '../../src/algebra/port-set.js';
import type { PortSet } from '../../src/algebra/port-set.js';
import { classConnectivity, compileCluster, connectivity, isExternalEndpoint } from '../../src/engine/index.js';
import type { Cluster } from '../../src/model/cluster.js';
import { loadDocuments, loadSources, nodeLoadIO } from '../../src/load/index.js';
import { randomCluster } from '../engine/random-cluster.js';

/** The namespace-level view computed the slow way: from every workload-level connection. */
function fromWorkloadMap(cluster: Cluster): Map<string, { ports: string; pairs: number }> {
  const compiled = compileCluster(cluster);
  const map = connectivity(compiled, { level: 'workload' });
  const namespaceOf = new Map(map.endpoints.map((e) => [e.id, isExternalEndpoint(e) ? e.id : e.namespace]));
  const totals = new Map<string, { ports: PortSet; pairs: number }>();
  for (const c of map.connections) {
    const from = namespaceOf.get(c.from)!;
    const to = namespaceOf.get(c.to)!;
    if (from === to) continue;
    const key = `${from} -> ${to}`;
    const total = totals.get(key);
    totals.set(key, total === undefined ? { ports: c.allow, pairs: 1 } : { ports: unionPorts(total.ports, c.allow), pairs: total.pairs + 1 });
  }
  return new Map([...totals].map(([key, t]) => [key, { ports: portSetKey(t.ports), pairs: t.pairs }]));
}

function fromNamespaceMap(cluster: Cluster): Map<string, { ports: string; pairs: number }> {
  const compiled = compileCluster(cluster);
  const map = namespaceMap(compiled, classConnectivity(compiled));
  return new Map(map.connections.map((c) => [`${c.from} -> ${c.to}`, { ports: portSetKey(c.allow), pairs: c.pairs }]));
}

describe('namespaceMap', () => {
  test('equals the workload-level map aggregated to namespaces (ports united, workload pairs counted), on random clusters', () => {
    fc.assert(
      fc.property(randomCluster, (cluster) => {
        assert.deepEqual(fromNamespaceMap(cluster), fromWorkloadMap(cluster));
      }),
      { numRuns: 300 },
    );
  });

  test('the cluster-wide example: one endpoint per namespace with its pod and workload counts and isolation, then the address ranges', async () => {
    const { cluster } = await loadSources(['examples/cluster-wide'], { defaultNamespace: 'default' }, nodeLoadIO);
    const compiled = compileCluster(cluster);
    const map = namespaceMap(compiled, classConnectivity(compiled));
    const namespaces = map.endpoints.filter((e) => e.kind === 'Namespace');
    assert.deepEqual(
      namespaces.map((e) => e.kind === 'Namespace' && [e.id, e.pods, e.workloads, e.isolated.ingress, e.isolated.egress]),
      [
        ['monitoring', 1, 1, false, false],
        ['partners', 1, 1, false, false],
        ['shop', 2, 2, false, false],
      ],
    );
    assert.ok(map.endpoints.slice(namespaces.length).every((e) => e.kind === 'External'));
    assert.deepEqual(fromNamespaceMap(cluster), fromWorkloadMap(cluster));
    assert.ok(map.connections.some((c) => c.from === 'monitoring' && c.to === 'shop'), 'monitoring reaches shop');
  });

  test("the guide, in one namespace, has only connections with the outside: traffic inside a namespace is a self pair", async () => {
    const { cluster } = await loadSources(['examples/guide'], { defaultNamespace: 'default' }, nodeLoadIO);
    const compiled = compileCluster(cluster);
    const map = namespaceMap(compiled, classConnectivity(compiled));
    assert.deepEqual(
      map.connections.map((c) => [c.from, c.to, c.pairs]),
      [
        ['default', '0.0.0.0/0', 3],
        ['0.0.0.0/0', 'default', 2],
      ],
    );
  });

  test('a namespace is marked isolated for a direction only when a NetworkPolicy selects every one of its pods for it', () => {
    const text = ['a', 'b'].map((ns) => `apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ${ns}, labels: {app: p}}
---
apiVersion: v1
kind: Pod
metadata: {name: q, namespace: ${ns}, labels: {app: q}}
---
`).join('') + `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all, namespace: a}
spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-p, namespace: b}
spec: {podSelector: {matchLabels: {app: p}}}
`;
    const { cluster } = loadDocuments([{ file: 'iso.yaml', text }], { defaultNamespace: 'default' });
    const compiled = compileCluster(cluster);
    const map = namespaceMap(compiled, classConnectivity(compiled));
    const isolation = map.endpoints.flatMap((e) => (e.kind === 'Namespace' ? [[e.id, e.isolated]] : []));
    assert.deepEqual(isolation, [
      ['a', { ingress: true, egress: true }],
      ['b', { ingress: false, egress: false }],
    ]);
  });
});

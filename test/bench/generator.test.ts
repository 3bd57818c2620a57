import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateCluster, type ClusterSpec } from '../../bench/generate/cluster.js';
import { manifestText, MANIFEST_FORMATS } from '../../bench/generate/write-manifests.js';
import { randomStream } from '../../bench/prng.js';
import { loadDocuments } from '../../src/load/index.js';

const SPEC: ClusterSpec = { seed: 7, namespaces: 12, pods: 400, policies: 60 };

function texts(spec: ClusterSpec, format: (typeof MANIFEST_FORMATS)[number]): { file: string; text: string }[] {
  return generateCluster(spec).namespaces.map((ns) => ({ file: `${ns.namespace}.${format}`, text: manifestText(ns, format) }));
}

test('the same seed generates byte-identical manifests', () => {
  assert.deepEqual(texts(SPEC, 'yaml'), texts(SPEC, 'yaml'));
});

test('another seed generates a different cluster of the same size', () => {
  const other = generateCluster({ ...SPEC, seed: 8 });
  assert.notDeepEqual(texts({ ...SPEC, seed: 8 }, 'yaml'), texts(SPEC, 'yaml'));
  assert.equal(other.counts.pods, SPEC.pods);
  assert.equal(other.counts.policies, SPEC.policies);
});

test('the generator reports exactly the requested namespaces, pods and policies', () => {
  const { counts } = generateCluster(SPEC);
  assert.equal(counts.namespaces, SPEC.namespaces);
  assert.equal(counts.pods, SPEC.pods);
  assert.equal(counts.policies, SPEC.policies);
});

for (const format of MANIFEST_FORMATS) {
  test(`generated ${format.toUpperCase()} manifests load without errors into the requested counts`, () => {
    const { cluster, problems } = loadDocuments(texts(SPEC, format), { defaultNamespace: 'default' });
    assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
    assert.equal(cluster.namespaces.filter((ns) => ns.declared).length, SPEC.namespaces);
    assert.equal(cluster.pods.length, SPEC.pods);
    assert.equal(cluster.policies.length, SPEC.policies);
    assert.equal(cluster.workloads.length, generateCluster(SPEC).counts.workloads);
  });
}

test('the policies use every feature the benchmark is meant to exercise', () => {
  const text = texts({ ...SPEC, policies: 400 }, 'json').map((t) => t.text).join('\n');
  for (const feature of ['"matchExpressions"', '"NotIn"', '"Exists"', '"DoesNotExist"', '"endPort"', '"except"', '"ipBlock"', '"namespaceSelector"', '"SCTP"', '"UDP"', '"port": "metrics"', '"Egress"', '2001:db8::/32']) {
    assert.ok(text.includes(feature), `no ${feature} in the generated policies`);
  }
  assert.match(text, /"name": "default-deny-ingress"/);
  assert.match(text, /"name": "default-deny-all"/);
});

test('replicaScale keeps the workloads and policies and multiplies every replica count', () => {
  const base = generateCluster(SPEC);
  const scaled = generateCluster({ ...SPEC, pods: SPEC.pods * 3, replicaScale: 3 });
  assert.equal(scaled.counts.pods, SPEC.pods * 3);
  assert.equal(scaled.counts.workloads, base.counts.workloads);
  const withoutReplicas = (cluster: typeof base): string =>
    JSON.stringify(cluster.namespaces, (key, value: unknown) => (key === 'replicas' ? undefined : value));
  assert.equal(withoutReplicas(scaled), withoutReplicas(base));
  const { cluster, problems } = loadDocuments(texts({ ...SPEC, pods: SPEC.pods * 3, replicaScale: 3 }, 'yaml'), { defaultNamespace: 'default' });
  assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
  assert.equal(cluster.pods.length, SPEC.pods * 3);
});

test('a random stream depends only on its seed and label', () => {
  const draw = (seed: number, label: string): number[] => {
    const random = randomStream(seed, label);
    return Array.from({ length: 5 }, () => random.next());
  };
  assert.deepEqual(draw(1, 'a'), draw(1, 'a'));
  assert.notDeepEqual(draw(1, 'a'), draw(1, 'b'));
  assert.notDeepEqual(draw(1, 'a'), draw(2, 'a'));
  assert.ok(draw(3, 'x').every((n) => n >= 0 && n < 1));
});

test('a spec too small for its system namespaces and pods is refused', () => {
  assert.throws(() => generateCluster({ seed: 1, namespaces: 2, pods: 100, policies: 0 }), /at least 3 namespaces/);
  assert.throws(() => generateCluster({ seed: 1, namespaces: 10, pods: 5, policies: 0 }), /fewer than/);
});

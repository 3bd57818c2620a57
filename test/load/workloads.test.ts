// Workload expansion: each kind becomes its template's pods, `replicas` of them, unless the
// input already holds the pods it controls (then they stand for it and nothing is counted twice).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../../src/model/cluster.js';
import { loadFixture, printed } from './helpers.js';

function load(fixture: string): Cluster {
  const result = loadFixture(fixture);
  assert.deepEqual(printed(result), []);
  return result.cluster;
}

function replicas(cluster: Cluster): Record<string, number> {
  return Object.fromEntries(cluster.workloads.map((w) => [`${w.kind}/${w.name}`, w.replicas]));
}

describe('workload expansion', () => {
  const cluster = load('workloads-of-every-kind.yaml');

  it('each kind asks for its number of pods (replicas, parallelism, one per DaemonSet)', () => {
    assert.deepEqual(replicas(cluster), {
      'Deployment/web': 3,
      'StatefulSet/db': 1,
      'DaemonSet/agent': 1,
      'ReplicaSet/cache': 2,
      'ReplicationController/legacy': 0,
      'Job/migrate': 2,
      'CronJob/backup': 1,
    });
  });

  it('expanded pods are named <workload>-<i> and owned by the workload', () => {
    assert.deepEqual(
      cluster.pods.map((p) => `${p.namespace}/${p.name} <- ${p.owner?.kind}/${p.owner?.name}`),
      [
        'shop/web-0 <- Deployment/web',
        'shop/web-1 <- Deployment/web',
        'shop/web-2 <- Deployment/web',
        'shop/db-0 <- StatefulSet/db',
        'kube-system/agent-0 <- DaemonSet/agent',
        'shop/cache-0 <- ReplicaSet/cache',
        'shop/cache-1 <- ReplicaSet/cache',
        'shop/migrate-0 <- Job/migrate',
        'shop/migrate-1 <- Job/migrate',
        'shop/backup-0 <- CronJob/backup',
      ],
    );
  });

  it('an expanded pod has the template labels and container ports, no IPs', () => {
    const web = cluster.pods[0];
    assert.deepEqual(web?.labels, { app: 'web' });
    assert.deepEqual(web?.ports, [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], 'init containers are not read');
    assert.deepEqual(web?.ips, []);
    assert.deepEqual(web?.source, { file: 'workloads-of-every-kind.yaml', line: 1 });
  });

  it('hostNetwork and CronJob templates come from the right place', () => {
    assert.equal(cluster.pods.find((p) => p.name === 'agent-0')?.hostNetwork, true);
    assert.deepEqual(cluster.pods.find((p) => p.name === 'backup-0')?.ports, [{ name: 'dns', containerPort: 53, protocol: 'UDP' }]);
  });
});

describe('no double counting', () => {
  const cluster = load('owned-pods-are-not-double-counted.yaml');

  it('workloads whose pods are in the input are not expanded', () => {
    assert.deepEqual(cluster.pods.map((p) => p.name), [
      'web-6b7c8d-aaaaa',
      'web-6b7c8d-bbbbb',
      'db-0',
      'api-5f6d9-xyz12',
      'backup-28000000-q7r2s',
      'lonely-0',
      'lonely-1',
    ]);
  });

  it('their replicas count the real pods, through ReplicaSets in the input or recognised by name', () => {
    assert.deepEqual(replicas(cluster), {
      'Deployment/web': 2,
      'ReplicaSet/web-6b7c8d': 2,
      'StatefulSet/db': 1,
      'Deployment/api': 1,
      'CronJob/backup': 1,
      'Deployment/lonely': 2,
    });
  });

  it('real pods keep their direct owner', () => {
    assert.deepEqual(cluster.pods[0]?.owner, { kind: 'ReplicaSet', name: 'web-6b7c8d' });
  });

  it('a ReplicaSet controlled by a Deployment of the input is represented by the Deployment', () => {
    const both = load('deployment-with-its-replicaset-and-no-pods.yaml');
    assert.deepEqual(both.pods.map((p) => p.name), ['web-0', 'web-1']);
    assert.deepEqual(replicas(both), { 'Deployment/web': 2, 'ReplicaSet/web-6b7c8d': 0 });
  });
});

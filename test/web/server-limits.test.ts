// The dashboard on a cluster past its size thresholds: namespace level by default above 500
// workloads, no per-workload pod lists above 2,000 pods, pod level refused above 3,000 pods,
// big bodies gzipped for clients that accept it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { ClusterView, MapView } from '../../src/web/api-types.js';
import { startDashboard } from '../../src/web/server/index.js';
import type { Dashboard } from '../../src/web/server/index.js';
import { memoryLoadIO } from '../cli/fake-io.js';
import { getJson, send } from './server-client.js';

function deployment(namespace: string, name: string, replicas: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: c, image: i, ports: [{containerPort: 80}]}]}
`;
}

// 501 one-pod Deployments in two namespaces, and one of 3,000 pods: 502 workloads, 3,501 pods.
const manifests = [
  ...Array.from({ length: 501 }, (_, i) => deployment(i % 2 === 0 ? 'a' : 'b', `w${i}`, 1)),
  deployment('a', 'big', 3_000),
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: only-a, namespace: b}\nspec:\n  podSelector: {}\n  ingress:\n    - from:\n        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: a}}\n',
].join('---\n');

let dashboard: Dashboard;

before(async () => {
  dashboard = await startDashboard({ inputs: ['big.yaml'], port: 0, loadIO: memoryLoadIO({ 'big.yaml': manifests }), log: () => {} });
});
after(() => dashboard.close());

describe('past the size thresholds', () => {
  test('above 500 workloads the map opens at namespace level; the workload level is still there when asked', async () => {
    const map = await getJson<MapView>(dashboard.url, '/api/map');
    assert.equal(map.level, 'namespace');
    assert.deepEqual(map.connections.filter((c) => c.from === 'a' || c.from === 'b').map((c) => [c.from, c.to, c.pairs]), [
      ['a', 'b', 252 * 250],
      ['a', '0.0.0.0/0', 252],
      ['b', 'a', 250 * 252],
      ['b', '0.0.0.0/0', 250],
    ]);
    const workloads = await getJson<MapView>(dashboard.url, '/api/map?level=workload');
    assert.equal(workloads.endpoints.filter((e) => e.kind === 'Deployment').length, 502);
  });

  test('above 2,000 pods the cluster view leaves out the pod lists, and keeps the counts', async () => {
    const cluster = await getJson<ClusterView>(dashboard.url, '/api/cluster');
    assert.equal(cluster.counts.pods, 3_501);
    assert.ok(cluster.workloads.every((w) => w.pods === undefined));
    assert.equal(cluster.workloads.find((w) => w.name === 'big')?.podCount, 3_000);
  });

  test('above 3,000 pods pod level is a 400 naming the other levels, for the map and the exports', async () => {
    for (const path of ['/api/map?level=pod', '/api/export/map.csv?level=pod']) {
      const reply = await send(dashboard.url, path);
      assert.equal(reply.status, 400, path);
      assert.match(JSON.parse(reply.text).error, /^level pod: the cluster has 3501 pods, over the 3000 .* use level workload or namespace$/);
    }
  });

  test('a large body is gzipped when the client accepts gzip, and is the same JSON', async () => {
    const plain = await send(dashboard.url, '/api/cluster');
    const zipped = await send(dashboard.url, '/api/cluster', { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    const raw = await new Promise<Buffer>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const { hostname, port } = new URL(dashboard.url);
        request({ host: hostname, port, path: '/api/cluster', headers: { 'Accept-Encoding': 'gzip' }, agent: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(Buffer.concat(chunks)));
        }).on('error', reject).end();
      }, reject);
    });
    assert.equal(gunzipSync(raw).toString('utf8'), plain.text);
    assert.ok(raw.length < plain.text.length / 5);
  });
});

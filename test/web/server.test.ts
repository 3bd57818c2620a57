// The dashboard's JSON API on the guide's example, against the CLI's own outputs: the server
// started in-process on a free port, every route asked over HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ClusterView, ExplainView, ExposureView, MapView, WhatIfView } from '../../src/web/api-types.js';
import { startDashboard } from '../../src/web/server/index.js';
import type { Dashboard } from '../../src/web/server/index.js';
import { cliOutput, getJson, postJson, send } from './server-client.js';

const FRONTEND = 'default/deployment/frontend';
const BACKEND = 'default/deployment/backend';
const DATABASE = 'default/deployment/database';
const POLICY = 'default/access-backend-database';

let dashboard: Dashboard;
let url: string;

before(async () => {
  dashboard = await startDashboard({ inputs: ['examples/guide'], port: 0, log: () => {} });
  url = dashboard.url;
});
after(() => dashboard.close());

const pairs = (map: MapView): string[] => map.connections.map((c) => `${c.from} -> ${c.to}`);

describe('GET /api/cluster', () => {
  test('counts, the three Deployments with their pods and isolation, and the policy with its summary and text', async () => {
    const cluster = await getJson<ClusterView>(url, '/api/cluster');
    assert.equal(cluster.version, 1);
    assert.equal(cluster.generation, 1);
    assert.deepEqual(cluster.sources, ['examples/guide']);
    assert.deepEqual(cluster.counts, { namespaces: 1, pods: 9, workloads: 3, policies: 1, clusterPolicies: 0 });
    assert.deepEqual(cluster.problems, []);
    assert.deepEqual(cluster.namespaces, [{ name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' }, podCount: 9, workloadCount: 3 }]);
    assert.deepEqual(cluster.workloads.map((w) => [w.id, w.kind, w.podCount, w.isolated.ingress, w.isolated.egress]), [
      [BACKEND, 'Deployment', 3, false, false],
      [DATABASE, 'Deployment', 3, true, false],
      [FRONTEND, 'Deployment', 3, false, false],
    ]);
    assert.deepEqual(cluster.workloads[1]?.pods, ['database-0', 'database-1', 'database-2']);
    assert.deepEqual(cluster.workloads[1]?.labels, { app: 'database' });
    const [policy] = cluster.policies;
    assert.equal(cluster.policies.length, 1);
    assert.deepEqual({ ...policy, yaml: undefined }, {
      id: POLICY,
      kind: 'NetworkPolicy',
      namespace: 'default',
      name: 'access-backend-database',
      file: 'examples/guide/access-backend-database.yaml',
      line: 1,
      selects: { pods: 3, workloads: [DATABASE] },
      summary: ['pods app=database in default accept ingress only from pods app=backend in default, on any port'],
      yaml: undefined,
    });
    const file = await import('node:fs/promises').then((fs) => fs.readFile('examples/guide/access-backend-database.yaml', 'utf8'));
    assert.equal(policy?.yaml, file.trimEnd(), 'the yaml is the document as written');
  });
});

describe('GET /api/map', () => {
  test('defaults to workload level for a small cluster: the map JSON plus isolation and full; frontend -> database is absent', async () => {
    const map = await getJson<MapView>(url, '/api/map');
    const cli = JSON.parse(await cliOutput(['map', '-f', 'examples/guide', '--level', 'workload', '-o', 'json'])) as MapView;
    assert.equal(map.level, 'workload');
    assert.deepEqual(pairs(map), pairs(cli), 'the same connections as netwarden map, in the same order');
    assert.deepEqual(map.endpoints.map((e) => e.id), cli.endpoints.map((e) => e.id));
    assert.ok(!pairs(map).includes(`${FRONTEND} -> ${DATABASE}`));
    const backendToDatabase = map.connections.find((c) => c.from === BACKEND && c.to === DATABASE);
    assert.deepEqual(backendToDatabase, { from: BACKEND, to: DATABASE, allow: { TCP: [[1, 65535]], UDP: [[1, 65535]], SCTP: [[1, 65535]] }, full: true });
    assert.deepEqual(map.endpoints.find((e) => e.id === DATABASE), { id: DATABASE, kind: 'Deployment', namespace: 'default', name: 'database', isolated: { ingress: true, egress: false } });
  });

  test('level=namespace: one endpoint per namespace with counts; connections with the number of workload pairs', async () => {
    const map = await getJson<MapView>(url, '/api/map?level=namespace');
    assert.equal(map.level, 'namespace');
    assert.deepEqual(map.endpoints, [
      { id: 'default', kind: 'Namespace', namespace: 'default', name: 'default', pods: 9, workloads: 3, isolated: { ingress: false, egress: false } },
      { id: '0.0.0.0/0', kind: 'External', cidrs: ['0.0.0.0/0'] },
    ]);
    assert.deepEqual(map.connections.map((c) => [c.from, c.to, c.pairs, c.full]), [
      ['default', '0.0.0.0/0', 3, true],
      ['0.0.0.0/0', 'default', 2, true],
    ]);
  });

  test('level=pod lists pods; an unknown level is a 400 with a JSON error', async () => {
    const map = await getJson<MapView>(url, '/api/map?level=pod');
    assert.equal(map.level, 'pod');
    assert.equal(map.endpoints.filter((e) => e.kind === 'Pod').length, 9);
    const bad = await send(url, '/api/map?level=galaxy');
    assert.equal(bad.status, 400);
    assert.deepEqual(JSON.parse(bad.text), { error: 'level galaxy: expected namespace, workload or pod' });
  });
});

describe('GET /api/explain', () => {
  test('backend -> database: allowed by access-backend-database, its rule and peer lines highlighted; the result is eval -o json', async () => {
    const query = `from=${BACKEND}&to=${DATABASE}&port=80`;
    const view = await getJson<ExplainView>(url, `/api/explain?${query}`);
    const cliArgs = ['eval', '-f', 'examples/guide', '--from', BACKEND, '--to', DATABASE, '--port', '80'];
    assert.deepEqual(view.result, JSON.parse(await cliOutput([...cliArgs, '-o', 'json'])));
    assert.equal(view.text, await cliOutput(cliArgs));
    assert.equal(view.result.allowed, true);
    assert.deepEqual(view.policies.map((p) => [p.id, p.kind, p.file, p.line, p.firstLine, p.highlight]), [
      [POLICY, 'NetworkPolicy', 'examples/guide/access-backend-database.yaml', 1, 1, [11, 12]],
    ]);
    assert.match(view.policies[0]!.yaml, /^apiVersion: networking\.k8s\.io\/v1\nkind: NetworkPolicy\n/);
    const lines = view.policies[0]!.yaml.split('\n');
    assert.deepEqual([lines[11 - 1], lines[12 - 1]], ['    - from:', '        - podSelector:']);
  });

  test('frontend -> database is denied: no rule of the selecting policy matched; its first line is highlighted', async () => {
    const view = await getJson<ExplainView>(url, `/api/explain?from=${FRONTEND}&to=${DATABASE}`);
    assert.equal(view.result.allowed, false);
    assert.equal(view.result.port, 80, 'without a port: 80, as nothing is allowed');
    assert.equal(view.result.ingress.reason, 'no-rule-matched');
    assert.deepEqual(view.policies.map((p) => [p.id, p.highlight]), [[POLICY, [1]]]);
    assert.match(view.text, /DENIED/);
  });

  test('without a port, one the map allows; an address range id of the map stands for an address in it', async () => {
    const view = await getJson<ExplainView>(url, `/api/explain?from=${encodeURIComponent('0.0.0.0/0')}&to=${FRONTEND}`);
    assert.equal(view.result.allowed, true);
    assert.equal(view.result.port, 80, "the frontend pod's declared container port");
    assert.deepEqual(view.result.from.endpoint, { kind: 'External', ip: '0.0.0.0' });
    assert.equal(view.result.from.input, '0.0.0.0/0');
  });

  test('a namespace id, a missing end, an unknown pod or a bad protocol is a 400 saying why', async () => {
    const cases: [string, string][] = [
      [`from=default&to=${DATABASE}`, 'from: "default" is a namespace; explain a pod or workload in it (NS/NAME or NS/KIND/NAME)'],
      [`to=${DATABASE}`, 'from is required'],
      [`from=${BACKEND}&to=default/nope`, 'to: no pod or workload default/nope in the input'],
      [`from=${BACKEND}&to=${DATABASE}&protocol=ICMP`, 'protocol ICMP: expected one of TCP, UDP, SCTP'],
    ];
    for (const [query, error] of cases) {
      const reply = await send(url, `/api/explain?${query}`);
      assert.equal(reply.status, 400, query);
      assert.deepEqual(JSON.parse(reply.text), { error }, query);
    }
  });
});

describe('POST /api/whatif', () => {
  test('deleting access-backend-database: frontend -> database appears, and the diff is netwarden diff -o json against the guide without it', async () => {
    const reply = await postJson(url, '/api/whatif', { edits: [{ policyId: POLICY, text: '' }] });
    assert.equal(reply.status, 200, reply.text);
    const view = JSON.parse(reply.text) as WhatIfView;
    assert.deepEqual(view.problems, []);
    assert.ok(pairs(view.map).includes(`${FRONTEND} -> ${DATABASE}`));
    assert.deepEqual(view.policies, []);
    const cli = await cliOutput(['diff', '-f', 'examples/guide', '--against', 'test/fixtures/diff/guide-without-policy', '-o', 'json']);
    assert.deepEqual(view.diff, JSON.parse(cli));
    assert.ok(view.diff.changes.some((c) => c.change === 'added' && c.from === FRONTEND && c.to === DATABASE));
    const after = await getJson<MapView>(url, '/api/map');
    assert.ok(!pairs(after).includes(`${FRONTEND} -> ${DATABASE}`), 'the loaded cluster is unchanged');
  });

  test('adding a default deny: connections into the namespace are removed but the one access-backend-database allows; the new policy is listed with its text', async () => {
    const text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-all\nspec:\n  podSelector: {}\n';
    const view = JSON.parse((await postJson(url, '/api/whatif', { edits: [{ text }] })).text) as WhatIfView;
    assert.deepEqual(view.problems, []);
    assert.ok(view.diff.changes.every((c) => c.change === 'removed'));
    assert.ok(view.diff.changes.some((c) => c.from === FRONTEND && c.to === BACKEND));
    assert.ok(pairs(view.map).includes(`${BACKEND} -> ${DATABASE}`), 'policies add up: the other one still allows it');
    assert.ok(!pairs(view.map).includes(`${FRONTEND} -> ${BACKEND}`));
    const added = view.policies.find((p) => p.id === 'default/deny-all');
    assert.deepEqual([added?.file, added?.line, added?.yaml, added?.summary], ['what-if', 1, text.trimEnd(), ['all pods in default accept no ingress']]);
  });

  test('an edit with invalid YAML or an invalid policy: 200 with the problems (file what-if) and nothing changed', async () => {
    for (const text of ['kind: NetworkPolicy\nspec: [unclosed\n', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: x}\nspec:\n  podSelector: {}\n  ingress:\n    - ports:\n        - {port: 99999}\n']) {
      const reply = await postJson(url, '/api/whatif', { edits: [{ policyId: POLICY, text }] });
      assert.equal(reply.status, 200);
      const view = JSON.parse(reply.text) as WhatIfView;
      assert.ok(view.problems.length > 0 && view.problems.every((p) => p.file === 'what-if'), reply.text);
      assert.ok(view.problems.some((p) => p.severity === 'error' && p.text.startsWith('what-if:')));
      assert.deepEqual(view.diff.changes, []);
      assert.deepEqual(view.policies.map((p) => p.id), [POLICY]);
    }
  });

  test('a policy id that is not loaded, or a body that is not the edits shape, is a 400', async () => {
    const unknown = await postJson(url, '/api/whatif', { edits: [{ policyId: 'default/nope', text: '' }] });
    assert.deepEqual([unknown.status, JSON.parse(unknown.text)], [400, { error: 'no policy default/nope in the loaded cluster' }]);
    const shape = await postJson(url, '/api/whatif', { edit: [] });
    assert.equal(shape.status, 400);
    const notJson = await send(url, '/api/whatif', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{edits' });
    assert.deepEqual([notJson.status, JSON.parse(notJson.text)], [400, { error: 'the request body is not JSON' }]);
  });
});

describe('GET /api/exposure', () => {
  const ANY_NAMESPACE = 'test/fixtures/web/any-namespace.yaml';

  test('is what netwarden exposure -o json prints, byte for byte: the database admits the entire cluster on TCP/5432', async () => {
    const wide = await startDashboard({ inputs: [ANY_NAMESPACE], port: 0, log: () => {} });
    try {
      for (const [path, level] of [['/api/exposure?level=workload', 'workload'], ['/api/exposure', 'workload'], ['/api/exposure?level=pod', 'pod']] as const) {
        const reply = await send(wide.url, path);
        assert.equal(reply.status, 200, reply.text);
        assert.equal(reply.text, await cliOutput(['exposure', '-f', ANY_NAMESPACE, '--level', level, '-o', 'json']), path);
      }
      const report = await getJson<ExposureView>(wide.url, '/api/exposure?level=workload');
      const database = report.subjects.find((s) => s.id === 'data/deployment/database');
      assert.deepEqual(database?.ingress.exposures[0], { peer: { kind: 'entire-cluster' }, ports: { TCP: [[5432, 5432]] } });
    } finally {
      await wide.close();
    }
  });

  test('level=namespace or an unknown level is a 400', async () => {
    const namespace = await send(url, '/api/exposure?level=namespace');
    assert.deepEqual([namespace.status, JSON.parse(namespace.text)], [400, { error: 'level namespace: the exposure report has workload and pod levels' }]);
    assert.equal((await send(url, '/api/exposure?level=galaxy')).status, 400);
  });
});

describe('GET /api/export', () => {
  test('map.csv and map.json are what netwarden map -o csv|json prints, as attachments', async () => {
    for (const [format, level] of [['csv', 'workload'], ['json', 'workload'], ['csv', 'pod']] as const) {
      const reply = await send(url, `/api/export/map.${format}?level=${level}`);
      assert.equal(reply.status, 200);
      assert.equal(reply.text, await cliOutput(['map', '-f', 'examples/guide', '--level', level, '-o', format]), `${format} ${level}`);
      assert.equal(reply.headers['content-disposition'], `attachment; filename="netwarden-map.${format}"`);
    }
    const csv = await send(url, '/api/export/map.csv');
    assert.equal(csv.text, await cliOutput(['map', '-f', 'examples/guide', '--level', 'workload', '-o', 'csv']), 'workload level by default');
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
  });
});

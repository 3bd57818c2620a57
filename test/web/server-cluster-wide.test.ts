// The dashboard on the cluster-wide example: AdminNetworkPolicies in the policy list, in an
// explanation (the deciding rule and peer highlighted) and in a what-if.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ClusterView, ExplainView, WhatIfView } from '../../src/web/api-types.js';
import { startDashboard } from '../../src/web/server/index.js';
import type { Dashboard } from '../../src/web/server/index.js';
import { getJson, postJson } from './server-client.js';

const ANP_FILE = 'examples/cluster-wide/admin-network-policies.yaml';

let dashboard: Dashboard;

before(async () => {
  dashboard = await startDashboard({ inputs: ['examples/cluster-wide'], port: 0, log: () => {} });
});
after(() => dashboard.close());

describe('cluster-wide policies in the dashboard', () => {
  test('listed after the NetworkPolicies with kind/name ids, tier, priority, what they select and their summary', async () => {
    const cluster = await getJson<ClusterView>(dashboard.url, '/api/cluster');
    assert.deepEqual(cluster.policies.map((p) => [p.id, p.kind, p.tier, p.priority]), [
      ['shop/allow-monitoring-to-web', 'NetworkPolicy', undefined, undefined],
      ['AdminNetworkPolicy/pass-monitoring', 'AdminNetworkPolicy', 'admin', 10],
      ['AdminNetworkPolicy/protect-databases', 'AdminNetworkPolicy', 'admin', 20],
      ['ClusterNetworkPolicy/shop-egress', 'ClusterNetworkPolicy', 'admin', 30],
      ['BaselineAdminNetworkPolicy/default', 'BaselineAdminNetworkPolicy', 'baseline', undefined],
    ]);
    const protect = cluster.policies.find((p) => p.id === 'AdminNetworkPolicy/protect-databases');
    assert.deepEqual(protect?.selects, { pods: 1, workloads: ['shop/pod/db'] });
    assert.equal(protect?.line, 17);
    assert.match(protect?.yaml ?? '', /^apiVersion: policy\.networking\.k8s\.io\/v1alpha1\nkind: AdminNetworkPolicy\nmetadata:\n  name: protect-databases\n/);
  });

  test('partners -> the database is denied by the admin tier: the ANP with its rule and peer lines', async () => {
    const view = await getJson<ExplainView>(dashboard.url, '/api/explain?from=partners/api&to=shop/db&port=5432');
    assert.equal(view.result.allowed, false);
    assert.equal(view.result.ingress.reason, 'cluster-policy');
    const anp = view.policies.find((p) => p.id === 'AdminNetworkPolicy/protect-databases');
    assert.deepEqual(anp && [anp.kind, anp.file, anp.firstLine, anp.highlight], ['AdminNetworkPolicy', ANP_FILE, 17, [29, 32]]);
    const lines = anp!.yaml.split('\n');
    assert.deepEqual([lines[29 - 17], lines[32 - 17]], ['    - name: no-partners', '        - namespaces:']);
  });

  test('a what-if deleting that ANP lets the partners reach the database', async () => {
    const reply = await postJson(dashboard.url, '/api/whatif', { edits: [{ policyId: 'AdminNetworkPolicy/protect-databases', text: '' }] });
    const view = JSON.parse(reply.text) as WhatIfView;
    assert.ok(view.diff.changes.some((c) => c.change === 'added' && c.from === 'partners/pod/api' && c.to === 'shop/pod/db'), reply.text);
    assert.ok(!view.policies.some((p) => p.id === 'AdminNetworkPolicy/protect-databases'));
  });
});

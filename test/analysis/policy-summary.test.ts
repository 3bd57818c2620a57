import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { summarizeClusterPolicy, summarizePolicy } from '../../src/analysis/policy-summary.js';
import { loadDocuments, loadSources, nodeLoadIO } from '../../src/load/index.js';

function policiesOf(text: string) {
  const { cluster, problems } = loadDocuments([{ file: 'p.yaml', text }], { defaultNamespace: 'default' });
  assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
  return cluster;
}

describe('summarizePolicy', () => {
  test("the guide's access-backend-database reads: database pods accept ingress only from backend pods, on any port", async () => {
    const { cluster } = await loadSources(['examples/guide'], { defaultNamespace: 'default' }, nodeLoadIO);
    const policy = cluster.policies.find((p) => p.name === 'access-backend-database');
    assert.ok(policy);
    assert.deepEqual(summarizePolicy(policy), [
      'pods app=database in default accept ingress only from pods app=backend in default, on any port',
    ]);
  });

  test('a default deny of both directions says no ingress and no egress, for all pods', () => {
    const { policies } = policiesOf(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`);
    assert.deepEqual(summarizePolicy(policies[0]!), ['all pods in shop accept no ingress', 'all pods in shop may send no egress']);
  });

  test('several rules: the first says only, the others also; namespace selectors, ipBlocks, named ports and ranges are spelled out', () => {
    const { policies } = policiesOf(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector:
    matchLabels: {app: web}
    matchExpressions:
      - {key: tier, operator: In, values: [a, b]}
      - {key: legacy, operator: DoesNotExist}
  ingress:
    - from:
        - namespaceSelector: {matchLabels: {team: monitoring}}
          podSelector: {matchLabels: {app: prometheus}}
      ports:
        - port: metrics
    - from:
        - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
        - namespaceSelector: {}
      ports:
        - {protocol: UDP, port: 53}
        - {port: 8080, endPort: 8090}
  egress:
    - to: []
      ports:
        - protocol: SCTP
`);
    assert.deepEqual(summarizePolicy(policies[0]!), [
      'pods app=web, tier in (a, b), !legacy in shop accept ingress only from pods app=prometheus in namespaces team=monitoring, on TCP port named metrics',
      'pods app=web, tier in (a, b), !legacy in shop also accept ingress from addresses 10.0.0.0/8 except 10.1.0.0/16 or all pods in any namespace, on UDP/53, TCP/8080-8090',
      'pods app=web, tier in (a, b), !legacy in shop may send egress to anywhere, on any SCTP port',
    ]);
  });

  test('a rule with neither peers nor ports opens the direction entirely', () => {
    const { policies } = policiesOf(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: open, namespace: default}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
    - {}
`);
    assert.deepEqual(summarizePolicy(policies[0]!), ['pods app=api in default accept all ingress (a rule with no from and no ports)']);
  });
});

describe('summarizeClusterPolicy', () => {
  test('an AdminNetworkPolicy: its subject, tier and priority, then each rule with its action', async () => {
    const { cluster } = await loadSources(['examples/cluster-wide'], { defaultNamespace: 'default' }, nodeLoadIO);
    const byName = new Map((cluster.clusterPolicies ?? []).map((p) => [p.name, p]));
    assert.deepEqual(summarizeClusterPolicy(byName.get('protect-databases')!), [
      'applies to pods app=db in any namespace (admin tier, priority 20)',
      'rule no-partners: ingress from all pods in namespaces team=partners, on any port: deny',
    ]);
    assert.deepEqual(summarizeClusterPolicy(byName.get('shop-egress')!), [
      'applies to all pods in namespaces team=shop (admin tier, priority 30)',
      'rule pods-decide-themselves: egress to all pods in any namespace, on any port: pass (the next tier decides)',
      'rule no-internet: egress to addresses 0.0.0.0/0, on any port: deny',
    ]);
    assert.deepEqual(summarizeClusterPolicy(byName.get('default')!), [
      'applies to all pods in any namespace (baseline tier)',
      'rule baseline-deny: ingress from all pods in namespaces team=monitoring, on any port: deny',
    ]);
  });
});

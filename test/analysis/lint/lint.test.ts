// Claims about lint beyond one fixture per rule: options, skipped checks, and the edge cases of
// the rules, on clusters built in a few lines.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hasFailingFindings, lint, type LintResult } from '../../../src/analysis/lint/index.js';
import type { Cluster } from '../../../src/model/cluster.js';
import type { LoadProblem } from '../../../src/model/problem.js';
import { cluster, ipBlock, namespace, pod, podPeer, policy, port, rule, selector } from '../../helpers/builders.js';

function run(input: Cluster, options: Parameters<typeof lint>[1] = {}, problems: LoadProblem[] = []): LintResult {
  return lint({ cluster: input, problems }, options);
}

function ids(result: LintResult): string[] {
  return result.findings.map((f) => f.ruleId);
}

const web = pod('shop/web-0', { app: 'web' }, { ports: [port(8080, 'http')], owner: { kind: 'Deployment', name: 'web' } });
const web1 = pod('shop/web-1', { app: 'web' }, { ports: [port(8080, 'http')], owner: { kind: 'Deployment', name: 'web' } });
const db = pod('shop/db-0', { app: 'db' }, { ports: [port(5432, 'pg')] });
const dnsRule = rule([podPeer(selector({ 'k8s-app': 'kube-dns' }), selector({ 'kubernetes.io/metadata.name': 'kube-system' }))], [
  { protocol: 'UDP', port: 53 },
  { protocol: 'TCP', port: 53 },
]);

describe('lint', () => {
  test('rules below the minimum severity do not run, and their findings are not reported', () => {
    const input = cluster({ pods: [web, db], policies: [policy('shop/all', { ingress: [rule()] })] });
    assert.ok(ids(run(input)).includes('rule-matches-all-peers'));
    const result = run(input, { minSeverity: 'warning' });
    assert.ok(!ids(result).includes('rule-matches-all-peers'));
    assert.equal(result.minSeverity, 'warning');
  });

  test('notes alone do not fail; a warning or an error does', () => {
    const notesOnly = run(cluster({ pods: [web, db], policies: [policy('shop/all', { ingress: [rule(undefined, [{ port: 8080 }])] })] }));
    assert.deepEqual(ids(notesOnly), ['rule-matches-all-peers']);
    assert.equal(hasFailingFindings(notesOnly), false);
    const warning = run(cluster({ pods: [web, db], policies: [policy('shop/typo', { podSelector: selector({ app: 'wbe' }) })] }));
    assert.equal(hasFailingFindings(warning), true);
  });

  test('an input without pods skips the checks that need pods, and says so', () => {
    const result = run(cluster({ policies: [policy('shop/typo', { podSelector: selector({ app: 'wbe' }) })] }));
    assert.deepEqual(ids(result), []);
    assert.deepEqual(
      result.skipped.map((s) => s.ruleId),
      ['policy-selects-no-pod', 'peer-selects-no-pod', 'shadowed-policy'],
    );
  });

  test('shadowed-policy is skipped, and says so, when the input is over its budget', () => {
    const input = cluster({
      pods: [web, web1],
      policies: [
        policy('shop/broad', { ingress: [rule([podPeer(selector())], [{ port: 8080, endPort: 8090 }])] }),
        policy('shop/narrow', { ingress: [rule([podPeer(selector({ app: 'web' }))], [{ port: 8080 }])] }),
      ],
    });
    const result = run(input);
    assert.deepEqual(ids(result), ['shadowed-policy']);
    assert.equal(result.findings[0]!.object, 'NetworkPolicy shop/narrow');
    const skipped = run(input, { shadowBudget: 1 });
    assert.deepEqual(ids(skipped), []);
    assert.match(skipped.skipped[0]?.reason ?? '', /budget/);
  });

  test('a policy that alone isolates pods, with a port list, is not shadowed', () => {
    const input = cluster({ pods: [web, db], policies: [policy('shop/web', { ingress: [rule([podPeer(selector({ app: 'db' }))], [{ port: 8080 }])] })] });
    assert.deepEqual(ids(run(input)), []);
  });

  test('a policy selecting only hostNetwork pods is reported as selecting no pod, saying why', () => {
    const node = pod('shop/agent', { app: 'agent' }, { hostNetwork: true });
    const other = pod('other/web', { app: 'web' });
    const result = run(cluster({ pods: [node, other], policies: [policy('shop/agent', { podSelector: selector({ app: 'agent' }) })] }));
    assert.deepEqual(ids(result), ['policy-selects-no-pod']);
    assert.match(result.findings[0]!.message, /only hostNetwork pods/);
  });

  test('a namespace chosen by name that the input does not have is not reported', () => {
    const result = run(cluster({ pods: [web], policies: [policy('shop/dns', { policyTypes: ['egress'], egress: [dnsRule] })] }));
    assert.deepEqual(ids(result), []);
  });

  test('a namespaceSelector on a label no namespace has is reported, the peer check staying silent', () => {
    const input = cluster({
      namespaces: [namespace('shop', { team: 'shop' })],
      pods: [web],
      policies: [policy('shop/web', { ingress: [rule([podPeer(undefined, selector({ team: 'payments' }))])] })],
    });
    assert.deepEqual(ids(run(input)), ['namespace-label-missing']);
  });

  test('an egress named port towards ipBlock peers only matches nothing', () => {
    const input = cluster({
      pods: [web],
      policies: [policy('shop/out', { policyTypes: ['egress'], egress: [dnsRule, rule([ipBlock('203.0.113.0/24')], [{ port: 'https' }])] })],
    });
    const result = run(input);
    assert.deepEqual(ids(result), ['named-port-undefined']);
    assert.match(result.findings[0]!.message, /outside the cluster/);
  });

  test('DNS through an ipBlock (node-local DNS) counts', () => {
    const local = rule([ipBlock('169.254.20.10/32')], [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }]);
    const result = run(cluster({ pods: [web], policies: [policy('shop/out', { policyTypes: ['egress'], egress: [local] })] }));
    assert.deepEqual(ids(result), []);
  });

  test('with kube-dns pods in the input, port 53 to other pods does not count as DNS', () => {
    const coredns = pod('kube-system/coredns-0', { 'k8s-app': 'kube-dns' }, { ports: [port(53, 'dns', 'UDP'), port(53, 'dns-tcp')] });
    const toDb = rule([podPeer(selector({ app: 'db' }))], [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }]);
    const result = run(cluster({ pods: [web, db, coredns], policies: [policy('shop/out', { podSelector: selector({ app: 'web' }), policyTypes: ['egress'], egress: [toDb] })] }));
    // the db pod, in the same namespace, is selected by no policy: reported too (first: builder pods have no file)
    assert.deepEqual(ids(result), ['unprotected-pod', 'egress-without-dns']);
    const fixed = run(cluster({ pods: [web, db, coredns], policies: [policy('shop/out', { policyTypes: ['egress'], egress: [toDb, dnsRule] })] }));
    assert.deepEqual(ids(fixed), []);
  });

  test('without pods, DNS is judged by the policy\'s rules and those of policies selecting its whole namespace', () => {
    const deny = policy('shop/deny', { podSelector: selector({ app: 'web' }), policyTypes: ['egress'] });
    assert.deepEqual(ids(run(cluster({ policies: [deny] }))), ['egress-without-dns']);
    const dns = policy('shop/dns', { policyTypes: ['egress'], egress: [dnsRule] });
    assert.deepEqual(ids(run(cluster({ policies: [deny, dns] }))), []);
  });

  test('--pod-cidr reports ipBlocks that overlap the pod network; the whole address space is not reported', () => {
    const input = cluster({
      pods: [web],
      policies: [policy('shop/in', { ingress: [rule([ipBlock('10.0.0.0/8'), ipBlock('0.0.0.0/0')], [{ port: 8080 }])] })],
    });
    assert.deepEqual(ids(run(input)), []);
    const result = run(input, { podCIDRs: ['10.244.0.0/16'] });
    assert.deepEqual(ids(result), ['ipblock-contains-pod-ips']);
    assert.match(result.findings[0]!.message, /overlaps the pod network 10\.244\.0\.0\/16/);
    assert.match(result.findings[0]!.fix, /except/);
  });

  test('unprotected pods are reported once per workload, with the pod count', () => {
    const result = run(cluster({ pods: [web, web1, db], policies: [policy('shop/db', { podSelector: selector({ app: 'db' }), ingress: [rule([podPeer(selector({ app: 'web' }))], [{ port: 5432 }])] })] }));
    assert.deepEqual(ids(result), ['unprotected-pod']);
    assert.equal(result.findings[0]!.object, 'Deployment shop/web');
    assert.match(result.findings[0]!.message, /its 2 pods are selected by no NetworkPolicy/);
  });

  test('findings are ordered by file, then line, then rule id', () => {
    const problems: LoadProblem[] = [
      { severity: 'error', kind: 'validation', file: 'b.yaml', line: 3, fieldPath: 'spec.podSelector', message: 'bad' },
      { severity: 'error', kind: 'validation', file: 'a.yaml', line: 9, message: 'bad' },
      { severity: 'error', kind: 'validation', file: 'a.yaml', line: 2, message: 'bad' },
    ];
    const result = run(cluster({}), {}, problems);
    assert.deepEqual(result.findings.map((f) => `${f.file}:${f.line}`), ['a.yaml:2', 'a.yaml:9', 'b.yaml:3']);
  });

  test('the loader\'s CIDR warnings become sloppy-cidr findings with the same message and a fix', () => {
    const message = 'CIDR value "10.1.2.3/8" is ambiguous in this context (should be "10.0.0.0/8" or "10.1.2.3/32"?)';
    const problems: LoadProblem[] = [
      { severity: 'warning', kind: 'validation', file: 'p.yaml', line: 12, fieldPath: 'spec.ingress[0].from[0].ipBlock.cidr', message },
      { severity: 'warning', kind: 'unsupported', file: 'p.yaml', line: 1, message: 'skipping unsupported kind ConfigMap' },
    ];
    const result = run(cluster({}), {}, problems);
    assert.deepEqual(ids(result), ['sloppy-cidr']);
    assert.equal(result.findings[0]!.message, message);
    assert.match(result.findings[0]!.fix, /"10\.0\.0\.0\/8"/);
  });
});

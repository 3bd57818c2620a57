// The cluster-wide tiers in the nftables renderer: examples/cluster-wide golden-tested byte for
// byte (test/lab/golden/cluster-wide/), and claims about the chains (admin-network-policy-semantics.md,
// "ANP semantics", §7.2). The goldens load into a real nftables in nft-render.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadSources } from '../../src/load/index.js';
import type { Cluster } from '../../src/model/cluster.js';
import { renderPodRuleset } from '../../src/lab/nft-render.js';
import type { RenderOptions } from '../../src/lab/nft-render.js';
import { DEFAULT_LAB_OPTIONS, planLab } from '../../src/lab/plan.js';
import { cluster, namespace, pod, podPeer, policy, port, rule, selector } from '../helpers/builders.js';
import { REPO_ROOT } from '../helpers/golden.js';
import { anp, banp, cnp, crule, networksPeer, nodesPeer, nsPeer } from '../engine/cluster-policy-builders.js';
import type { ClusterPolicy } from '../../src/model/cluster-policy.js';
import { assertLabGolden } from './golden.js';

const OPTIONS: RenderOptions = { table: 'netwarden_lab', ipBlockMatchesPodIPs: true, networksMatchPodIPs: true, deny: 'drop' };

test('each pod ruleset of examples/cluster-wide (ANPs, the BANP, an Admin CNP, a NetworkPolicy) matches test/lab/golden/cluster-wide/', async () => {
  const { cluster: loaded, problems } = await loadSources([join(REPO_ROOT, 'examples', 'cluster-wide')], { defaultNamespace: 'default' });
  assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
  const planned = planLab(loaded, DEFAULT_LAB_OPTIONS);
  assert.ok(planned.ok);
  const { plan } = planned;
  assert.equal(plan.cluster.clusterPolicies?.length, 4, 'the lab keeps the cluster-wide policies');
  for (const p of plan.cluster.pods) {
    await assertLabGolden(`cluster-wide/${p.namespace}-${p.name}.nft`, renderPodRuleset(plan.cluster, p, plan.services, OPTIONS));
  }
  const db = plan.cluster.pods.find((p) => p.name === 'db');
  assert.ok(db);
  await assertLabGolden('cluster-wide/shop-db.reject.nft', renderPodRuleset(plan.cluster, db, plan.services, { ...OPTIONS, deny: 'reject' }));
});

const web = pod('a/web', { app: 'web' }, { ips: ['10.244.0.2', 'fd00::2'], ports: [port(8080, 'http'), port(53, 'dns', 'UDP')] });
const cli = pod('b/cli', { app: 'cli' }, { ips: ['10.244.0.3', 'fd00::3'], ports: [port(9090, 'http')] });
const base = cluster({ namespaces: [namespace('a', { team: 'a' }), namespace('b', { team: 'b' })], pods: [web, cli] });

function render(clusterPolicies: ClusterPolicy[], podName = 'web', extra: Partial<Cluster> = {}, options: Partial<RenderOptions> = {}): string {
  const c: Cluster = { ...base, ...extra, clusterPolicies };
  const subject = c.pods.find((p) => p.name === podName);
  assert.ok(subject);
  return renderPodRuleset(c, subject, [], { ...OPTIONS, ...options });
}

/** The body of one chain: the lines between `\tchain NAME {` and the `\t}` that closes it. */
function chain(text: string, name: string): string {
  const lines = text.split('\n');
  const start = lines.indexOf(`\tchain ${name} {`);
  assert.ok(start >= 0, `no chain ${name} in\n${text}`);
  const end = lines.indexOf('\t}', start);
  return `${lines.slice(start + 1, end).join('\n')}\n`;
}

test('the admin chain holds the policies by priority, then name, then kind (an ANP before a CNP of the same name and priority)', () => {
  const text = render([
    cnp('same', 'Admin', 10, { ingress: [crule('Accept', [nsPeer({ team: 'b' })])] }),
    anp('z', 5, { ingress: [crule('Deny', [nsPeer({ team: 'b' })])] }),
    anp('same', 10, { ingress: [crule('Pass', [nsPeer({ team: 'b' })])] }),
    anp('b', 10, { ingress: [crule('Allow', [nsPeer({ team: 'b' })])] }),
  ]);
  const order = [...chain(text, 'ingress_admin').matchAll(/# (\w+) (\w+)/g)].map((m) => `${m[1]} ${m[2]}`);
  assert.deepEqual(order, ['ANP z', 'ANP b', 'ANP same', 'CNP same']);
});

test('Allow and Accept become accept, Deny the lab denial, Pass a return to the base chain', () => {
  const text = render([
    anp('p', 1, { ingress: [crule('Allow', [nsPeer({ team: 'b' })], { ports: [{ protocol: 'TCP', port: 1 }] }), crule('Deny', [nsPeer({ team: 'b' })], { ports: [{ protocol: 'TCP', port: 2 }] }), crule('Pass', [nsPeer({ team: 'b' })])] }),
    cnp('q', 'Admin', 2, { ingress: [crule('Accept', [nsPeer({ team: 'b' })])] }),
  ], 'web', {}, { deny: 'reject' });
  const admin = chain(text, 'ingress_admin');
  assert.match(admin, /ip saddr @ina0_r0_p0_v4 tcp dport \{ 1 \} accept comment "ANP p ingress\[0\] Allow"/);
  assert.match(admin, /ip saddr @ina0_r1_p0_v4 tcp dport \{ 2 \} meta l4proto tcp reject with tcp reset comment "ANP p ingress\[1\] Deny"\n\t\tip saddr @ina0_r1_p0_v4 tcp dport \{ 2 \} reject with icmpx admin-prohibited/);
  assert.match(admin, /ip6 saddr @ina0_r2_p0_v6 return comment "ANP p ingress\[2\] Pass"/);
  assert.match(admin, /ip saddr @ina1_r0_p0_v4 accept comment "CNP q ingress\[0\] Accept"/);
});

test('a pod that no NetworkPolicy isolates jumps to the admin tier, then the baseline tier, then accepts', () => {
  const text = render([anp('x', 1, { ingress: [crule('Pass', [nsPeer()])] }), banp({ ingress: [crule('Deny', [nsPeer({ team: 'b' })])] })]);
  assert.match(chain(text, 'ingress'), /\t\tjump ingress_admin\n\t\tjump ingress_baseline\n\t\t# default: accept\n$/);
  assert.match(chain(text, 'ingress_baseline'), /ip saddr @inb0_r0_p0_v4 drop comment "BANP default ingress\[0\] Deny"/);
});

test('an isolated pod never reaches the baseline tier: NetworkPolicy decides and denies the rest', () => {
  const text = render([banp({ ingress: [crule('Allow', [nsPeer()])] })], 'web', { policies: [policy('a/deny-all', {})] });
  assert.doesNotMatch(text, /ingress_baseline/);
  assert.match(chain(text, 'ingress'), /\t\tdrop comment "isolated for ingress"\n$/);
});

test('a policy whose subject does not select the pod, or with no rules for the direction, is not in its chains', () => {
  const text = render([
    anp('other-ns', 1, { namespaces: selector({ team: 'b' }), ingress: [crule('Deny', [nsPeer()])] }),
    anp('egress-only', 2, { egress: [crule('Deny', [nsPeer()])] }),
  ]);
  assert.doesNotMatch(text, /ingress_admin/);
  assert.match(chain(text, 'egress_admin'), /# ANP egress-only/);
  assert.doesNotMatch(text, /other-ns/);
});

test('networks: nested CIDRs fold into one interval per family; with networksMatchPodIPs false pod addresses are excluded', () => {
  const policies = [anp('n', 1, { egress: [crule('Deny', [networksPeer('10.0.0.0/8', '10.244.0.0/16', '10.1.2.3/16', 'fd00::/8')])] })];
  const text = render(policies);
  assert.match(text, /set ega0_r0_p0_v4 \{\n\t\ttype ipv4_addr\n\t\tflags interval\n\t\telements = \{ 10\.0\.0\.0\/8 \}/);
  assert.match(text, /ip6 daddr @ega0_r0_p0_v6 drop/);
  assert.match(render(policies, 'web', {}, { networksMatchPodIPs: false }), /ip daddr @ega0_r0_p0_v4 ip daddr != @pods_v4 drop/);
});

test('nodes and domainNames peers match nothing, as in the engine', () => {
  const domains = { kind: 'domainNames' as const, names: ['api.example.com'], source: { file: 'test.yaml', line: 1 } };
  const text = render([anp('n', 1, { egress: [crule('Deny', [nodesPeer()]), crule('Allow', [domains])] })]);
  assert.match(chain(text, 'egress_admin'), /# egress\[0\] Deny matches nothing here\n\t\t# egress\[1\] Allow matches nothing here/);
});

test('a named port resolves on the destination: on the pod itself for ingress, with the container port protocol', () => {
  const text = render([anp('n', 1, { ingress: [crule('Allow', [nsPeer()], { ports: [{ named: 'http' }, { named: 'dns' }] })] })]);
  assert.match(chain(text, 'ingress_admin'), /ip saddr @ina0_r0_p0_v4 tcp dport \{ 8080 \} accept[^\n]*\n\t\tip saddr @ina0_r0_p0_v4 udp dport \{ 53 \} accept/);
});

test('a named port on an egress rule becomes address . port pairs of every pod declaring it', () => {
  const text = render([anp('n', 1, { egress: [crule('Deny', [nsPeer()], { ports: [{ named: 'http' }] })] })], 'cli', { policies: [policy('a/np', { podSelector: selector({ app: 'none' }), ingress: [rule([podPeer(undefined)])] })] });
  assert.match(text, /elements = \{ 10\.244\.0\.2 \. 8080, 10\.244\.0\.3 \. 9090 \}/);
  assert.match(chain(text, 'egress_admin'), /ip daddr @ega0_r0_p0_v4 ip daddr \. tcp dport @ega0_r0_named_tcp_v4 drop/);
});

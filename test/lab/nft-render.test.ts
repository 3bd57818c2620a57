// The nftables renderer: whole rulesets golden-tested byte for byte (test/lab/golden/), claims
// about single rules, and (as root) every golden ruleset loads into a real nftables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadDocuments } from '../../src/load/index.js';
import type { Cluster } from '../../src/model/cluster.js';
import { removeLab } from '../../src/lab/cleanup.js';
import { renderPodRuleset } from '../../src/lab/nft-render.js';
import type { RenderOptions } from '../../src/lab/nft-render.js';
import { DEFAULT_LAB_OPTIONS, planLab } from '../../src/lab/plan.js';
import type { LabPlan } from '../../src/lab/plan.js';
import { labUnavailable } from '../../src/lab/preflight.js';
import { mustRun } from '../../src/lab/run-command.js';
import { cluster, ipBlock, namespace, pod, podPeer, policy, port, rule, selector } from '../helpers/builders.js';
import { LAB_GOLDEN_DIR, LAB_TEST_DIR, assertLabGolden } from './golden.js';

const FIXTURE = 'render-every-rule-kind';
const OPTIONS: RenderOptions = { table: 'netwarden_lab', ipBlockMatchesPodIPs: true, networksMatchPodIPs: true, deny: 'drop' };

async function fixturePlan(): Promise<LabPlan> {
  const file = join(LAB_TEST_DIR, 'fixtures', `${FIXTURE}.yaml`);
  const { cluster: loaded, problems } = loadDocuments([{ file: `test/lab/fixtures/${FIXTURE}.yaml`, text: await readFile(file, 'utf8') }], { defaultNamespace: 'default' });
  assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
  const planned = planLab(loaded, DEFAULT_LAB_OPTIONS);
  assert.ok(planned.ok);
  return planned.plan;
}

test(`each pod's ruleset for ${FIXTURE}.yaml matches test/lab/golden/${FIXTURE}/`, async () => {
  const plan = await fixturePlan();
  for (const p of plan.cluster.pods) {
    await assertLabGolden(`${FIXTURE}/${p.namespace}-${p.name}.nft`, renderPodRuleset(plan.cluster, p, plan.services, OPTIONS));
  }
  const db = plan.cluster.pods.find((p) => p.name === 'db');
  assert.ok(db);
  await assertLabGolden(`${FIXTURE}/shop-db.reject.nft`, renderPodRuleset(plan.cluster, db, plan.services, { ...OPTIONS, deny: 'reject' }));
});

function render(c: Cluster, podName: string, options: Partial<RenderOptions> = {}): string {
  const subject = c.pods.find((p) => p.name === podName);
  assert.ok(subject);
  return renderPodRuleset(c, subject, [], { ...OPTIONS, ...options });
}

const web = pod('a/web', { app: 'web' }, { ips: ['10.244.0.2'], ports: [port(8080, 'http'), port(9090, 'http'), port(53, 'dns', 'UDP')] });
const cli = pod('a/cli', { app: 'cli' }, { ips: ['10.244.0.3'] });
const other = pod('b/cli', { app: 'cli' }, { ips: ['10.244.1.3'], ports: [port(8443, 'http')] });

test('a pod that no policy selects accepts everything in both directions', () => {
  const text = render(cluster({ pods: [web, cli], policies: [policy('a/np', { podSelector: selector({ app: 'cli' }) })] }), 'web');
  assert.match(text, /chain ingress \{\n[^}]*# not isolated for ingress: accept everything\n\t\}/);
  assert.doesNotMatch(text, /drop/);
});

test('an ingress named port resolves on the pod itself to every container port of that name and protocol', () => {
  const text = render(cluster({ pods: [web, cli], policies: [policy('a/np', { ingress: [rule(undefined, [{ port: 'http' }, { port: 'dns' }])] })] }), 'web');
  assert.match(text, /\t\ttcp dport \{ 8080, 9090 \} accept/);
  assert.doesNotMatch(text, /dport \{ 53 \}/, 'dns is UDP: a TCP entry naming it matches nothing');
});

test('an egress named port becomes address . port pairs of every pod declaring the name', () => {
  const c = cluster({ pods: [web, cli, other], policies: [policy('a/np', { podSelector: selector({ app: 'cli' }), policyTypes: ['egress'], egress: [rule(undefined, [{ port: 'http' }])] })] });
  const text = render(c, 'cli');
  assert.match(text, /elements = \{ 10\.244\.0\.2 \. 8080, 10\.244\.0\.2 \. 9090, 10\.244\.1\.3 \. 8443 \}/);
  assert.match(text, /ip daddr \. tcp dport @eg0_r0_named_tcp_v4 accept/);
});

test('an ipBlock is its masked cidr minus the outermost excepts (nft refuses overlapping intervals)', () => {
  const c = cluster({ pods: [web, cli], policies: [policy('a/np', { ingress: [rule([ipBlock('10.1.2.3/8', ['10.1.0.0/16', '10.1.2.0/24'])])] })] });
  const text = render(c, 'web');
  assert.match(text, /elements = \{ 10\.0\.0\.0\/8 \}/);
  assert.match(text, /elements = \{ 10\.1\.0\.0\/16 \}/);
  assert.match(text, /ip saddr @in0_r0_p0 ip saddr != @in0_r0_p0_except accept/);
});

test('with ipBlockMatchesPodIPs false an ipBlock never matches a pod address', () => {
  const c = cluster({ pods: [web, cli], policies: [policy('a/np', { ingress: [rule([ipBlock('10.0.0.0/8')])] })] });
  assert.match(render(c, 'web', { ipBlockMatchesPodIPs: false }), /ip saddr @in0_r0_p0 ip saddr != @pods_v4 accept/);
});

test('a pod peer without namespaceSelector matches pods of the policy namespace only; with one, of the selected namespaces', () => {
  const same = cluster({ namespaces: [namespace('a'), namespace('b')], pods: [web, cli, other], policies: [policy('a/np', { ingress: [rule([podPeer(selector({ app: 'cli' }))])] })] });
  assert.match(render(same, 'web'), /elements = \{ 10\.244\.0\.3 \}/);
  const any = cluster({ namespaces: [namespace('a'), namespace('b')], pods: [web, cli, other], policies: [policy('a/np', { ingress: [rule([podPeer(selector({ app: 'cli' }), selector())])] })] });
  assert.match(render(any, 'web'), /elements = \{ 10\.244\.0\.3, 10\.244\.1\.3 \}/);
});

test('a rule whose peers match no pod is left out, and the pod stays isolated', () => {
  const c = cluster({ pods: [web, cli], policies: [policy('a/np', { ingress: [rule([podPeer(selector({ app: 'nothing' }))])] })] });
  const text = render(c, 'web');
  assert.match(text, /# ingress\[0\] matches nothing here/);
  assert.match(text, /\t\tdrop comment "isolated for ingress"/);
});

test('ports: protocol-only entries match the protocol, ranges are inclusive and merged', () => {
  const c = cluster({ pods: [web, cli], policies: [policy('a/np', { ingress: [rule(undefined, [{ protocol: 'UDP' }, { port: 80, endPort: 90 }, { port: 85, endPort: 100 }, { port: 101 }, { protocol: 'SCTP', port: 7 }])] })] });
  const text = render(c, 'web');
  assert.match(text, /\t\tmeta l4proto \{ udp \} accept/);
  assert.match(text, /\t\ttcp dport \{ 80-101 \} accept/);
  assert.match(text, /\t\tsctp dport \{ 7 \} accept/);
});

test('deny reject resets TCP and sends ICMP admin-prohibited for the rest', () => {
  const text = render(cluster({ pods: [web, cli], policies: [policy('a/np', {})] }), 'web', { deny: 'reject' });
  assert.match(text, /\t\tmeta l4proto tcp reject with tcp reset comment "isolated for ingress"\n\t\treject with icmpx admin-prohibited comment "isolated for ingress"/);
});

const unavailable = await labUnavailable();
test('every golden ruleset (test/lab/golden/*/) loads into nftables (nft -f in a scratch namespace)', { skip: unavailable.length > 0 ? `lab: skipped: ${unavailable.join('; ')}` : false }, async () => {
  const netns = 'nw-ltrender-check';
  await removeLab('ltrender');
  await mustRun(['ip', 'netns', 'add', netns]);
  try {
    const files = (await readdir(LAB_GOLDEN_DIR, { recursive: true })).filter((f) => f.endsWith('.nft')).sort();
    assert.ok(files.length > 0);
    for (const file of files) {
      const script = await readFile(join(LAB_GOLDEN_DIR, file), 'utf8');
      await mustRun(['ip', 'netns', 'exec', netns, 'nft', '-f', '-'], script);
      await mustRun(['ip', 'netns', 'exec', netns, 'nft', '-f', '-'], script); // again: the script replaces its own table
    }
  } finally {
    await removeLab('ltrender');
  }
});

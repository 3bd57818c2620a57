// Lab speed, for docs/benchmarks.md: `node --import tsx test/lab/speed.ts [--pods 50]` (root).
// Builds a cluster of N pods (five Deployments, each pod with container ports TCP/80 and
// TCP/8080, policies that isolate some of them), times `lab up`, then one `lab probe` of every
// pod pair on the 2 ports (N x (N-1) x 2 probes, the default deny 'drop' with its 1 s timeout),
// then `lab down`. Prints one line per phase.
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { loadDocuments } from '../../src/load/index.js';
import { labDown, labProbe, labUp } from '../../src/lab/lab.js';
import { DEFAULT_LAB_OPTIONS } from '../../src/lab/plan.js';
import { acquireLabLock } from './lab-lock.js';

/** The 1-minute load average, printed beside the timings (the machine may be busy). */
const loadAvg = (): string => (loadavg()[0] ?? 0).toFixed(1);

const { values } = parseArgs({ options: { pods: { type: 'string', default: '50' } } });
const pods = Number(values.pods);
const apps = ['web', 'api', 'db', 'cache', 'queue'];

function manifests(): string {
  const replicas = Math.ceil(pods / apps.length);
  const docs = apps.map(
    (app) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${app}, namespace: shop}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}}}
    spec: {containers: [{name: c, image: x, ports: [{containerPort: 80, name: http}, {containerPort: 8080, name: admin}]}]}`,
  );
  docs.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress: [{from: [{podSelector: {matchLabels: {app: api}}}], ports: [{port: http}]}]`);
  docs.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-egress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Egress]
  egress: [{to: [{podSelector: {matchLabels: {app: api}}}], ports: [{port: 80}]}]`);
  return docs.join('\n---\n');
}

const { cluster } = loadDocuments([{ file: 'speed.yaml', text: manifests() }], { defaultNamespace: 'shop' });
const unlock = await acquireLabLock();
try {
  await labDown({ name: 'ltspeed' });
  console.log(`lab speed: ${cluster.pods.length} pods, load average ${loadAvg()}`);
  const up = await labUp(cluster, { ...DEFAULT_LAB_OPTIONS, name: 'ltspeed' });
  if (up.kind !== 'up') throw new Error(JSON.stringify(up));
  console.log(`lab up: ${(up.millis / 1000).toFixed(2)} s`);
  const report = await labProbe(up.plan, up.dataplane, { timeoutMs: 1000 });
  const s = report.summary;
  console.log(`lab probe: ${s.probes} probes (${s.answered} answered, ${s.denied} denied, ${s.disagreements} disagreements) in ${(report.millis / 1000).toFixed(2)} s`);
  const again = await labProbe(up.plan, up.dataplane, { timeoutMs: 1000 });
  console.log(`lab probe again: ${(again.millis / 1000).toFixed(2)} s`);
  await up.dataplane.close({ remove: false });
  const started = performance.now();
  await labDown({ name: 'ltspeed' });
  console.log(`lab down: ${((performance.now() - started) / 1000).toFixed(2)} s; load average ${loadAvg()}`);
} finally {
  await unlock();
}

// The long run of the kernel-vs-engine differential test: `npm run lab:soak -- --count 10000`
// (root). Options: --count N (default 1000), --seed S (first seed, default 1), --timeout MS
// (default 500), --tiers (three-tier clusters of test/lab/random-tiers.ts: AdminNetworkPolicy,
// BaselineAdminNetworkPolicy and ClusterNetworkPolicy with NetworkPolicies, instead of
// NetworkPolicy only). Prints a line every 100 clusters, every disagreement in full, and a summary;
// exits 1 on any disagreement, 2 when the lab cannot run here. `--corpus` instead runs every
// lab-sized case of the shared corpora (test/lab/corpus-cases.ts), one lab each.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { labRun } from '../../src/lab/lab.js';
import { DEFAULT_LAB_OPTIONS } from '../../src/lab/plan.js';
import { labUnavailable } from '../../src/lab/preflight.js';
import { corpusCases, labSized } from './corpus-cases.js';
import { describeDisagreements, startHarness, variantOf } from './differential-harness.js';
import { acquireLabLock } from './lab-lock.js';
import { randomCluster } from './random-cluster.js';
import { randomTierCluster } from './random-tiers.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    timeout: { type: 'string', default: '500' },
    corpus: { type: 'boolean', default: false },
    tiers: { type: 'boolean', default: false },
  },
});
const count = Number(values.count);
const first = Number(values.seed);
const timeoutMs = Number(values.timeout);
const generate = values.tiers ? randomTierCluster : randomCluster;

const unavailable = await labUnavailable();
if (unavailable.length > 0) {
  console.error(`lab:soak: cannot run: ${unavailable.join('; ')}`);
  process.exit(2);
}

if (values.corpus) process.exit(await soakCorpus(Number(values.timeout)));

const started = performance.now();
const totals = { clusters: 0, probes: 0, answered: 0, denied: 0, disagreements: 0, failedClusters: 0, slowestAnswerMs: 0 };
// The lab is rebuilt every CHUNK clusters, and the lock released in between, so that other lab
// tests (which may run `lab down --all`) wait minutes, not the whole soak.
const CHUNK = 200;
for (let chunk = first; chunk < first + count; chunk += CHUNK) {
  const unlock = await acquireLabLock();
  const harness = await startHarness('ltsoak', timeoutMs);
  try {
    if (chunk === first) for (const line of harness.skipped) console.log(`lab:soak: ${line}`);
    for (let seed = chunk; seed < Math.min(chunk + CHUNK, first + count); seed++) {
      const cluster = generate(seed);
      const outcome = await harness.run(cluster, variantOf(seed));
      totals.clusters++;
      totals.probes += outcome.summary.probes;
      totals.answered += outcome.summary.answered;
      totals.denied += outcome.summary.denied;
      totals.slowestAnswerMs = Math.max(totals.slowestAnswerMs, outcome.slowestAnswerMs);
      if (outcome.summary.disagreements > 0) {
        totals.disagreements += outcome.summary.disagreements;
        totals.failedClusters++;
        console.log(describeDisagreements(seed, cluster, outcome));
      }
      if (totals.clusters % 100 === 0 || seed === first + count - 1) {
        const seconds = (performance.now() - started) / 1000;
        console.log(`lab:soak: ${totals.clusters}/${count} clusters, ${totals.probes} probes, ${totals.disagreements} disagreements, ${seconds.toFixed(0)} s`);
      }
    }
  } finally {
    await harness.close();
    await unlock();
  }
  await new Promise((resolve) => setTimeout(resolve, 2000)); // let a waiting lab test take the lock
}
const seconds = (performance.now() - started) / 1000;
console.log(
  `lab:soak: seeds ${first}..${first + count - 1}: ${totals.clusters} ${values.tiers ? 'three-tier ' : ''}clusters, ${totals.probes} probes ` +
    `(${totals.answered} answered, ${totals.denied} denied), ${totals.disagreements} disagreements in ${totals.failedClusters} clusters; ` +
    `${seconds.toFixed(0)} s (${(seconds / Math.max(1, totals.clusters)).toFixed(2)} s a cluster); slowest answer ${totals.slowestAnswerMs} ms (timeout ${timeoutMs} ms)`,
);
process.exitCode = totals.disagreements > 0 ? 1 : 0;

/** Every lab-sized corpus case in its own lab; returns the exit code. */
async function soakCorpus(timeout: number): Promise<number> {
  const cases = corpusCases();
  if (cases === undefined) {
    console.error('lab:soak: ../shared/corpus not present');
    return 2;
  }
  const begun = performance.now();
  const sum = { cases: 0, skipped: 0, probes: 0, disagreements: 0 };
  for (const c of cases) {
    const cluster = await c.load();
    if (!labSized(cluster)) {
      sum.skipped++;
      continue;
    }
    const unlockCase = await acquireLabLock();
    try {
      const run = await labRun(cluster, { ...DEFAULT_LAB_OPTIONS, name: 'ltsoak', deny: 'reject' }, { timeoutMs: timeout });
      if (run.kind !== 'probed') throw new Error(`${c.name}: ${JSON.stringify(run)}`);
      sum.cases++;
      sum.probes += run.report.summary.probes;
      sum.disagreements += run.report.summary.disagreements;
      const bad = run.report.rows.filter((r) => !r.agree);
      console.log(`lab:soak: ${c.name}: ${cluster.pods.length} pods, ${run.report.summary.probes} probes, ${bad.length} disagreements`);
      for (const r of bad.slice(0, 20)) console.log(`  ${JSON.stringify(r)}`);
    } finally {
      await unlockCase();
    }
  }
  const seconds = ((performance.now() - begun) / 1000).toFixed(0);
  console.log(`lab:soak: corpus: ${sum.cases} cases in the lab (${sum.skipped} not lab-sized), ${sum.probes} probes, ${sum.disagreements} disagreements; ${seconds} s`);
  return sum.disagreements > 0 ? 1 : 0;
}

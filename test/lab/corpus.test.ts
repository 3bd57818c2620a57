/**
 * The corpora in the lab: each case's pods as namespaces, its policies as nftables, every relevant
 * probe compared with evaluate(). By default every recipe and every fifth lab-sized netpol-analyzer
 * case (in name order); NETWARDEN_LAB_CORPUS=all runs every lab-sized case (as `npm run lab:soak --
 * --corpus` does). Root only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labRun } from '../../src/lab/lab.js';
import { DEFAULT_LAB_OPTIONS } from '../../src/lab/plan.js';
import { labUnavailable } from '../../src/lab/preflight.js';
import { SKIP_REASON } from '../conformance/corpus.js';
import { corpusCases, labSized, MAX_PODS } from './corpus-cases.js';
import { acquireLabLock } from './lab-lock.js';

const unavailable = await labUnavailable();
const cases = corpusCases();
const all = process.env['NETWARDEN_LAB_CORPUS'] === 'all';

if (unavailable.length > 0 || cases === undefined) {
  const reason = unavailable.length > 0 ? `lab: skipped: ${unavailable.join('; ')}` : `lab: skipped: ${SKIP_REASON}`;
  console.log(reason);
  test('the corpora in the lab', (t) => t.skip(reason));
} else {
  let analyzerIndex = 0;
  for (const c of cases) {
    const sampled = c.name.startsWith('recipes/') || all || analyzerIndex++ % 5 === 0;
    test(`the kernel does what evaluate() says on ${c.name}`, async (t) => {
      const cluster = await c.load();
      const policies = cluster.policies.length + (cluster.clusterPolicies?.length ?? 0);
      if (!labSized(cluster)) return t.skip(`${cluster.pods.length} pods, ${policies} policies: not 1..${MAX_PODS} pods with a policy`);
      if (!sampled) return t.skip('not in the sample (NETWARDEN_LAB_CORPUS=all runs it)');
      const unlock = await acquireLabLock();
      try {
        const run = await labRun(cluster, { ...DEFAULT_LAB_OPTIONS, name: 'ltcorpus', deny: 'reject' }, { timeoutMs: 500 });
        assert.equal(run.kind, 'probed', JSON.stringify(run));
        if (run.kind !== 'probed') return;
        const bad = run.report.rows.filter((r) => !r.agree);
        assert.deepEqual(bad, [], `${bad.length} of ${run.report.summary.probes} probes disagree`);
        t.diagnostic(`${run.report.summary.probes} probes, ${run.report.summary.answered} answered`);
      } finally {
        await unlock();
      }
    });
  }
}

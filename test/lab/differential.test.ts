/**
 * Kernel vs engine on seeded random clusters (test/lab/random-cluster.ts): every probe's fate in
 * real network namespaces with the nftables rulesets nft-render.ts compiles from the policies must
 * be what evaluate() says. Root-only: skipped with the reason printed when the lab cannot run.
 * NETWARDEN_LAB_CLUSTERS and NETWARDEN_LAB_SEED change how many clusters and from which seed.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { labUnavailable } from '../../src/lab/preflight.js';
import { describeDisagreements, startHarness, variantOf } from './differential-harness.js';
import type { Harness } from './differential-harness.js';
import { acquireLabLock } from './lab-lock.js';
import { randomCluster } from './random-cluster.js';

const CLUSTERS = Number(process.env['NETWARDEN_LAB_CLUSTERS'] ?? 100);
const FIRST_SEED = Number(process.env['NETWARDEN_LAB_SEED'] ?? 1);
const TIMEOUT_MS = 500;


const unavailable = await labUnavailable();
if (unavailable.length > 0) {
  const reason = `lab: skipped: ${unavailable.join('; ')}`;
  console.log(reason);
  test('kernel and engine agree on random clusters', (t) => t.skip(reason));
} else {
  let harness: Harness;
  let unlock: () => Promise<void> = async () => {};
  const totals = { probes: 0, answered: 0, denied: 0, slowestAnswerMs: 0 };
  before(async () => {
    unlock = await acquireLabLock();
    harness = await startHarness('ltdiff', TIMEOUT_MS);
    for (const line of harness.skipped) console.log(`lab: ${line}`);
  });
  after(async () => {
    await harness?.close();
    await unlock();
    console.log(`lab: ${CLUSTERS} clusters, ${totals.probes} probes (${totals.answered} answered, ${totals.denied} denied); slowest answer ${totals.slowestAnswerMs} ms, timeout ${TIMEOUT_MS} ms`);
  });
  for (let seed = FIRST_SEED; seed < FIRST_SEED + CLUSTERS; seed++) {
    const variant = variantOf(seed);
    test(`the kernel does what evaluate() says on random cluster ${seed} (deny ${variant.deny}${variant.ipBlockMatchesPodIPs ? '' : ', ipBlocks do not match pods'})`, async () => {
      const cluster = randomCluster(seed);
      const outcome = await harness.run(cluster, variant);
      totals.probes += outcome.summary.probes;
      totals.answered += outcome.summary.answered;
      totals.denied += outcome.summary.denied;
      totals.slowestAnswerMs = Math.max(totals.slowestAnswerMs, outcome.slowestAnswerMs);
      assert.equal(outcome.summary.disagreements, 0, describeDisagreements(seed, cluster, outcome));
    });
  }
}

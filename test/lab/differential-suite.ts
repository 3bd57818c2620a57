// The differential test's body, shared by the NetworkPolicy-only and the three-tier test files:
// one lab built once, then per seeded random cluster the kernel's fate of every probe compared
// with evaluate(). Root-only: skipped with the reason printed when the lab cannot run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../../src/model/cluster.js';
import { labUnavailable } from '../../src/lab/preflight.js';
import { describeDisagreements, describeVariant, startHarness, variantOf } from './differential-harness.js';
import type { Harness } from './differential-harness.js';
import { acquireLabLock } from './lab-lock.js';

export interface DifferentialSuite {
  /** What the clusters are, for the test names: "random cluster", "random three-tier cluster". */
  readonly what: string;
  /** The lab's name (1-12 lowercase letters and digits). */
  readonly lab: string;
  readonly generate: (seed: number) => Cluster;
  readonly clusters: number;
  readonly firstSeed: number;
}

const TIMEOUT_MS = 500;

export async function differentialSuite(suite: DifferentialSuite): Promise<void> {
  const unavailable = await labUnavailable();
  if (unavailable.length > 0) {
    const reason = `lab: skipped: ${unavailable.join('; ')}`;
    console.log(reason);
    test(`kernel and engine agree on every ${suite.what}`, (t) => t.skip(reason));
    return;
  }
  let harness: Harness | undefined;
  let unlock: () => Promise<void> = async () => {};
  const totals = { probes: 0, answered: 0, denied: 0, slowestAnswerMs: 0 };
  before(async () => {
    unlock = await acquireLabLock();
    harness = await startHarness(suite.lab, TIMEOUT_MS);
    for (const line of harness.skipped) console.log(`lab: ${line}`);
  });
  after(async () => {
    await harness?.close();
    await unlock();
    console.log(`lab: ${suite.clusters} ${suite.what}s, ${totals.probes} probes (${totals.answered} answered, ${totals.denied} denied); slowest answer ${totals.slowestAnswerMs} ms, timeout ${TIMEOUT_MS} ms`);
  });
  for (let seed = suite.firstSeed; seed < suite.firstSeed + suite.clusters; seed++) {
    const variant = variantOf(seed);
    test(`the kernel does what evaluate() says on ${suite.what} ${seed} (${describeVariant(variant)})`, async () => {
      assert.ok(harness);
      const cluster = suite.generate(seed);
      const outcome = await harness.run(cluster, variant);
      totals.probes += outcome.summary.probes;
      totals.answered += outcome.summary.answered;
      totals.denied += outcome.summary.denied;
      totals.slowestAnswerMs = Math.max(totals.slowestAnswerMs, outcome.slowestAnswerMs);
      assert.equal(outcome.summary.disagreements, 0, describeDisagreements(seed, cluster, outcome));
    });
  }
}

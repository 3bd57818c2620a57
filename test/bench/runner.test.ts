import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCluster } from '../../bench/generate/cluster.js';
import { writeManifests } from '../../bench/generate/write-manifests.js';
import { runSize } from '../../bench/run-size.js';
import { statusText, totalMs, type RunRecord } from '../../bench/record.js';
import { summariseProfile } from '../../bench/cpu-profile.js';

async function withManifests(work: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'netwarden-bench-test-'));
  try {
    await writeManifests(generateCluster({ seed: 1, namespaces: 5, pods: 60, policies: 10 }), join(dir, 'in'), 'yaml');
    await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function record(result: RunRecord['result'], timeoutMs: number): RunRecord {
  const size = { pods: 60, policies: 10, namespaces: 5 };
  return { series: 'main', size, format: 'yaml', generated: { workloads: 0, services: 0, files: 0, bytes: 0 }, timeoutMs, result };
}

test('a size that finishes reports every phase, the map it wrote and its peak RSS', async () => {
  await withManifests(async (dir) => {
    const request = { dir: join(dir, 'in'), outFile: join(dir, 'map.json'), seed: 1, evalSamples: 20, evalBudgetMs: 1000 };
    const result = await runSize({ request, timeoutMs: 60_000 });
    assert.equal(result.outcome, 'done', result.failure);
    assert.equal(result.facts.pods, 60);
    assert.equal(result.facts.loadErrors, 0);
    assert.equal(result.facts.evalSamples, 20);
    assert.ok((result.facts.outputBytes ?? 0) > 0);
    assert.ok(result.maxRssBytes > 0);
    assert.ok(totalMs(record(result, 60_000)) !== undefined);
  });
});

test('a size over its time budget is killed and reported as such, not awaited', async () => {
  await withManifests(async (dir) => {
    const request = { dir: join(dir, 'in'), outFile: join(dir, 'map.json'), seed: 1, evalSamples: 20, evalBudgetMs: 1000 };
    const result = await runSize({ request, timeoutMs: 50 });
    assert.equal(result.outcome, 'timeout');
    assert.equal(totalMs(record(result, 50)), undefined);
    assert.match(statusText(record(result, 50)), /^> 0 s budget, killed /);
  });
});

test('the status of a killed run names the phase it was in', () => {
  const result = { outcome: 'timeout', phaseMs: { load: 900 }, inPhase: 'connectivity', wallMs: 120_000, maxRssBytes: 1, facts: {} } as const;
  assert.equal(statusText(record(result, 120_000)), '> 120 s budget, killed in connectivity');
});

test('a CPU profile is summarised by self time, inclusive time and file', () => {
  const frame = (functionName: string, url = 'file:///repo/src/engine/a.ts') => ({ functionName, url, lineNumber: 0 });
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 4] },
      { id: 2, callFrame: frame('outer'), children: [3] },
      { id: 3, callFrame: frame('inner', 'file:///repo/src/load/b.ts') },
      { id: 4, callFrame: frame('(garbage collector)', '') },
    ],
    samples: [2, 3, 3, 3, 4],
    timeDeltas: [0, 1000, 1000, 1000, 1000, 1000],
  };
  const [self, inclusive, files] = summariseProfile(profile, { top: 10, root: 'file:///repo/' });
  assert.deepEqual(self?.rows[0], ['inner src/load/b.ts', '3', '60.0']);
  assert.deepEqual(inclusive?.rows[0], ['outer src/engine/a.ts', '4', '80.0']);
  assert.deepEqual(files?.rows.map((r) => r[0]), ['src/load/b.ts', 'src/engine/a.ts']);
});

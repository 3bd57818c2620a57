/**
 * Conformance against netpol-analyzer's `list -o txt` goldens (corpus/netpol-analyzer): load the
 * input folder, compute netwarden's workload-level connectivity, write it in netpol-analyzer's
 * line grammar, and compare with the golden. One test per golden; see docs/conformance.md.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSources } from '../../src/load/index.js';
import { compileCluster, connectivity, type ConnectivityMap } from '../../src/engine/index.js';
import type { Cluster } from '../../src/model/cluster.js';
import { formatProblem } from '../../src/model/problem.js';
import { corpusDir, SKIP_REASON } from './corpus.js';
import { diffLines, equalIgnoringLineBreaks, formatDiff, isEmptyDiff, writeActual } from './line-diff.js';
import {
  INPUT_CONVENTIONS, inputExclusion, inputTags, NETPOL_ANALYZER_ENGINE_OPTIONS,
  notComparableReason, readIndex, type Golden,
} from './netpol-analyzer-cases.js';
import { connlistLines, type FocusOptions } from './netpol-analyzer-format.js';
import { GO_OBJECT_FIXTURES, GO_OBJECT_FIXTURES_DIR, goldenInput, GO_OBJECTS_KIND } from './netpol-analyzer-go-objects.js';
import { policyTags } from './policy-tags.js';
import { CorpusRun } from './corpus-run.js';

/** Lines from `{ingress-controller}`: netwarden does not model Ingress/Route controllers yet. */
const INGRESS_CONTROLLER = '{ingress-controller} => ';

type Run = CorpusRun<Analysed>;

interface Analysed {
  readonly cluster: Cluster;
  readonly map: ConnectivityMap;
  readonly problems: string[];
  readonly warnings: string[];
}

function registerAll(corpus: string): void {
  const run = new CorpusRun(corpus, analyseInput);
  for (const golden of readIndex(corpus).expected_outputs) {
    const reason = notComparableReason(golden);
    if (reason === undefined) registerGolden(run, golden);
    else run.count(run.notRun, reason);
  }
  test('netpol-analyzer: every Go-object golden has a fixture folder, and every fixture folder a golden', () => {
    const goldens = readIndex(corpus).expected_outputs.filter((g) => g.kind === GO_OBJECTS_KIND).map((g) => g.file);
    assert.deepEqual(Object.keys(GO_OBJECT_FIXTURES).sort(), goldens.sort());
    const folders = readdirSync(GO_OBJECT_FIXTURES_DIR, { withFileTypes: true }).filter((e) => e.isDirectory());
    assert.deepEqual(Object.values(GO_OBJECT_FIXTURES).sort(), folders.map((e) => e.name).sort());
  });
  test('netpol-analyzer: pass counts per feature, and goldens not compared', (t) => {
    const lines = run.summaryLines({
      tally: 'netpol-analyzer txt connlist',
      excluded: 'conformance: netpol-analyzer: candidate txt connlist goldens excluded, by reason',
      notRun: 'conformance: netpol-analyzer: other goldens not run here, by reason',
    });
    for (const line of lines) t.diagnostic(line);
  });
}

function registerGolden(run: Run, golden: Golden): void {
  const input = goldenInput(golden)!;
  const kinds = run.kindsOf(input);
  const tags = [...inputTags(kinds, golden.options), ...(golden.kind === GO_OBJECTS_KIND ? ['go-objects'] : [])];
  const name = `netpol-analyzer ${golden.file.replace(/^test_outputs\//, '')}`;
  const exclusion = inputExclusion(kinds) ?? focusExclusion(golden);
  if (exclusion !== undefined) {
    run.count(run.excluded, exclusion);
    run.tally.record(tags, 'skip');
    test(name, (t) => t.skip(`excluded: ${exclusion}`));
    return;
  }
  const convention = INPUT_CONVENTIONS[input];
  if (convention !== undefined) run.count(run.excluded, convention);
  test(name, async (t) => {
    const analysed = await run.analyse(input);
    const caseTags = [...tags, ...policyTags(analysed.cluster.policies)];
    if (golden.kind === GO_OBJECTS_KIND) {
      // our own transcription: anything the loader reports is a mistake in the fixture
      assert.deepEqual([...analysed.problems, ...analysed.warnings], [], `fixture ${input} loads cleanly`);
    }
    let failure: unknown;
    try {
      compareGolden(run.corpus, golden, input, analysed);
    } catch (error) {
      failure = error;
    }
    if (convention !== undefined) {
      run.tally.record(caseTags, 'skip');
      assert.ok(failure !== undefined, `netwarden now agrees: remove ${input} from INPUT_CONVENTIONS`);
      t.skip(`differs by convention: ${convention}`);
      return;
    }
    run.tally.record(caseTags, failure === undefined ? 'pass' : 'fail');
    if (failure !== undefined) throw failure;
  });
}

/** Focusing on `{ingress-controller}` leaves only lines netwarden does not produce. */
function focusExclusion(golden: Golden): string | undefined {
  const focus = golden.options.focusworkload ?? [];
  return focus.includes('ingress-controller') ? 'focus on {ingress-controller}, which netwarden does not model' : undefined;
}

async function analyseInput(path: string): Promise<Analysed> {
  const { cluster, problems } = await loadSources([path], { defaultNamespace: 'default' });
  const compiled = compileCluster(cluster, NETPOL_ANALYZER_ENGINE_OPTIONS);
  return {
    cluster,
    map: connectivity(compiled, { level: 'workload' }),
    problems: problems.filter((p) => p.severity === 'error').map(formatProblem),
    warnings: problems.filter((p) => p.severity !== 'error').map(formatProblem),
  };
}

function compareGolden(corpus: string, golden: Golden, input: string, analysed: Analysed): void {
  const goldenText = readFileSync(join(corpus, golden.file), 'utf8');
  const expected = goldenText
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l !== '' && !l.startsWith(INGRESS_CONTROLLER));
  const { lines: actual, notes } = connlistLines(analysed.map, analysed.cluster.policies, focusOf(golden), analysed.cluster.clusterPolicies);
  const diff = diffLines(expected, actual);
  const actualText = actual.map((l) => `${l}\n`).join('');
  if (!isEmptyDiff(diff)) {
    const actualPath = writeActual(join('netpol-analyzer', golden.file), actualText);
    const context = [
      `input:  ${resolve(corpus, input)}`,
      `golden: ${join(corpus, golden.file)}`,
      `actual: ${actualPath}`,
      ...notes.map((n) => `adapter: ${n}`),
      ...analysed.problems.slice(0, 10).map((p) => `load error: ${p}`),
    ];
    assert.fail(`${context.join('\n')}\n${formatDiff(diff)}`);
  }
  // Same lines; upstream's own rule (delete \n and \r, compare exactly) also checks their order.
  assert.ok(equalIgnoringLineBreaks(expected.join('\n'), actual.join('\n')), 'same lines, different order');
}

function focusOf(golden: Golden): FocusOptions {
  const direction = golden.options.focus_direction ?? '';
  assert.ok(direction === '' || direction === 'ingress' || direction === 'egress', `focus direction ${direction}`);
  return {
    focusworkload: golden.options.focusworkload ?? [],
    focusworkloadPeer: golden.options.focusworkload_peer ?? [],
    focusDirection: direction,
  };
}

// Registered last: the class above is not hoisted.
const dir = corpusDir('netpol-analyzer');
if (dir === undefined) {
  test('netpol-analyzer conformance', (t) => t.skip(SKIP_REASON));
} else {
  registerAll(dir);
}

/**
 * Conformance against netpol-analyzer's `diff` goldens (corpus/netpol-analyzer, `kind: diff`):
 * load both input folders, compute each workload-level map, diff them with diffConnectivity(),
 * write the result in netpol-analyzer's diff grammar (txt, csv, md) and compare with the golden.
 * One test per golden; the same input exclusions and engine options as the connlist runner.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffConnectivity } from '../../src/analysis/diff.js';
import { compileCluster, connectivity, type ConnectivityMap } from '../../src/engine/index.js';
import { loadSources } from '../../src/load/index.js';
import type { Cluster } from '../../src/model/cluster.js';
import { formatProblem } from '../../src/model/problem.js';
import { corpusDir, SKIP_REASON } from './corpus.js';
import { diffLines, equalIgnoringLineBreaks, formatDiff, isEmptyDiff, writeActual } from './line-diff.js';
import { INPUT_CONVENTIONS, inputExclusion, inputTags, NETPOL_ANALYZER_ENGINE_OPTIONS, readIndex, type Golden } from './netpol-analyzer-cases.js';
import { diffLinesOf, type DiffFormat } from './netpol-analyzer-diff-format.js';
import { policyTags } from './policy-tags.js';
import { CorpusRun } from './corpus-run.js';

/** In lines from `{ingress-controller}` (always the source): netwarden does not model Ingress/Route controllers. */
const INGRESS_CONTROLLER = '{ingress-controller}';
const COMPARED_FORMATS: readonly string[] = ['txt', 'csv', 'md'] satisfies readonly DiffFormat[];

/**
 * Diff goldens netwarden reads differently on purpose. Still run: skipped with the reason while
 * they differ, failing once they agree (so the entry gets removed).
 */
const DIFF_CONVENTIONS: Readonly<Record<string, string>> = {};

type Run = CorpusRun<Analysed>;

interface Analysed {
  readonly cluster: Cluster;
  readonly map: ConnectivityMap;
  readonly problems: readonly string[];
}

/** Why a diff golden is not compared at all (counted, not run). */
function notComparableReason(golden: Golden): string | undefined {
  if (golden.kind !== 'diff') return 'not a diff golden';
  if (golden.format === 'svg') return 'svg (never compared upstream either)';
  if (golden.format === 'dot') {
    return 'dot: the graph layout (edge weights, colours, legend) is upstream presentation; its txt twin carries the same diff';
  }
  if (!COMPARED_FORMATS.includes(golden.format)) return `format ${golden.format}`;
  if (golden.exists_in_corpus === false) return 'golden file missing from the corpus';
  return undefined;
}

function registerAll(corpus: string): void {
  const run = new CorpusRun(corpus, analyseInput);
  for (const golden of readIndex(corpus).expected_outputs) {
    if (golden.kind !== 'diff') continue;
    const reason = notComparableReason(golden);
    if (reason === undefined) registerGolden(run, golden);
    else run.count(run.notRun, reason);
  }
  test('netpol-analyzer diff: pass counts per feature, and goldens not compared', (t) => {
    const lines = run.summaryLines({
      tally: 'netpol-analyzer diff (txt, csv, md)',
      excluded: 'conformance: netpol-analyzer diff: txt/csv/md goldens excluded, by reason',
      notRun: 'conformance: netpol-analyzer diff: goldens not compared, by reason',
    });
    for (const line of lines) t.diagnostic(line);
  });
}

function registerGolden(run: Run, golden: Golden): void {
  const [before, after] = golden.inputs;
  assert.ok(before !== undefined && after !== undefined, `${golden.file}: a diff golden names two inputs`);
  const kinds = new Set([...run.kindsOf(before), ...run.kindsOf(after)]);
  const tags = [...inputTags(kinds, golden.options), `format-${golden.format}`];
  const name = `netpol-analyzer diff ${golden.file.replace(/^test_outputs\//, '')}`;
  const exclusion = inputExclusion(kinds);
  if (exclusion !== undefined) {
    run.count(run.excluded, exclusion);
    run.tally.record(tags, 'skip');
    test(name, (t) => t.skip(`excluded: ${exclusion}`));
    return;
  }
  const convention = DIFF_CONVENTIONS[golden.file] ?? INPUT_CONVENTIONS[before] ?? INPUT_CONVENTIONS[after];
  if (convention !== undefined) run.count(run.excluded, convention);
  test(name, async (t) => {
    const [old, current] = await Promise.all([run.analyse(before), run.analyse(after)]);
    const caseTags = [...tags, ...policyTags([...old.cluster.policies, ...current.cluster.policies])];
    let failure: unknown;
    try {
      compareGolden(run.corpus, golden, old, current);
    } catch (error) {
      failure = error;
    }
    if (convention !== undefined) {
      run.tally.record(caseTags, 'skip');
      assert.ok(failure !== undefined, `netwarden now agrees: remove the convention for ${golden.file}`);
      t.skip(`differs by convention: ${convention}`);
      return;
    }
    run.tally.record(caseTags, failure === undefined ? 'pass' : 'fail');
    if (failure !== undefined) throw failure;
  });
}

async function analyseInput(path: string): Promise<Analysed> {
  const { cluster, problems } = await loadSources([path], { defaultNamespace: 'default' });
  const compiled = compileCluster(cluster, NETPOL_ANALYZER_ENGINE_OPTIONS);
  return {
    cluster,
    map: connectivity(compiled, { level: 'workload' }),
    problems: problems.filter((p) => p.severity === 'error').map(formatProblem),
  };
}

function compareGolden(corpus: string, golden: Golden, before: Analysed, after: Analysed): void {
  const format = golden.format as DiffFormat;
  const expected = readFileSync(join(corpus, golden.file), 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l !== '' && !l.includes(INGRESS_CONTROLLER));
  // Upstream writes no header when nothing changed; without the ingress-controller lines, a
  // golden may be left with its header alone.
  const headerOnly = expected.length === (format === 'md' ? 2 : 1);
  if (headerOnly) expected.length = 0;
  const refNames = refNamesOf(golden);
  const { lines: actual, notes } = diffLinesOf(diffConnectivity(before.map, after.map), format, refNames);
  const diff = diffLines(expected, actual);
  if (!isEmptyDiff(diff)) {
    const actualPath = writeActual(join('netpol-analyzer', golden.file), actual.map((l) => `${l}\n`).join(''));
    const context = [
      `inputs: ${golden.inputs.map((i) => join(corpus, i)).join(' -> ')}`,
      `golden: ${join(corpus, golden.file)}`,
      `actual: ${actualPath}`,
      ...notes.map((n) => `adapter: ${n}`),
      ...[...before.problems, ...after.problems].slice(0, 10).map((p) => `load error: ${p}`),
    ];
    assert.fail(`${context.join('\n')}\n${formatDiff(diff)}`);
  }
  assert.ok(equalIgnoringLineBreaks(expected.join('\n'), actual.join('\n')), 'same lines, different order');
}

/**
 * The labels of the two sides: `ref1`/`ref2` from the library, renamed by its option
 * WithArgNames("old","new"); the CLI names them after its flags, `dir1`/`dir2`.
 */
function refNamesOf(golden: Golden): readonly [string, string] {
  const names = (golden.options as { arg_names?: readonly string[] }).arg_names;
  if (names?.[0] !== undefined && names[1] !== undefined) return [names[0], names[1]];
  return golden.file.startsWith('test_outputs/cli/') ? ['dir1', 'dir2'] : ['ref1', 'ref2'];
}

const dir = corpusDir('netpol-analyzer');
if (dir === undefined) {
  test('netpol-analyzer diff conformance', (t) => t.skip(SKIP_REASON));
} else {
  registerAll(dir);
}

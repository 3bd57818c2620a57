/**
 * Conformance against netpol-analyzer's `list --exposure -o txt` goldens (corpus/netpol-analyzer):
 * load the input folder, compute netwarden's workload-level connectivity and exposure, write them
 * in netpol-analyzer's grammar (the connlist lines, then the exposure section), and compare with
 * the golden as upstream does (every \n and \r deleted, the rest exact). One test per golden;
 * the same input exclusions and conventions as the plain connlist runner. See docs/conformance.md.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSources } from '../../src/load/index.js';
import { compileCluster, connectivity, type ConnectivityMap } from '../../src/engine/index.js';
import { exposure, type ExposureReport } from '../../src/analysis/exposure.js';
import type { Cluster } from '../../src/model/cluster.js';
import { formatProblem } from '../../src/model/problem.js';
import { corpusDir, SKIP_REASON } from './corpus.js';
import { diffLines, equalIgnoringLineBreaks, formatDiff, isEmptyDiff, writeActual } from './line-diff.js';
import {
  INPUT_CONVENTIONS, inputExclusion, inputTags, NETPOL_ANALYZER_ENGINE_OPTIONS, readIndex, type Golden,
} from './netpol-analyzer-cases.js';
import { connlistLines, type FocusOptions } from './netpol-analyzer-format.js';
import { exposureSection } from './netpol-analyzer-exposure-format.js';
import { policyTags } from './policy-tags.js';
import { CorpusRun } from './corpus-run.js';

/** Lines from `{ingress-controller}`: netwarden does not model Ingress/Route controllers yet. */
const INGRESS_CONTROLLER = '{ingress-controller} => ';

/** Why an exposure golden is not a candidate (counted, not run); undefined for a candidate. */
export function exposureReason(golden: Golden, hasTxtTwin: boolean): string | undefined {
  const o = golden.options;
  if (golden.kind === 'explain' || o.explain === true) return 'explain with exposure (netwarden explains in its own format)';
  if ((o.focus_conn ?? '') !== '') return 'focus-conn output (a different line shape)';
  if (o.multiple_networks === true) return 'multi-network output (UDN/NAD sections)';
  if (golden.compared === false || golden.format === 'svg') return 'svg (never compared upstream either)';
  if (golden.format !== 'txt' && hasTxtTwin) return `${golden.format} rendering of an exposure run (its txt twin is the candidate)`;
  if (golden.format !== 'txt') return `${golden.format} only, no txt twin (netwarden draws its own graphs)`;
  if (golden.exists_in_corpus === false) return 'golden file missing from the corpus';
  return undefined;
}

type Run = CorpusRun<Analysed>;

interface Analysed {
  readonly cluster: Cluster;
  readonly map: ConnectivityMap;
  readonly report: ExposureReport;
  readonly problems: string[];
}

function registerAll(corpus: string): void {
  const run = new CorpusRun(corpus, analyseInput);
  const goldens = readIndex(corpus).expected_outputs.filter(
    (g) => g.options.exposure === true && (g.kind === 'connlist' || g.kind === 'explain'),
  );
  const runKey = (g: Golden): string => JSON.stringify([g.kind, g.inputs, g.options]);
  const txtRuns = new Set(goldens.filter((g) => g.format === 'txt').map(runKey));
  for (const golden of goldens) {
    const reason = exposureReason(golden, txtRuns.has(runKey(golden)));
    if (reason === undefined) registerGolden(run, golden);
    else run.count(run.notRun, reason);
  }
  test('netpol-analyzer exposure: pass counts per feature, and goldens not compared', (t) => {
    const lines = run.summaryLines({
      tally: 'netpol-analyzer txt exposure',
      excluded: 'conformance: netpol-analyzer: candidate txt exposure goldens excluded, by reason',
      notRun: 'conformance: netpol-analyzer: other exposure goldens not run here, by reason',
    });
    for (const line of lines) t.diagnostic(line);
  });
}

function registerGolden(run: Run, golden: Golden): void {
  const input = golden.inputs[0]!;
  const kinds = run.kindsOf(input);
  const tags = ['exposure', ...inputTags(kinds, golden.options)];
  const name = `netpol-analyzer exposure ${golden.file.replace(/^test_outputs\//, '')}`;
  const exclusion = inputExclusion(kinds);
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
    let failure: unknown;
    try {
      compareGolden(run.corpus, golden, analysed);
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

async function analyseInput(path: string): Promise<Analysed> {
  const { cluster, problems } = await loadSources([path], { defaultNamespace: 'default' });
  const compiled = compileCluster(cluster, NETPOL_ANALYZER_ENGINE_OPTIONS);
  return {
    cluster,
    map: connectivity(compiled, { level: 'workload' }),
    report: exposure(compiled, { level: 'workload' }),
    problems: problems.filter((p) => p.severity === 'error').map(formatProblem),
  };
}

function compareGolden(corpus: string, golden: Golden, analysed: Analysed): void {
  const goldenText = readFileSync(join(corpus, golden.file), 'utf8');
  const expected = goldenText
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => !l.startsWith(INGRESS_CONTROLLER));
  const focus = focusOf(golden);
  const { lines: connlist, notes } = connlistLines(analysed.map, analysed.cluster.policies, focus);
  const actual = [...connlist, ...(connlist.length > 0 ? [''] : []), ...exposureSection(analysed.report, analysed.cluster, connlist, focus)];
  // upstream's own rule: equal after deleting every \n and \r
  if (equalIgnoringLineBreaks(expected.join('\n'), actual.join('\n'))) return;
  const actualPath = writeActual(join('netpol-analyzer', golden.file), actual.map((l) => `${l}\n`).join(''));
  const diff = diffLines(expected, actual);
  const context = [
    `input:  ${join(corpus, golden.inputs[0]!)}`,
    `golden: ${join(corpus, golden.file)}`,
    `actual: ${actualPath}`,
    ...notes.map((n) => `adapter: ${n}`),
    ...analysed.problems.slice(0, 10).map((p) => `load error: ${p}`),
  ];
  assert.fail(`${context.join('\n')}\n${isEmptyDiff(diff) ? 'same lines, different order' : formatDiff(diff)}`);
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

const dir = corpusDir('netpol-analyzer');
if (dir === undefined) {
  test('netpol-analyzer exposure conformance', (t) => t.skip(SKIP_REASON));
} else {
  registerAll(dir);
}

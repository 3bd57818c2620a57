// The issue's targets, checked against what a run measured. A target that a run could not measure
// (its size timed out, or the plan does not include it) says so instead of passing or failing.

import { megabytes, parseMs, seconds, statusText, totalMs, type RunRecord } from './record.js';
import { sizeLabel } from './sizes.js';
import type { Table } from './tables.js';

type Verdict = 'met' | 'not met' | 'not measured' | 'met (smaller size)' | 'not met (smaller size)';

interface TargetRow {
  readonly target: string;
  readonly measured: string;
  readonly verdict: Verdict;
}

const MAX_TOTAL_MS = 10_000;
const MAX_RSS_BYTES = 2 * 1024 ** 3;
const MAX_TOTAL_OVER_PARSE = 2;
const MAX_EVAL_MS = 1;
const MAX_DOUBLING_GROWTH = 2.2;

export function targetsTable(records: readonly RunRecord[]): Table {
  const largestOf = (format: string): RunRecord | undefined =>
    records
      .filter((r) => r.series === 'main' && r.format === format)
      .reduce<RunRecord | undefined>((best, r) => (best === undefined || r.size.pods > best.size.pods ? r : best), undefined);
  const largest = largestOf('yaml') ?? largestOf('json');
  const rows: TargetRow[] = [largestOf('yaml'), largestOf('json')].flatMap((r) =>
    r === undefined ? [] : largestRows(r).map((row) => atSmallerSize(row, r)),
  );
  rows.push(
    evalRow(records),
    doublingRow('pods ×2 (more workloads), same policies: time ≤ 2.2×', records.filter((r) => r.series === 'pods')),
    doublingRow('pods ×2 (more replicas), same policies: time ≤ 2.2×', records.filter((r) => r.series === 'replicas')),
  );
  const title = largest === undefined || isTargetSize(largest) ? 'Targets' : 'Targets (size targets checked at a smaller size than the target\'s)';
  return { title, header: ['target', 'measured', 'verdict'], rows: rows.map((r) => [r.target, r.measured, r.verdict]) };
}

const TARGET_SIZE = { pods: 100_000, policies: 10_000, namespaces: 2_000 } as const;

function isTargetSize(r: RunRecord): boolean {
  const { pods, policies, namespaces } = r.size;
  return pods === TARGET_SIZE.pods && policies === TARGET_SIZE.policies && namespaces === TARGET_SIZE.namespaces;
}

/** The size targets are the issue's at 100k/10k/2k; at a smaller size they only indicate. */
function atSmallerSize(row: TargetRow, r: RunRecord): TargetRow {
  if (isTargetSize(r)) return row;
  if (row.verdict === 'met') return { ...row, verdict: 'met (smaller size)' };
  if (row.verdict === 'not met') return { ...row, verdict: 'not met (smaller size)' };
  return row;
}

function largestRows(r: RunRecord): TargetRow[] {
  const at = `${sizeLabel(r.size)}, ${r.format.toUpperCase()} input`;
  const total = totalMs(r);
  const parse = parseMs(r);
  const unfinished = `— (${statusText(r)})`;
  return [
    total === undefined
      ? { target: `end to end < 10 s (${at})`, measured: unfinished, verdict: 'not measured' }
      : { target: `end to end < 10 s (${at})`, measured: `${seconds(total)} s`, verdict: total < MAX_TOTAL_MS ? 'met' : 'not met' },
    rssRow(r, at),
    total === undefined || parse === undefined
      ? { target: `total ≤ 2 × parse (${at})`, measured: unfinished, verdict: 'not measured' }
      : {
          target: `total ≤ 2 × parse (${at})`,
          measured: `${(total / parse).toFixed(2)}×`,
          verdict: total <= MAX_TOTAL_OVER_PARSE * parse ? 'met' : 'not met',
        },
  ];
}

function rssRow(r: RunRecord, at: string): TargetRow {
  const rss = r.result.maxRssBytes;
  const target = `peak RSS < 2 GB (${at})`;
  if (r.result.outcome === 'done') return { target, measured: `${megabytes(rss)} MB`, verdict: rss < MAX_RSS_BYTES ? 'met' : 'not met' };
  // Peak so far already over the limit is a failure even though the run did not finish.
  if (rss >= MAX_RSS_BYTES) return { target, measured: `≥ ${megabytes(rss)} MB before it stopped`, verdict: 'not met' };
  return { target, measured: `— (${statusText(r)}; ${megabytes(rss)} MB when last reported)`, verdict: 'not measured' };
}

function evalRow(records: readonly RunRecord[]): TargetRow {
  const measured = records.filter((r) => r.result.facts.evalMedianMs !== undefined);
  const target = 'single evaluate() < 1 ms (median, every size)';
  if (measured.length === 0) return { target, measured: '—', verdict: 'not measured' };
  const worst = measured.reduce((a, b) => ((b.result.facts.evalMedianMs ?? 0) > (a.result.facts.evalMedianMs ?? 0) ? b : a));
  const ms = worst.result.facts.evalMedianMs ?? 0;
  return {
    target,
    measured: `worst median ${(ms * 1000).toFixed(1)} µs (${sizeLabel(worst.size)}); ${measured.length}/${records.length} sizes measured`,
    verdict: ms < MAX_EVAL_MS ? 'met' : 'not met',
  };
}

function doublingRow(target: string, series: readonly RunRecord[]): TargetRow {
  const growth: string[] = [];
  let worst = 0;
  for (let i = 1; i < series.length; i++) {
    const [a, b] = [series[i - 1], series[i]];
    const [ta, tb] = [a && totalMs(a), b && totalMs(b)];
    if (ta === undefined || tb === undefined || b === undefined) continue;
    growth.push(`${(tb / ta).toFixed(2)}× at ${b.size.pods.toLocaleString('en-US')}`);
    worst = Math.max(worst, tb / ta);
  }
  if (growth.length === 0) return { target, measured: '— (fewer than two finished sizes)', verdict: 'not measured' };
  const unfinished = series.findIndex((r) => totalMs(r) === undefined);
  if (unfinished < 0) return { target, measured: growth.join(', '), verdict: worst <= MAX_DOUBLING_GROWTH ? 'met' : 'not met' };
  // A size killed at its budget grew by about budget / (time of the size before it) or more
  // (the budget also covers process start-up and the evaluate() sampling, hence "≳").
  const stopped = series[unfinished];
  const before = series[unfinished - 1];
  const beforeMs = before && totalMs(before);
  const atLeast = stopped && beforeMs !== undefined ? stopped.timeoutMs / beforeMs : undefined;
  const note = `${growth.join(', ')}; then ${stopped ? statusText(stopped) : 'did not finish'}${atLeast === undefined ? '' : ` (≳ ${atLeast.toFixed(2)}×)`}`;
  const exceeded = worst > MAX_DOUBLING_GROWTH || (atLeast !== undefined && atLeast > MAX_DOUBLING_GROWTH);
  return { target, measured: note, verdict: exceeded ? 'not met' : 'not measured' };
}

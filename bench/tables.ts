// The benchmark's tables, as aligned text for the terminal and as Markdown for docs/benchmarks.md.

import { megabytes, parseMs, phaseSeconds, seconds, statusText, totalMs, type RunRecord } from './record.js';
import type { Series } from './sizes.js';

export interface Table {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

const int = (n: number | undefined): string => (n === undefined ? '—' : n.toLocaleString('en-US'));

function ratio(numerator: number | undefined, denominator: number | undefined): string {
  return numerator === undefined || denominator === undefined || denominator === 0 ? '—' : `${(numerator / denominator).toFixed(2)}×`;
}

function evalText(record: RunRecord): string {
  const { evalMedianMs, evalP99Ms } = record.result.facts;
  if (evalMedianMs === undefined) return '—';
  const micro = (ms: number | undefined): string => (ms === undefined ? '—' : (ms * 1000).toFixed(1));
  return `${micro(evalMedianMs)} (${micro(evalP99Ms)})`;
}

/** Every measured column, one row per size and manifest format. */
export function sizesTable(series: Series, records: readonly RunRecord[]): Table {
  const withCli = records.some((r) => r.cli !== undefined);
  return {
    title: series.title,
    header: [
      'pods', 'policies', 'ns', 'workloads', 'input', 'input MB', 'parse s', 'compile s', 'connectivity s', 'JSON s', 'total s', 'total/parse',
      'peak RSS MB', 'eval µs median (p99)', 'connections', 'output MB', ...(withCli ? ['CLI wall s', 'CLI peak RSS MB'] : []), 'status',
    ],
    rows: records.map((r) => [
      int(r.size.pods),
      int(r.size.policies),
      int(r.size.namespaces),
      int(r.generated.workloads),
      r.format.toUpperCase(),
      megabytes(r.generated.bytes),
      phaseSeconds(r, 'load'),
      phaseSeconds(r, 'compile'),
      phaseSeconds(r, 'connectivity'),
      phaseSeconds(r, 'serialise'),
      seconds(totalMs(r)),
      ratio(totalMs(r), parseMs(r)),
      megabytes(r.result.maxRssBytes || undefined),
      evalText(r),
      int(r.result.facts.connections),
      megabytes(r.result.facts.outputBytes),
      ...(withCli ? cliCells(r) : []),
      statusText(r),
    ]),
  };
}

function cliCells(r: RunRecord): string[] {
  if (r.cli === undefined) return ['—', '—'];
  if (r.cli.outcome === 'timeout') return [`> ${seconds(r.timeoutMs, 0)}`, '—'];
  if (r.cli.outcome === 'crashed') return ['crashed', '—'];
  return [seconds(r.cli.wallMs), megabytes(r.cli.maxRssBytes)];
}

/** Growth from one size to the next: the doubled quantity, time, and what the output grew by. */
export function doublingTable(series: Series, records: readonly RunRecord[]): Table {
  const varied = series.id === 'policies' ? 'policies' : 'pods';
  return {
    title: series.title,
    header: [varied, 'workloads', 'parse s', 'connectivity s', 'total s', 'time × previous', 'connections', 'connections × previous', 'peak RSS MB', 'status'],
    rows: records.map((r, i) => {
      const previous = i > 0 ? records[i - 1] : undefined;
      return [
        int(r.size[varied]),
        int(r.generated.workloads),
        phaseSeconds(r, 'load'),
        phaseSeconds(r, 'connectivity'),
        seconds(totalMs(r)),
        previous === undefined ? '' : ratio(totalMs(r), totalMs(previous)),
        int(r.result.facts.connections),
        previous === undefined ? '' : ratio(r.result.facts.connections, previous.result.facts.connections),
        megabytes(r.result.maxRssBytes || undefined),
        statusText(r),
      ];
    }),
  };
}

export function tableText(table: Table): string {
  const widths = table.header.map((h, c) => Math.max(h.length, ...table.rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ').trimEnd();
  return [table.title, line(table.header), line(widths.map((w) => '-'.repeat(w))), ...table.rows.map(line)].join('\n');
}

export function tableMarkdown(table: Table): string {
  const line = (cells: readonly string[]): string => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  return [`### ${table.title}`, '', line(table.header), line(table.header.map(() => '---')), ...table.rows.map(line)].join('\n');
}

// Formatters of a probe report (style rule 9: one per format, one registry). Pure: they only read.
import { assertNever } from '../model/common.js';
import type { ComparisonRow } from './compare.js';
import type { ProbeReport } from './lab.js';

export const PROBE_OUTPUTS = ['table', 'json'] as const;
export type ProbeOutput = (typeof PROBE_OUTPUTS)[number];

export const probeFormatters = {
  table: formatProbeTable,
  json: formatProbeJson,
} as const satisfies Record<ProbeOutput, (report: ProbeReport) => string>;

function observedText(row: ComparisonRow): string {
  switch (row.observed) {
    case 'answered':
      return 'answered';
    case 'timeout':
      return 'timed out';
    case 'rejected':
      return 'rejected';
    case 'blocked':
      return 'blocked at source';
    case 'wrong-answer':
      return `answered by "${row.detail ?? ''}"`;
    case 'refused':
      return 'refused (no listener)';
    case 'error':
      return `error: ${row.detail ?? ''}`;
    default:
      return assertNever(row.observed);
  }
}

/** One row per probe, then the totals; disagreements are marked at the end of their row. */
export function formatProbeTable(report: ProbeReport): string {
  const header = ['FROM', 'TO', 'PORT', 'KERNEL', 'ENGINE', ''];
  const cells = report.rows.map((row) => [
    row.from,
    row.to === row.address ? row.to : `${row.to} (${row.address})`,
    `${row.protocol}/${row.port}`,
    observedText(row),
    row.engineAllows ? 'allowed' : 'denied',
    row.agree ? '' : 'DISAGREE',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]): string => c.map((text, i) => text.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const lines = [line(header), ...cells.map(line)];
  return `${[...lines, '', ...report.notes, summaryLine(report)].join('\n')}\n`;
}

export function summaryLine(report: ProbeReport): string {
  const s = report.summary;
  const seconds = (report.millis / 1000).toFixed(1);
  const parts = [`${s.answered} answered`, `${s.denied} denied (timed out, rejected or blocked)`];
  if (s.faults > 0) parts.push(`${s.faults} lab faults`);
  const verdict =
    s.disagreements === 0
      ? `the kernel agrees with the engine on all ${s.probes}.`
      : `${s.disagreements} disagreement${s.disagreements === 1 ? '' : 's'} between the kernel and the engine.`;
  return `${s.probes} probes in ${seconds} s: ${parts.join(', ')}; ${verdict}`;
}

/** The report as JSON: { version, summary, notes, probes: [...] }. */
export function formatProbeJson(report: ProbeReport): string {
  const probes = report.rows.map((row) => ({
    from: row.from,
    to: row.to,
    address: row.address,
    protocol: row.protocol,
    port: row.port,
    kernel: row.observed,
    ...(row.detail === undefined ? {} : { detail: row.detail }),
    engine: row.engineAllows ? 'allowed' : 'denied',
    agree: row.agree,
  }));
  return `${JSON.stringify({ version: 1, summary: report.summary, millis: Math.round(report.millis), notes: report.notes, probes }, null, 2)}\n`;
}

// One measured size, as the runner keeps it and the tables read it.

import type { ManifestFormat } from './generate/write-manifests.js';
import { END_TO_END_PHASES, type Phase } from './protocol.js';
import type { SizeResult } from './run-size.js';
import type { CliResult } from './run-cli.js';
import type { BenchSize, SeriesId } from './sizes.js';

export interface RunRecord {
  readonly series: SeriesId;
  readonly size: BenchSize;
  readonly format: ManifestFormat;
  readonly generated: { readonly workloads: number; readonly services: number; readonly files: number; readonly bytes: number };
  readonly timeoutMs: number;
  readonly result: SizeResult;
  /** The built CLI on the same manifests (--cli). */
  readonly cli?: CliResult;
}

/** load + compile + connectivity + serialise, when all four finished. */
export function totalMs(record: RunRecord): number | undefined {
  let total = 0;
  for (const phase of END_TO_END_PHASES) {
    const ms = record.result.phaseMs[phase];
    if (ms === undefined) return undefined;
    total += ms;
  }
  return total;
}

export function parseMs(record: RunRecord): number | undefined {
  return record.result.phaseMs.load;
}

/** "ok", or where a run stopped: "> 120 s in connectivity", "crashed in load (exit code 134)". */
export function statusText(record: RunRecord): string {
  const { result } = record;
  if (result.outcome === 'done') return 'ok';
  const where = result.inPhase === undefined ? 'between phases' : `in ${result.inPhase}`;
  if (result.outcome === 'timeout') return `> ${seconds(record.timeoutMs, 0)} s budget, killed ${where}`;
  const first = result.failure?.split('\n')[0] ?? 'unknown';
  return `crashed ${where} (${first})`;
}

export function seconds(ms: number | undefined, digits = 2): string {
  return ms === undefined ? '—' : (ms / 1000).toFixed(digits);
}

export function megabytes(bytes: number | undefined): string {
  if (bytes === undefined) return '—';
  const mb = bytes / 1024 / 1024;
  return mb.toFixed(mb < 1 ? 2 : mb < 10 ? 1 : 0);
}

export function phaseSeconds(record: RunRecord, phase: Phase): string {
  return seconds(record.result.phaseMs[phase]);
}

/**
 * An adapter for conformance only: a netwarden ConnectivityDiff (workload level) written in
 * netpol-analyzer's diff grammar (corpus/netpol-analyzer/README.md, "Grammar of the txt diff
 * output"), as txt, csv or md lines, so that its diff goldens can be compared line by line.
 *
 *   diff-type: changed|added|removed, source: SRC, destination: DST, ref1: CONNS1, ref2: CONNS2[, workloads-diff-info: ...]
 *
 * Address ranges: upstream cuts both maps at the union of their ranges, diffs, then merges the
 * touching ranges of one workload that have the same pair of connections (its mergeIPblocks):
 * every line's range is a maximal run of addresses with the same (ref1, ref2) for that workload.
 * netwarden's common ranges are at least as fine, so merging them the same way gives upstream's.
 */
import type { ConnectionChange, ConnectivityDiff } from '../../src/analysis/diff.js';
import type { MapEndpoint } from '../../src/engine/index.js';
import { compareBytes } from './corpus.js';
import { formatRange, parseIPv4, type Interval } from './ipv4-ranges.js';
import { formatConns, isExternal } from './netpol-analyzer-format.js';

export type DiffFormat = 'txt' | 'csv' | 'md';

const NO_CONNECTIONS = 'No Connections';
const KIND_ORDER = ['changed', 'added', 'removed'] as const;

interface DiffRow {
  readonly kind: ConnectionChange['change'];
  readonly src: string;
  readonly dst: string;
  readonly ref1: string;
  readonly ref2: string;
  readonly info: string;
}

export interface DiffLines {
  readonly lines: string[];
  /** What the adapter left out (IPv6 ranges), for failure messages. */
  readonly notes: string[];
}

/** The whole output in `format`, as lines (upstream's order: changed, added, removed, each sorted). */
export function diffLinesOf(diff: ConnectivityDiff, format: DiffFormat, refNames: readonly [string, string] = ['ref1', 'ref2']): DiffLines {
  const notes: string[] = [];
  const rows = diffRows(diff, notes);
  const body = KIND_ORDER.flatMap((kind) => rows.filter((r) => r.kind === kind).map((r) => rowText(r, format, refNames)).sort(compareBytes));
  if (body.length === 0) return { lines: [], notes }; // upstream writes nothing at all for no diff
  const header = {
    txt: ['Connectivity diff:'],
    csv: [`diff-type,source,destination,${refNames[0]},${refNames[1]},workloads-diff-info`],
    md: [
      `| diff-type | source | destination | ${refNames[0]} | ${refNames[1]} | workloads-diff-info |`,
      '|-----------|--------|-------------|------|------|---------------------|', // fixed, whatever the names
    ],
  }[format];
  return { lines: [...header, ...body], notes };
}

function rowText(row: DiffRow, format: DiffFormat, [name1, name2]: readonly [string, string]): string {
  switch (format) {
    case 'txt': {
      const info = row.info === '' ? '' : `, workloads-diff-info: ${row.info}`;
      return `diff-type: ${row.kind}, source: ${row.src}, destination: ${row.dst}, ${name1}: ${row.ref1}, ${name2}: ${row.ref2}${info}`;
    }
    case 'csv':
      return [row.kind, row.src, row.dst, row.ref1, row.ref2, row.info].map(csvField).join(',');
    case 'md':
      return `| ${[row.kind, row.src, row.dst, row.ref1, row.ref2, row.info].join(' | ')} |`;
  }
}

/** Go's encoding/csv quotes a field with a comma, a quote, a line break, or a leading space. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) || text.startsWith(' ') ? `"${text.replaceAll('"', '""')}"` : text;
}

function diffRows(diff: ConnectivityDiff, notes: string[]): DiffRow[] {
  const endpoints = new Map(diff.endpoints.map((e) => [e.endpoint.id, e]));
  const rows: DiffRow[] = [];
  const runs = new Map<string, { kind: DiffRow['kind']; workload: string; toExternal: boolean; ref1: string; ref2: string; info: string; ranges: Interval[] }>();
  for (const change of diff.changes) {
    const from = endpoints.get(change.from)!;
    const to = endpoints.get(change.to)!;
    const ref1 = change.change === 'added' ? NO_CONNECTIONS : formatConns(change.before);
    const ref2 = change.change === 'removed' ? NO_CONNECTIONS : formatConns(change.after);
    const info = diffInfo(change, from, to);
    const external = isExternal(from.endpoint) ? from.endpoint : isExternal(to.endpoint) ? to.endpoint : undefined;
    if (external === undefined) {
      rows.push({ kind: change.change, src: peerText(from.endpoint), dst: peerText(to.endpoint), ref1, ref2, info });
      continue;
    }
    const start = parseIPv4(external.start);
    const end = parseIPv4(external.end);
    if (start === undefined || end === undefined) {
      notes.push(`left out a change with non-IPv4 range ${external.id}`);
      continue;
    }
    const toExternal = external === to.endpoint;
    const workload = peerText(toExternal ? from.endpoint : to.endpoint);
    const key = [change.change, toExternal, workload, ref1, ref2, info].join('\u0000');
    const run = runs.get(key) ?? { kind: change.change, workload, toExternal, ref1, ref2, info, ranges: [] };
    run.ranges.push([start, end]);
    runs.set(key, run);
  }
  for (const run of runs.values()) {
    for (const range of mergeTouching(run.ranges)) {
      const ip = `${formatRange(range)}[External]`;
      rows.push({ kind: run.kind, src: run.toExternal ? run.workload : ip, dst: run.toExternal ? ip : run.workload, ref1: run.ref1, ref2: run.ref2, info: run.info });
    }
  }
  return rows;
}

function mergeTouching(ranges: readonly Interval[]): Interval[] {
  const merged: [number, number][] = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** `workload A[ and B] added|removed` for the ends that exist on one side only (IP ranges never count). */
function diffInfo(change: ConnectionChange, from: ConnectivityDiff['endpoints'][number], to: ConnectivityDiff['endpoints'][number]): string {
  if (change.change === 'changed') return '';
  const wanted = change.change; // an added connection's new ends are added endpoints, a removed one's lost ends removed ones
  const ends = [from, to].filter((e) => !isExternal(e.endpoint) && e.presence === wanted).map((e) => peerText(e.endpoint));
  return ends.length === 0 ? '' : `workload ${ends.join(' and ')} ${wanted}`;
}

/** `ns/name[Kind]`; an owner reference without a kind is shown as [Pod] (upstream's WorkloadPeer.Kind()). */
function peerText(endpoint: MapEndpoint): string {
  if (isExternal(endpoint)) return `${endpoint.id}[External]`;
  return `${endpoint.namespace}/${endpoint.name}[${endpoint.kind === '' ? 'Pod' : endpoint.kind}]`;
}

import type { ConnectivityDiff } from '../analysis/diff.js';
import { presenceById } from '../analysis/diff.js';
import { compactChanges } from '../analysis/diff-compact.js';
import { chunked } from './formatter.js';
import type { FormatOptions } from './formatter.js';
import { formatPortSet } from './ports-text.js';
import { changeNote, endpointsWith, summaryLine } from './diff-words.js';

const HEADER = ['CHANGE', 'FROM', 'TO', 'BEFORE', 'AFTER', 'NOTE'] as const;

/**
 * A connectivity diff as an aligned table: one row per added, removed or changed connection
 * (in that order), then a summary and the endpoints found in one map only. Unchanged
 * connections are only counted.
 */
export function formatDiffTable(diff: ConnectivityDiff, options?: FormatOptions): Iterable<string> {
  return chunked(tablePieces(diff), options);
}

function* tablePieces(diff: ConnectivityDiff): Generator<string, void, undefined> {
  const presence = presenceById(diff);
  const changes = compactChanges(diff);
  const rows = changes.map((c) => [c.change, c.from, c.to, formatPortSet(c.before), formatPortSet(c.after), changeNote(c, presence)]);
  if (rows.length > 0) {
    const widths = HEADER.map((title) => title.length);
    for (const row of rows) row.forEach((cell, column) => (widths[column] = Math.max(widths[column]!, cell.length)));
    const line = (cells: readonly string[]): string => `${cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()}\n`;
    yield line(HEADER);
    for (const row of rows) yield line(row);
    yield '\n';
  }
  yield `${summaryLine(diff, changes)}\n`;
  for (const [title, presenceKind] of [['Endpoints added', 'added'], ['Endpoints removed', 'removed']] as const) {
    const ids = endpointsWith(diff, presenceKind);
    if (ids.length === 0) continue;
    yield `${title} (${ids.length}):\n`;
    for (const id of ids) yield `  ${id}\n`;
  }
}

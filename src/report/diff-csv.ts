import type { ConnectivityDiff } from '../analysis/diff.js';
import { presenceById } from '../analysis/diff.js';
import { compactChanges } from '../analysis/diff-compact.js';
import { chunked } from './formatter.js';
import type { FormatOptions } from './formatter.js';
import { formatPortSet } from './ports-text.js';
import { changeNote } from './diff-words.js';
import { csvField } from './quoting.js';

const HEADER = ['change', 'from', 'to', 'before', 'after', 'gained', 'lost', 'note'] as const;

/**
 * `diff -o csv` (RFC 4180, lines ending in LF as map -o csv): a header, then one record per row
 * of the table (added, removed, changed; touching address ranges merged), ports in the table's
 * words (`TCP/80, UDP/53`, `all`, `none`). A field is quoted when it holds a comma, a quote or a
 * line break.
 */
export function formatDiffCsv(diff: ConnectivityDiff, options?: FormatOptions): Iterable<string> {
  return chunked(csvPieces(diff), options);
}

function* csvPieces(diff: ConnectivityDiff): Generator<string, void, undefined> {
  const presence = presenceById(diff);
  yield `${HEADER.join(',')}\n`;
  for (const c of compactChanges(diff)) {
    const ports = [c.before, c.after, c.gained, c.lost].map(formatPortSet);
    yield `${[c.change, c.from, c.to, ...ports, changeNote(c, presence)].map(csvField).join(',')}\n`;
  }
}

import type { ConnectivityDiff } from '../analysis/diff.js';
import { presenceById } from '../analysis/diff.js';
import { compactChanges } from '../analysis/diff-compact.js';
import { chunked } from './formatter.js';
import type { FormatOptions } from './formatter.js';
import { formatPortSet } from './ports-text.js';
import { changeNote, endpointsWith, summaryLine } from './diff-words.js';
import { markdownCell } from './quoting.js';

/**
 * A connectivity diff as Markdown, for a pull-request comment: the summary, a table of the added,
 * removed and changed connections, and the endpoints found in one map only.
 */
export function formatDiffMarkdown(diff: ConnectivityDiff, options?: FormatOptions): Iterable<string> {
  return chunked(markdownPieces(diff), options);
}

function* markdownPieces(diff: ConnectivityDiff): Generator<string, void, undefined> {
  const presence = presenceById(diff);
  const changes = compactChanges(diff);
  yield `**Connectivity diff.** ${markdownCell(summaryLine(diff, changes))}\n`;
  if (changes.length > 0) {
    yield '\n| change | from | to | before | after | note |\n| --- | --- | --- | --- | --- | --- |\n';
    for (const c of changes) {
      const cells = [c.change, c.from, c.to, formatPortSet(c.before), formatPortSet(c.after), changeNote(c, presence)];
      yield `| ${cells.map(markdownCell).join(' | ')} |\n`;
    }
  }
  for (const [title, presenceKind] of [['Endpoints added', 'added'], ['Endpoints removed', 'removed']] as const) {
    const ids = endpointsWith(diff, presenceKind);
    if (ids.length === 0) continue;
    yield `\n${title} (${ids.length}):\n\n`;
    for (const id of ids) yield `- ${markdownCell(id)}\n`;
  }
}

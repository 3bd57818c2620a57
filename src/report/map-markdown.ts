import type { PortSet } from '../algebra/port-set.js';
import type { ConnectivityMap } from '../engine/types.js';
import { chunked } from './formatter.js';
import type { FormatOptions } from './formatter.js';
import { formatMapSummary } from './map-table.js';
import { formatPortSet } from './ports-text.js';
import { markdownCell } from './quoting.js';

/**
 * `map -o md`: a GitHub-flavoured Markdown table (for pull-request comments and job summaries),
 * one row per connection in the map's order with every cell filled, then the summary line.
 * Cells are escaped so that no id can end a cell, start markup or inject HTML.
 */
export function formatMapMarkdown(map: ConnectivityMap, options?: FormatOptions): Iterable<string> {
  return chunked(markdownPieces(map), options);
}

function* markdownPieces(map: ConnectivityMap): Generator<string, void, undefined> {
  yield '| From | To | Ports |\n| --- | --- | --- |\n';
  const cells = new Map<string, string>();
  const cell = (text: string): string => {
    let escaped = cells.get(text);
    if (escaped === undefined) cells.set(text, (escaped = markdownCell(text)));
    return escaped;
  };
  const portCells = new WeakMap<PortSet, string>();
  for (const { from, to, allow } of map.connections) {
    let ports = portCells.get(allow);
    if (ports === undefined) portCells.set(allow, (ports = markdownCell(formatPortSet(allow))));
    yield `| ${cell(from)} | ${cell(to)} | ${ports} |\n`;
  }
  yield `\n${formatMapSummary(map)}\n`;
}

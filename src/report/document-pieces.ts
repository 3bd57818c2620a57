// Pieces shared by the streamed JSON and YAML documents (map, diff): a top-level list, item by
// item, and a PortSet written as YAML flow text.
import type { PortSet } from '../algebra/port-set.js';
import { PROTOCOLS } from '../model/common.js';

/** A JSON list under a top-level key: `[]`, or `[`, each item on a line of its own indented by 4, and `  ]`. */
export function* jsonListPieces<T>(items: readonly T[], json: (item: T) => string): Generator<string, void, undefined> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  let separator = '[\n    ';
  for (const item of items) {
    yield separator + json(item);
    separator = ',\n    ';
  }
  yield '\n  ]';
}

/** A top-level YAML list: `key: []`, or `key:` and one `  - item` line per item. */
export function* yamlListPieces<T>(key: string, items: readonly T[], yaml: (item: T) => string): Generator<string, void, undefined> {
  if (items.length === 0) {
    yield `${key}: []\n`;
    return;
  }
  yield `${key}:\n`;
  for (const item of items) yield `  - ${yaml(item)}\n`;
}

/** Like the JSON: only protocols with ports, each a list of inclusive [from, to] ranges, in flow style. */
export function portSetYaml(ports: PortSet): string {
  const parts: string[] = [];
  for (const protocol of PROTOCOLS) {
    const ranges = ports[protocol];
    if (ranges.length > 0) parts.push(`${protocol}: [${ranges.map(([from, to]) => `[${from}, ${to}]`).join(', ')}]`);
  }
  return `{${parts.join(', ')}}`;
}

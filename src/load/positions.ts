// Source lines of the plain objects built from YAML, and the "site" (file, field path, line)
// that every problem and every model `source` is made from.
//
// Each plain map/array made by yaml-to-plain.ts is registered here with the YAML node it came
// from; lines are looked up lazily, so a pod's syntax tree can be collected once it is decoded.

import { isMap, isScalar, isSeq, type LineCounter, type YAMLMap, type YAMLSeq } from 'yaml';

interface Origin {
  readonly node: YAMLMap | YAMLSeq;
  readonly lines: LineCounter;
}

const origins = new WeakMap<object, Origin>();

export function registerOrigin(value: object, node: YAMLMap | YAMLSeq, lines: LineCounter): void {
  origins.set(value, { node, lines });
}

function lineAt(lines: LineCounter, offset: number | undefined): number | undefined {
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

/** 1-based line where a plain map/array starts, if it came from YAML. */
export function lineOf(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const origin = origins.get(value);
  return origin ? lineAt(origin.lines, origin.node.range?.[0]) : undefined;
}

/** Line of a map entry (its key) or of an array item, if known. */
export function childLineOf(parent: unknown, key: string | number): number | undefined {
  if (typeof parent !== 'object' || parent === null) return undefined;
  const origin = origins.get(parent);
  if (!origin) return undefined;
  if (isSeq(origin.node) && typeof key === 'number') {
    const item: unknown = origin.node.items[key];
    return isScalar(item) || isMap(item) || isSeq(item) ? lineAt(origin.lines, item.range?.[0]) : undefined;
  }
  if (isMap(origin.node)) {
    const pair = origin.node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
    const node = pair?.key ?? pair?.value;
    return isScalar(node) || isMap(node) || isSeq(node) ? lineAt(origin.lines, node.range?.[0]) : undefined;
  }
  return undefined;
}

/** Where a value is: file, field path relative to its object, and 1-based line. */
export interface Site {
  readonly file: string;
  readonly path: string;
  readonly line: number;
}

/** The site of `parent[key]`: the entry's own line when known, else the parent's. */
export function fieldSite(site: Site, parent: unknown, key: string): Site {
  return {
    file: site.file,
    path: site.path === '' ? key : `${site.path}.${key}`,
    line: childLineOf(parent, key) ?? site.line,
  };
}

/** The site of `parent[index]`. */
export function itemSite(site: Site, parent: unknown, index: number): Site {
  return { file: site.file, path: `${site.path}[${index}]`, line: childLineOf(parent, index) ?? site.line };
}

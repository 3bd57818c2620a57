// Source lines of the plain objects built from the input, and the "site" (file, field path,
// line) that every problem and every model `source` is made from.
//
// Each plain map/array is registered here when it is built: with its YAML node (yaml-to-plain.ts;
// lines are computed lazily, so a pod's syntax tree can be collected once it is decoded), or
// with the lines the JSON reader recorded (json-to-plain.ts).

import { isMap, isScalar, isSeq, type LineCounter, type YAMLMap, type YAMLSeq } from 'yaml';

type Origin =
  | { readonly node: YAMLMap | YAMLSeq; readonly lines: LineCounter }
  | {
      readonly line: number;
      /** Keys of an object in written order; undefined for an array. */
      readonly keys: readonly string[] | undefined;
      /** Line of each key (object) or item (array). */
      readonly childLines: readonly number[];
    };

const origins = new WeakMap<object, Origin>();

export function registerOrigin(value: object, node: YAMLMap | YAMLSeq, lines: LineCounter): void {
  origins.set(value, { node, lines });
}

export function registerLines(value: object, line: number, childLines: readonly number[], keys?: readonly string[]): void {
  origins.set(value, { line, keys, childLines });
}

function lineAt(lines: LineCounter, offset: number | undefined): number | undefined {
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

/** 1-based line where a plain map/array starts, if known. */
export function lineOf(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const origin = origins.get(value);
  if (origin === undefined) return undefined;
  return 'node' in origin ? lineAt(origin.lines, origin.node.range?.[0]) : origin.line;
}

/** Line of a map entry (its key) or of an array item, if known. */
export function childLineOf(parent: unknown, key: string | number): number | undefined {
  if (typeof parent !== 'object' || parent === null) return undefined;
  const origin = origins.get(parent);
  if (origin === undefined) return undefined;
  if (!('node' in origin)) {
    const index = origin.keys === undefined ? key : origin.keys.lastIndexOf(String(key));
    return typeof index === 'number' ? origin.childLines[index] : undefined;
  }
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

/**
 * A site below another, computed only when read: most fields never need their path or line,
 * and a large input reads millions of them.
 */
class ChildSite implements Site {
  private readonly parentSite: Site;
  private readonly parent: unknown;
  private readonly key: string | number;
  private cachedPath: string | undefined;
  private cachedLine: number | undefined;

  constructor(parentSite: Site, parent: unknown, key: string | number) {
    this.parentSite = parentSite;
    this.parent = parent;
    this.key = key;
  }

  get file(): string {
    return this.parentSite.file;
  }

  get path(): string {
    if (this.cachedPath === undefined) {
      const base = this.parentSite.path;
      if (typeof this.key === 'number') this.cachedPath = `${base}[${this.key}]`;
      else this.cachedPath = base === '' ? this.key : `${base}.${this.key}`;
    }
    return this.cachedPath;
  }

  get line(): number {
    this.cachedLine ??= childLineOf(this.parent, this.key) ?? this.parentSite.line;
    return this.cachedLine;
  }
}

/** The site of `parent[key]`: the entry's own line when known, else the parent's. */
export function fieldSite(site: Site, parent: unknown, key: string): Site {
  return new ChildSite(site, parent, key);
}

/** The site of `parent[index]`. */
export function itemSite(site: Site, parent: unknown, index: number): Site {
  return new ChildSite(site, parent, index);
}

/** A plain copy of a site with some parts replaced (a ChildSite's getters do not spread). */
export function siteWith(site: Site, change: Partial<Site>): Site {
  return { file: change.file ?? site.file, path: change.path ?? site.path, line: change.line ?? site.line };
}

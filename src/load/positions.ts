// Source lines of the plain objects built from the input, and the "site" (file, field path,
// line) that every problem and every model `source` is made from.
//
// Each plain map/array is registered here when it is built: with its YAML node (yaml-to-plain.ts;
// lines are computed lazily, so a pod's syntax tree can be collected once it is decoded), or
// with the lines a reader recorded (json-to-plain.ts, simple-yaml-to-plain.ts).

import { isMap, isScalar, isSeq, type LineCounter, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * Lines a reader recorded for a plain array or object, in one array (large inputs register
 * millions): the collection's own line, then for an array the line of each item, for an object
 * each key followed by the line of its entry, in written order.
 */
export type LineRecord = Array<number | string>;

type Origin = { readonly node: YAMLMap | YAMLSeq; readonly lines: LineCounter } | LineRecord;

// The origin is kept on the value itself, under a symbol that is not enumerable: invisible to
// Object.keys, spread, JSON and deepStrictEqual, and as long-lived as the value, like a WeakMap
// entry. A WeakMap was the largest single cost of loading a large input (registering 1.6 million
// maps and arrays of the 25 MB benchmark input took 1.3 s plus as much garbage collection).
const ORIGIN = Symbol('netwarden.origin');

function setOrigin(value: object, origin: Origin): void {
  Object.defineProperty(value, ORIGIN, { value: origin, configurable: true });
}

function originOf(value: object): Origin | undefined {
  return (value as { [ORIGIN]?: Origin })[ORIGIN];
}

export function registerOrigin(value: object, node: YAMLMap | YAMLSeq, lines: LineCounter): void {
  setOrigin(value, { node, lines });
}

export function registerLines(value: object, record: LineRecord): void {
  setOrigin(value, record);
}

function lineAt(lines: LineCounter, offset: number | undefined): number | undefined {
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

/** 1-based line where a plain map/array starts, if known. */
export function lineOf(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const origin = originOf(value);
  if (origin === undefined) return undefined;
  return Array.isArray(origin) ? (origin[0] as number) : lineAt(origin.lines, origin.node.range?.[0]);
}

/** Line of a map entry (its key) or of an array item, if known. */
export function childLineOf(parent: unknown, key: string | number): number | undefined {
  if (typeof parent !== 'object' || parent === null) return undefined;
  const origin = originOf(parent);
  if (origin === undefined) return undefined;
  if (Array.isArray(origin)) return recordedLine(origin, parent, key);
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

function recordedLine(record: LineRecord, parent: object, key: string | number): number | undefined {
  if (Array.isArray(parent)) return typeof key === 'number' ? (record[key + 1] as number | undefined) : undefined;
  const name = String(key);
  for (let i = record.length - 2; i >= 1; i -= 2) if (record[i] === name) return record[i + 1] as number;
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

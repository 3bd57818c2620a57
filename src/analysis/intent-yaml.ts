// Reading an intents file's YAML nodes with their lines, collecting every problem as
// `file:line: field: message` (style rule 8) instead of stopping at the first.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import type { LoadProblem } from '../model/problem.js';

/** Nodes that aliases may stand for in one file, so that an alias bomb fails fast. */
const NODE_BUDGET = 100_000;

/** A map's entries by key, each with its key's line and its value node (undefined for `key:` with nothing). */
export type MapEntries = ReadonlyMap<string, { readonly line: number; readonly value: Node | undefined }>;

export class IntentYaml {
  readonly file: string;
  readonly problems: LoadProblem[] = [];
  readonly root: Node | undefined;
  private readonly lines = new LineCounter();
  private readonly doc: Document.Parsed;
  private budget = NODE_BUDGET;

  constructor(file: string, text: string) {
    this.file = file;
    this.doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: true });
    for (const error of this.doc.errors) {
      const position = error.linePos?.[0];
      // The library ends its first line with " at line L, column C:" and a code frame; file:line:column says it.
      const message = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
      this.problems.push({ severity: 'error', kind: 'yaml', file, line: position?.line ?? 0, ...(position ? { column: position.col } : {}), message });
    }
    this.root = this.doc.errors.length > 0 ? undefined : (this.doc.contents ?? undefined);
  }

  /** The alias budget ran out: the rest of the file is not read. */
  get exhausted(): boolean {
    return this.budget < 0;
  }

  /** The 1-based line where `node` starts; `fallback` when there is no node. */
  lineOf(node: Node | undefined, fallback = 0): number {
    const offset = node?.range?.[0];
    return offset === undefined ? fallback : this.lines.linePos(offset).line;
  }

  error(line: number, fieldPath: string, message: string): undefined {
    this.problems.push({ severity: 'error', kind: 'schema', file: this.file, line, ...(fieldPath === '' ? {} : { fieldPath }), message });
    return undefined;
  }

  /** The node an alias stands for; each node read counts against the budget. */
  resolve(node: Node | undefined, path: string, line: number): Node | undefined {
    return this.resolved(node, path, line) ?? undefined;
  }

  /** `resolve`, with null when the node could not be read (reported): callers then say nothing more. */
  private resolved(node: Node | undefined, path: string, line: number): Node | undefined | null {
    if (--this.budget < 0) {
      if (this.budget === -1) this.error(line, path, `more than ${NODE_BUDGET} values once aliases are expanded; refusing the file`);
      return null;
    }
    if (!isAlias(node)) return node;
    const target = node.resolve(this.doc);
    if (target !== undefined) return target as Node;
    this.error(this.lineOf(node, line), path, `unknown alias *${node.source}`);
    return null;
  }

  /** A map; with `allowed`, keys not in it are reported and left out. */
  map(node: Node | undefined, path: string, line: number, allowed?: readonly string[]): MapEntries | undefined {
    const resolved = this.resolved(node, path, line);
    if (resolved === null) return undefined;
    if (!isMap(resolved)) {
      return this.error(this.lineOf(resolved, line), path, allowed === undefined ? 'expected a map' : `expected a map with the fields ${allowed.join(', ')}`);
    }
    const entries = new Map<string, { line: number; value: Node | undefined }>();
    for (const pair of resolved.items) {
      const key = this.resolve(pair.key as Node | undefined, path, line);
      const keyLine = this.lineOf(key, this.lineOf(resolved, line));
      if (!isScalar(key) || typeof key.value !== 'string') {
        this.error(keyLine, path, 'keys must be strings');
        continue;
      }
      if (allowed !== undefined && !allowed.includes(key.value)) {
        this.error(keyLine, join(path, key.value), `unknown field; expected one of ${allowed.join(', ')}`);
        continue;
      }
      entries.set(key.value, { line: keyLine, value: (pair.value ?? undefined) as Node | undefined });
    }
    return entries;
  }

  /** A list's items with their lines. */
  list(node: Node | undefined, path: string, line: number): { readonly line: number; readonly value: Node | undefined }[] | undefined {
    const resolved = this.resolved(node, path, line);
    if (resolved === null) return undefined;
    if (!isSeq(resolved)) return this.error(this.lineOf(resolved, line), path, 'expected a list');
    return resolved.items.map((item) => ({ line: this.lineOf(item as Node, this.lineOf(resolved, line)), value: item as Node }));
  }

  /** A scalar's value: string, number, boolean or null. */
  scalar(node: Node | undefined, path: string, line: number): unknown {
    const resolved = this.resolved(node, path, line);
    if (resolved === null) return undefined;
    if (resolved === undefined) return null;
    if (!isScalar(resolved)) return this.error(this.lineOf(resolved, line), path, 'expected a single value, not a map or list');
    return resolved.value;
  }

  /** A non-empty string. */
  string(node: Node | undefined, path: string, line: number): string | undefined {
    const value = this.scalar(node, path, line);
    if (typeof value === 'string' && value !== '') return value;
    if (value === undefined) return undefined;
    return this.error(this.lineOf(node, line), path, `expected a non-empty string, got ${describe(value)}`);
  }
}

/** `a.b`, or `b` at the top. */
export function join(path: string, field: string): string {
  return path === '' ? field : `${path}.${field}`;
}

export function describe(value: unknown): string {
  if (value === null) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  return `${typeof value} ${String(value)}`;
}

// One YAML document -> plain JS values (what kubectl's YAML-to-JSON step produces), registering
// each map and array with its node for line lookups (positions.ts).
//
// Aliases return the anchor's already-built value instead of a copy, so building is linear in
// the text. Expansion is still bounded: the total size that aliases stand for is counted and a
// document over ALIAS_EXPANSION_LIMIT nodes is rejected, so an alias bomb ("billion laughs")
// fails fast here instead of exhausting whoever walks `raw` later.

import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Document,
  type LineCounter,
  type Node,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { registerOrigin } from './positions.js';

/** Total nodes that aliases may stand for in one document (like the yaml library's maxAliasCount). */
export const ALIAS_EXPANSION_LIMIT = 100_000;

/** A limit of the input was hit; the message is user-facing. */
export class DocumentLimitError extends Error {}

interface Built {
  readonly value: unknown;
  /** Number of nodes this value stands for once aliases are expanded. */
  readonly size: number;
}

type Anchored = Built | 'building';

const MERGE_KEY = '<<';

export function documentToPlain(doc: Document, lines: LineCounter): unknown {
  const builder = new PlainBuilder(lines);
  return builder.build(doc.contents as Node | null).value;
}

class PlainBuilder {
  private readonly anchors = new Map<string, Anchored>();
  private aliasExpansion = 0;

  private readonly lines: LineCounter;

  constructor(lines: LineCounter) {
    this.lines = lines;
  }

  build(node: Node | null | undefined): Built {
    if (node === null || node === undefined) return { value: null, size: 1 };
    if (isAlias(node)) return this.alias(node.source);
    if (node.anchor) this.anchors.set(node.anchor, 'building');
    const built = isMap(node) ? this.map(node) : isSeq(node) ? this.seq(node) : this.scalar(node as Scalar);
    if (node.anchor) this.anchors.set(node.anchor, built);
    return built;
  }

  private alias(name: string): Built {
    const target = this.anchors.get(name);
    if (target === undefined) throw new DocumentLimitError(`unknown alias *${name}`);
    if (target === 'building') throw new DocumentLimitError(`alias *${name} refers to its own anchor`);
    this.aliasExpansion += target.size;
    if (this.aliasExpansion > ALIAS_EXPANSION_LIMIT) {
      throw new DocumentLimitError(
        `aliases expand to more than ${ALIAS_EXPANSION_LIMIT} nodes (a YAML alias bomb?); document skipped`,
      );
    }
    return target;
  }

  private scalar(node: Scalar): Built {
    const value: unknown = node.value;
    // kubectl converts YAML to JSON: timestamps and binary stay the text they were written as.
    if (value instanceof Date || value instanceof Uint8Array) return { value: node.source, size: 1 };
    if (typeof value === 'bigint') return { value: Number(value), size: 1 };
    return { value, size: 1 };
  }

  private seq(node: YAMLSeq): Built {
    const out: unknown[] = [];
    let size = 1;
    for (const item of node.items) {
      const built = this.build(item as Node | null);
      out.push(built.value);
      size += built.size;
    }
    registerOrigin(out, node, this.lines);
    return { value: out, size };
  }

  private map(node: YAMLMap): Built {
    const out: Record<string, unknown> = {};
    const merges: unknown[] = [];
    let size = 1;
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      if (isScalar(keyNode) && typeof keyNode.value === 'symbol' && keyNode.value.description === MERGE_KEY) {
        const built = this.build(pair.value as Node | null);
        merges.push(built.value);
        size += built.size;
        continue;
      }
      const key = this.keyText(keyNode);
      const built = this.build(pair.value as Node | null);
      setOwn(out, key, built.value);
      size += built.size;
    }
    applyMerges(out, merges);
    registerOrigin(out, node, this.lines);
    return { value: out, size };
  }

  private keyText(node: Node | null): string {
    if (node === null) return 'null';
    if (isScalar(node)) {
      const value: unknown = node.value;
      return value instanceof Date || value instanceof Uint8Array ? String(node.source) : String(value);
    }
    return JSON.stringify(this.build(node).value);
  }
}

/** YAML merge keys: explicit keys win, then earlier merged maps win over later ones. */
function applyMerges(out: Record<string, unknown>, merges: readonly unknown[]): void {
  for (const merge of merges) {
    const sources = Array.isArray(merge) ? merge : [merge];
    for (const source of sources) {
      if (typeof source !== 'object' || source === null || Array.isArray(source)) continue;
      for (const [key, value] of Object.entries(source)) {
        if (!Object.hasOwn(out, key)) setOwn(out, key, value);
      }
    }
  }
}

/** Assign without ever touching the prototype (a key may be "__proto__"). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

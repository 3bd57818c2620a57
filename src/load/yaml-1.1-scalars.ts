// The YAML options every document is parsed with, and what a plain (unquoted) scalar means under
// them, computed by the yaml library's own YAML 1.1 tags so that the simple reader
// (simple-yaml-to-plain.ts) gives exactly the values the library path (yaml-to-plain.ts) gives.

import { isScalar, parseDocument, type ScalarTag } from 'yaml';

// kubectl reads YAML through go-yaml v2, a YAML 1.1 parser: `yes`/`on` are booleans, `0777` is
// octal and `<<` merges maps. Parsing as 1.1 makes the same manifests mean the same values.
export const PARSE_OPTIONS = { version: '1.1', merge: true, prettyErrors: false, uniqueKeys: true } as const;

/** A plain scalar the simple reader does not reproduce (a merge key, a timestamp key, a resolver error). */
export class UnsupportedScalar extends Error {}

// The schema and options the Composer gives each document parsed with PARSE_OPTIONS.
const { schema, options } = parseDocument('', PARSE_OPTIONS);
/** The tags findScalarTagByTest (compose-scalar.js) tries on a plain scalar, in schema order. */
const IMPLICIT_TAGS = schema.tags.filter(
  (t): t is ScalarTag => t.collection === undefined && t.test !== undefined && (t.default === true || t.default === 'key'),
);
const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp';
const MERGE_TAG = 'tag:yaml.org,2002:merge';

/**
 * First characters with which a plain scalar can resolve to anything but a string under the
 * YAML 1.1 tags (null `~`/`null`/empty, booleans y/n/true/false/on/off, numbers, `.inf`, `e5`,
 * timestamps, `<<`). test/load/simple-yaml.test.ts checks this against the tags themselves.
 */
const NOT_ONLY_STRINGS = new Set('~nNyYtTfFoOeE-+.0123456789<');

/** False when no YAML 1.1 tag can resolve `source` to anything but a string (the common case, decided fast). */
export function mayNotBeString(source: string): boolean {
  return source === '' || NOT_ONLY_STRINGS.has(source[0]!);
}

/** What kubectl's YAML-to-JSON step keeps of a resolved scalar (as yaml-to-plain.ts does). */
interface Resolved {
  readonly value: unknown;
  /** The tag that matched, for keys (a timestamp or merge key is left to the library path). */
  readonly tag: string | undefined;
}

function resolve(source: string): Resolved {
  const tag = IMPLICIT_TAGS.find((t) => t.test?.test(source) === true);
  if (tag === undefined) return { value: source, tag: undefined };
  let failed = false;
  const resolved: unknown = tag.resolve(source, () => (failed = true), options);
  if (failed) throw new UnsupportedScalar(source);
  const value: unknown = isScalar(resolved) ? resolved.value : resolved;
  if (value instanceof Date || value instanceof Uint8Array) return { value: source, tag: tag.tag };
  if (typeof value === 'bigint') return { value: Number(value), tag: tag.tag };
  return { value, tag: tag.tag };
}

/** Resolves plain scalars, remembering the ones that might not be strings (they repeat a lot). */
export class PlainScalars {
  private readonly seen = new Map<string, Resolved>();

  private lookup(source: string): Resolved {
    let resolved = this.seen.get(source);
    if (resolved === undefined) {
      resolved = resolve(source);
      this.seen.set(source, resolved);
    }
    return resolved;
  }

  /** The value of a plain scalar in value position. */
  value(source: string): unknown {
    if (!mayNotBeString(source)) return source;
    const resolved = this.lookup(source);
    // `<<` is a merge key only as a key; as a value it is the string.
    return resolved.tag === MERGE_TAG ? source : resolved.value;
  }

  /** A plain scalar as a map key, as yaml-to-plain.ts names it: String() of its value. */
  key(source: string): string {
    if (!mayNotBeString(source)) return source;
    const resolved = this.lookup(source);
    if (resolved.tag === MERGE_TAG || resolved.tag === TIMESTAMP_TAG) throw new UnsupportedScalar(source);
    return String(resolved.value);
  }
}

// Compares the simple YAML reader (src/load/simple-yaml-to-plain.ts) with the yaml library path
// on one text: when the simple reader takes a file, the library must read it without any problem
// into the same documents, with the same line for every collection, key and item.

import assert from 'node:assert/strict';
import { parseDocuments, type ParsedDocument } from '../../src/load/parse-documents.js';
import { childLineOf, lineOf } from '../../src/load/positions.js';
import { ProblemSink } from '../../src/load/problem-sink.js';
import { simpleYamlToPlain } from '../../src/load/simple-yaml-to-plain.js';
import { formatProblem } from '../../src/model/problem.js';

export type Reader = 'fast' | 'fallback';

/** Each collection's line, then each key's or item's line, by path. */
export function positionsOf(value: unknown, path = '$', out: string[] = []): string[] {
  if (typeof value !== 'object' || value === null) return out;
  out.push(`${path} @${lineOf(value)}`);
  if (Array.isArray(value)) {
    value.forEach((item: unknown, i) => {
      out.push(`${path}[${i}] @${childLineOf(value, i)}`);
      positionsOf(item, `${path}[${i}]`, out);
    });
  } else {
    for (const [key, item] of Object.entries(value)) {
      out.push(`${path}.${JSON.stringify(key)} @${childLineOf(value, key)}`);
      positionsOf(item, `${path}.${JSON.stringify(key)}`, out);
    }
  }
  return out;
}

function described(docs: readonly ParsedDocument[]): unknown[] {
  return docs.map((doc) => ({ line: doc.line, value: doc.value, positions: positionsOf(doc.value) }));
}

/** The documents the library path yields for `text`, and the problems it reports. */
export function libraryDocuments(text: string): { docs: ParsedDocument[]; problems: string[] } {
  const sink = new ProblemSink();
  const docs = [...parseDocuments('t.yaml', text, sink, 'yaml-library')];
  return { docs, problems: sink.problems.map(formatProblem) };
}

/** Asserts the two readers agree on `text`; says which reader the fast path used. */
export function assertSameDocuments(text: string, label: string): Reader {
  const fast = simpleYamlToPlain(text.startsWith('\uFEFF') ? text.slice(1) : text);
  if (fast === undefined) return 'fallback';
  const library = libraryDocuments(text);
  assert.deepEqual(library.problems, [], `${label}: the simple reader took a text the library reports problems in:\n${text}`);
  // An empty or null document loads nothing on either path; the simple reader does not yield it.
  const expected = library.docs.filter((doc) => doc.value !== null);
  assert.deepStrictEqual(described(fast), described(expected), `${label}: documents differ:\n${text}`);
  return 'fast';
}

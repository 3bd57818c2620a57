// Property: whenever the simple YAML reader takes a text, the yaml library reads it without a
// problem into the same documents, values and lines. Texts are random manifests written by the
// yaml library with random styles (quoting, folding, flow collections, block scalars, CRLF), and
// mutations of those and of the load fixtures (an inserted indicator, a deleted character, a line
// moved or re-indented), so that broken and unusual YAML is probed too.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { FIXTURES } from './helpers.js';
import { assertSameDocuments, type Reader } from './yaml-differential.js';

/** Scalars that mean something else in YAML 1.1, or are awkward to write. */
const TRICKY = [
  'yes', 'No', 'on', 'OFF', 'y', 'N', 'True', 'tRUE', '~', 'null', 'NULL', '', '0777', '0o17', '0x1F', '0b101', '1_000', '1:20', '1:20.5',
  '.5', '1.', '1e3', 'e5', 'E1', '.inf', '-.Inf', '.NaN', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '<<', '-', '--', '- a', '-1', '+1',
  '1.0', '1.50', 'a: b', 'a:b', 'a #b', 'a#b', '#x', ' lead', 'trail ', '"q"', "'s'", "it's", 'x"y', '[a]', '{a: b}', 'a, b', '::1', '::/0',
  '?x', ':x', '@x', '`x`', '%x', '!x', '&x', '*x', '|', '>', 'a\nb', 'a\n\nb', ' a\n b ', '\\', '\\n', 'é', '😀', '\u00a0x', '---', '...',
  'a  b', 'http://x:80/y', '10.0.0.0/8', 'kubernetes.io/metadata.name',
];

const word = fc.oneof(fc.constantFrom(...TRICKY), fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), fc.string({ maxLength: 12 }));
const key = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('apiVersion', 'kind', 'metadata', 'name', 'labels', 'spec', 'ports', 'port', 'from') }, { weight: 1, arbitrary: word });
const scalar = fc.oneof(word, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
}));
const documentValue = fc.oneof(fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }), fc.array(value, { minLength: 1, maxLength: 4 }));

const style = fc.record({
  version: fc.constantFrom('1.1', '1.2'),
  indent: fc.constantFrom(1, 2, 4),
  indentSeq: fc.boolean(),
  lineWidth: fc.constantFrom(0, 16, 40, 80),
  minContentWidth: fc.constantFrom(0, 8, 20),
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
  defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
  collectionStyle: fc.constantFrom('any', 'block', 'block', 'flow'),
  flowCollectionPadding: fc.boolean(),
  doubleQuotedAsJSON: fc.boolean(),
  nullStr: fc.constantFrom('null', '~', ''),
  crlf: fc.boolean(),
});

type Style = typeof style extends fc.Arbitrary<infer T> ? T : never;

function write(values: readonly unknown[], { crlf, ...options }: Style): string {
  const text = values.map((v) => stringify(v, null, { ...options, aliasDuplicateObjects: false })).join('---\n');
  return crlf ? text.replaceAll('\n', '\r\n') : text;
}

const TOKENS = [
  ' ', '  ', '\n', '\n  ', '- ', ': ', ':', '#', ' # c', '"', "'", '[', ']', '{', '}', ',', '|', '>', '|-', '>-', '|+', '|2', '&a ', '*a', '!t ',
  '? ', '---\n', '...\n', '\r\n', '\r', '\t', 'yes', '0777', '<<: ', '\\', '%YAML 1.1\n', '- - ', 'k: ', 'k:\n', '\n- ', '"a":', '{}', '[]',
];

/** Small texts with one construct each, for mutations to break in interesting ways. */
const SNIPPETS = [
  'k: [\n  a,\n  [b, c],\n]\n', 'a:\n  k: [[a],\n    b,\n  ]\n', 'k: {a: [b,\n    c], d: e}\n', '- [\n  a]\n- b\n', 'args:\n  [\n    "-x",\n    "y" ]\n',
  'k: "a\n  b\n\n  c"\n', "k: 'it''s\n  long'\n", 'a:\n  k: "x \\u00e9\n    y"\n', 'k: a\n  b\n\n  c\n', '- a\n  b\n- c # d\n',
  'k: |\n  a\n\n  b\nn: 1\n', 'k: >-\n  a\n  b\n\n  c\n', '- |\n x\n- >\n  y\n', 'a:\n  k: |-\n    x\n     y\n  n: 2\n',
  'a:\n- b: 1\n  c:\n  - d\n- e\n', '- - a\n  - b\n- -\n  - c\n', '-\n  a: 1\n-\n- b\n', 'a:\n  # c\n  b: 1 # d\n# e\nc: [] # f\n',
  '---\na: 1\n--- # x\n- b\n---\n', '"q": 1\n\'s\': 2\nyes: 3\n~: 4\n0x1F: 5\n1.50: 6\n', 'k: {}\nl: []\nm: {a: 1, "b": \'c\'}\n',
  'a b: c\nk : v\n"a: b": c\n\'#x\': y\n', 'k: -x\nl: ::1\nm: ?x\nn: x#y\no: a:b\n', 'k: x\nl: 2001-12-14\n2001-12-14: k\n',
  '- "a\n  b"\n- \'c: d\n  e\'\n- "f": g\n', 'k: &a v\nl: *a\n', '<<: {a: 1}\nb: 2\n', 'k: !!str 1\n', '%YAML 1.1\n---\nk: v\n', 'k: v\n...\n', '- a\n- b\n  # c\n- d\n',
];

type Mutation =
  | { kind: 'insert'; at: number; token: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'line'; at: number; to: number; shift: number }
  | { kind: 'indent'; at: number; shift: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('line' as const), at: fc.nat(), to: fc.nat(), shift: fc.integer({ min: -2, max: 2 }) }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), shift: fc.integer({ min: -3, max: 3 }) }),
);

function mutate(text: string, m: Mutation): string {
  if (m.kind === 'insert') {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + m.token + text.slice(at);
  }
  if (m.kind === 'delete') {
    const at = m.at % Math.max(1, text.length);
    return text.slice(0, at) + text.slice(at + m.length);
  }
  const lines = text.split('\n');
  const from = m.at % lines.length;
  let line = lines[from]!;
  line = m.shift >= 0 ? ' '.repeat(m.shift) + line : line.replace(new RegExp(`^ {0,${-m.shift}}`), '');
  lines.splice(from, 1);
  lines.splice(m.kind === 'line' ? m.to % (lines.length + 1) : from, 0, line);
  return lines.join('\n');
}

const fixtureTexts = readdirSync(FIXTURES)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()
  .map((name) => readFileSync(`${FIXTURES}${name}`, 'utf8'));

/** Runs the property and checks that the fast path was exercised, not only the fallback. */
function checkAgreement(texts: fc.Arbitrary<string>, runs: number): void {
  const readers: Reader[] = [];
  fc.assert(
    fc.property(texts, (text) => {
      readers.push(assertSameDocuments(text, 'random text'));
    }),
    { numRuns: runs },
  );
  const fast = readers.filter((r) => r === 'fast').length;
  assert.ok(fast >= runs / 10, `only ${fast} of ${readers.length} texts were read by the fast path`);
}

describe('simple YAML reader against the yaml library on random texts', () => {
  it('random manifests in random styles read the same, or are left to the library', () => {
    checkAgreement(fc.tuple(fc.array(documentValue, { minLength: 1, maxLength: 3 }), style).map(([values, s]) => write(values, s)), 1500);
  });

  it('mutated manifests read the same, or are left to the library', () => {
    const written = fc.tuple(fc.array(documentValue, { minLength: 1, maxLength: 2 }), style).map(([values, s]) => write(values, s));
    const base = fc.oneof(written, fc.constantFrom(...fixtureTexts));
    checkAgreement(fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([text, ms]) => ms.reduce(mutate, text)), 3000);
  });

  it('mutated snippets of every construct the simple reader takes read the same, or are left to the library', () => {
    const snippets = fc.array(fc.constantFrom(...SNIPPETS), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('---\n'));
    checkAgreement(fc.tuple(snippets, fc.array(mutation, { maxLength: 3 })).map(([text, ms]) => ms.reduce(mutate, text)), 6000);
  });
});

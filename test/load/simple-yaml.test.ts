// The simple YAML reader (src/load/simple-yaml-to-plain.ts): what it reads, with which values and
// lines (always the yaml library's, checked by assertSameDocuments), and what it leaves to the
// library.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument, type ScalarTag } from 'yaml';
import { childLineOf } from '../../src/load/positions.js';
import { simpleYamlToPlain } from '../../src/load/simple-yaml-to-plain.js';
import { mayNotBeString, PARSE_OPTIONS } from '../../src/load/yaml-1.1-scalars.js';
import { fixtureText } from './helpers.js';
import { assertSameDocuments, positionsOf } from './yaml-differential.js';

/** Reads `text` with the simple reader (which must take it) and checks it against the library. */
function read(text: string): { values: unknown[]; positions: string[][] } {
  assert.equal(assertSameDocuments(text, 'example'), 'fast', `left to the library:\n${text}`);
  const docs = simpleYamlToPlain(text) ?? [];
  return { values: docs.map((d) => d.value), positions: docs.map((d) => positionsOf(d.value)) };
}

describe('simple YAML reader', () => {
  it('a plain scalar whose first character no YAML 1.1 tag accepts is a string without trying the tags', () => {
    const tags = parseDocument('', PARSE_OPTIONS).schema.tags.filter((t): t is ScalarTag => t.test !== undefined && t.default !== false);
    assert.ok(tags.length >= 10, 'the YAML 1.1 schema has its scalar tags');
    for (const tag of tags) {
      fc.assert(fc.property(fc.stringMatching(tag.test!), (source) => mayNotBeString(source)), { numRuns: 200 });
    }
  });

  it('YAML 1.1 scalars mean what they mean to the yaml library (and kubectl): yes/on, octal, sexagesimal, ~', () => {
    const { values } = read('a: yes\nb: on\nc: 0777\nd: 0x1F\ne: ~\nf: 1_000\ng: 1:20\nh: 2001-12-14\ni: "yes"\nj: No\nk: .5\nl: -.inf\nyes: key\n');
    assert.deepEqual(values, [
      { a: true, b: true, c: 511, d: 31, e: null, f: 1000, g: 80, h: '2001-12-14', i: 'yes', j: false, k: 0.5, l: -Infinity, true: 'key' },
    ]);
  });

  it('sequences written at their key\'s indentation, as kubectl writes them, get every item\'s line', () => {
    const { values, positions } = read('spec:\n  containers:\n  - name: a\n    ports:\n    - containerPort: 80\n  - name: b\n  hostNetwork: true\n');
    assert.deepEqual(values, [{ spec: { containers: [{ name: 'a', ports: [{ containerPort: 80 }] }, { name: 'b' }], hostNetwork: true } }]);
    assert.ok(positions[0]?.includes('$."spec"."containers"[1] @6'));
    assert.ok(positions[0]?.includes('$."spec"."hostNetwork" @7'));
  });

  it('an empty sequence item is null, on the line of its dash', () => {
    const { values } = read('items:\n- \n-\n  a: 1\n- # comment\n');
    assert.deepEqual(values, [{ items: [null, { a: 1 }, null] }]);
    const items = (values[0] as { items: unknown[] }).items;
    assert.deepEqual([0, 1, 2].map((i) => childLineOf(items, i)), [2, 4, 5]);
  });

  it('a flow sequence over several lines records the line of each item', () => {
    const { values, positions } = read('args:\n  [\n    "-listen",\n    ":8080",\n  ]\ncommand: ["/bin/sh", "-c"]\n');
    assert.deepEqual(values, [{ args: ['-listen', ':8080'], command: ['/bin/sh', '-c'] }]);
    assert.deepEqual(positions[0]?.filter((p) => p.startsWith('$."args"')), ['$."args" @1', '$."args" @2', '$."args"[0] @3', '$."args"[1] @4']);
  });

  it('scalars continued on more-indented lines fold as the library folds them', () => {
    const { values } = read('a: one\n  two\n\n  three\nb: "x \\u00e9\n  y"\nc: \'it\'\'s\n\n  z\'\n');
    assert.deepEqual(values, [{ a: 'one two\nthree', b: 'x é y', c: "it's\nz" }]);
  });

  it('literal and folded block scalars, clipped or stripped', () => {
    const { values } = read('a: |\n  x\n\n   y\nb: |-\n  x\nc: >\n  x\n  y\n\n  z\nd: >-\n  x\ne: |\nf: 1\n');
    assert.deepEqual(values, [{ a: 'x\n\n y\n', b: 'x', c: 'x y\nz\n', d: 'x', e: '', f: 1 }]);
  });

  it('CRLF line ends read like LF ones', () => {
    const text = fixtureText('pod-list-as-kubectl-writes-it.yaml');
    const lf = read(text);
    assert.deepEqual(read(text.replaceAll('\n', '\r\n')), lf);
  });

  it('documents split by --- are read in order; empty ones are skipped', () => {
    const { values } = read('---\na: 1\n--- # two\n---\n- b\n');
    assert.deepEqual(values, [{ a: 1 }, ['b']]);
  });

  it('leaves every construct outside its subset to the yaml library', () => {
    const texts = {
      anchor: 'a: &x 1\nb: *x\n',
      tag: 'a: !!str 1\n',
      'merge key': '<<: {a: 1}\nb: 2\n',
      directive: '%YAML 1.1\n---\na: 1\n',
      'document end': 'a: 1\n...\n',
      tab: 'a:\t1\n',
      'lone CR': 'a: 1\rb: 2\n',
      'duplicate key': 'a: 1\na: 2\n',
      'key and quoted key alike': 'a: 1\n"a": 2\n',
      'timestamp key': '2001-12-14: a\n',
      'scalar document': 'just text\n',
      'flow document': '{a: 1, b: [2, 3],}\n',
      'keep chomping': 'a: |+\n  x\n',
      'indentation indicator': 'a: |2\n   x\n',
      'comment in a flow collection': 'a: [1, # one\n  2]\n',
      'flow pair': 'a: [b: c]\n',
      'explicit key': '? a\n: b\n',
      'compact map after a key': 'a: b: c\n',
      'sequence after a key': 'a: - b\n',
      'bad indentation': 'a:\n    b: 1\n  c: 2\n',
      'unclosed quote': 'a: "b\n',
      'reserved character': 'a: @b\n',
      'key of more than 1000 characters': `${'k'.repeat(1001)}: 1\n`,
    };
    for (const [name, text] of Object.entries(texts)) assert.equal(simpleYamlToPlain(text), undefined, name);
  });

  it('a malformed document sends its whole file to the library, which reports it and loads the others', () => {
    assert.equal(simpleYamlToPlain(fixtureText('malformed-document-between-valid-ones.yaml')), undefined);
  });
});

// The policy text the dashboard shows: the object as written, found from the line the loader
// recorded, in multi-document YAML, YAML lists and JSON Lists; line numbers kept.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadSources } from '../../src/load/index.js';
import { SourceTexts } from '../../src/web/server/source-texts.js';
import { memoryLoadIO } from '../cli/fake-io.js';

async function policyTexts(files: Record<string, string>): Promise<{ name: string; text: string; firstLine: number }[]> {
  const texts = new SourceTexts();
  const { cluster, problems } = await loadSources(Object.keys(files), { defaultNamespace: 'default' }, texts.recordingIO(memoryLoadIO(files)));
  assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
  return cluster.policies.map((p) => ({ name: p.name, ...texts.documentAt(p.source)! }));
}

const A = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: a\nspec:\n  podSelector: {}';
const B = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: b\nspec:\n  podSelector:\n    matchLabels: {app: x}';

describe('SourceTexts.documentAt', () => {
  test('multi-document YAML: each document up to the next ---, comments before the next one left out', async () => {
    const file = `# header\n${A}\n---\n# about b\n${B}\n\n# trailing\n---\n`;
    assert.deepEqual(await policyTexts({ 'p.yaml': file }), [
      { name: 'a', text: A, firstLine: 2 },
      { name: 'b', text: B, firstLine: 10 },
    ]);
  });

  test('a YAML List: each item alone, unindented, at its own lines', async () => {
    const indent = (text: string): string => text.split('\n').map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)).join('\n');
    const file = `apiVersion: v1\nkind: List\nitems:\n${indent(A)}\n${indent(B)}\n`;
    assert.deepEqual(await policyTexts({ 'l.yaml': file }), [
      { name: 'a', text: A, firstLine: 4 },
      { name: 'b', text: B, firstLine: 10 },
    ]);
  });

  test('a JSON List: each object from its brace to the matching one, braces in strings ignored', async () => {
    const a = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'a', annotations: { note: '} not the end {' } }, spec: { podSelector: {} } };
    const b = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'b' }, spec: { podSelector: {} } };
    const file = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [a, b] }, null, 2);
    const found = await policyTexts({ 'l.json': file });
    assert.deepEqual(found.map((f) => [f.name, JSON.parse(f.text), f.firstLine]), [
      ['a', a, 5],
      ['b', b, 5 + JSON.stringify(a, null, 2).split('\n').length],
    ]);
    assert.equal(found[1]!.text, JSON.stringify(b, null, 2), 'dedented to the object itself');
  });

  test('standard input is read once and kept for a reload', async () => {
    let reads = 0;
    const io = { ...memoryLoadIO({}, `${A}\n`), readStdin: async () => (reads++, Buffer.from(`${A}\n`)) };
    const first = new SourceTexts();
    await loadSources(['-'], { defaultNamespace: 'default' }, first.recordingIO(io));
    const again = new SourceTexts(first.stdinBytes);
    const { cluster } = await loadSources(['-'], { defaultNamespace: 'default' }, again.recordingIO(io));
    assert.equal(reads, 1);
    assert.equal(again.documentAt(cluster.policies[0]!.source)?.text, A);
  });
});

// The fast YAML path must load exactly what the yaml library path loads: the same cluster and
// problems for every load fixture, every netpol-analyzer corpus input folder and the generated
// benchmark manifests, and, file by file, the same documents with the same lines for every map,
// key and item wherever the simple reader takes the file.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadSources, type LoadOptions } from '../../src/load/index.js';
import { generateCluster } from '../../bench/generate/cluster.js';
import { manifestText } from '../../bench/generate/write-manifests.js';
import { corpusDir } from '../conformance/corpus.js';
import { FIXTURES } from './helpers.js';
import { assertSameDocuments, type Reader } from './yaml-differential.js';

const FAST: LoadOptions = { defaultNamespace: 'default' };
const LIBRARY: LoadOptions = { defaultNamespace: 'default', yamlReader: 'yaml-library' };
const MANIFEST = /\.(ya?ml|json)$/i;

function manifestFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return manifestFiles(path);
      return MANIFEST.test(name) ? [path] : [];
    });
}

async function assertSameLoad(paths: readonly string[], label: string): Promise<void> {
  const fast = await loadSources(paths, FAST);
  const library = await loadSources(paths, LIBRARY);
  assert.deepStrictEqual(fast.problems, library.problems, `${label}: problems differ`);
  assert.deepStrictEqual(fast.cluster, library.cluster, `${label}: clusters differ`);
}

/** Compares every file's documents; says how many are YAML (not JSON) and which the simple reader left to the library. */
function assertSameFiles(files: readonly string[], root: string): { yaml: number; fallbacks: string[] } {
  const fallbacks: string[] = [];
  let yaml = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const reader: Reader = assertSameDocuments(text, relative(root, file));
    if (/^\s*[[{]/.test(text)) continue; // JSON (the JSON reader's, or the library's when not strict)
    yaml++;
    if (reader === 'fallback') fallbacks.push(relative(root, file));
  }
  return { yaml, fallbacks };
}

describe('fast YAML path against the yaml library', () => {
  it('every load fixture loads the same cluster and problems, and the same documents and lines', async (t) => {
    const files = manifestFiles(FIXTURES);
    for (const file of files) await assertSameLoad([file], relative(FIXTURES, file));
    await assertSameLoad([FIXTURES], 'all fixtures together');
    const { yaml, fallbacks } = assertSameFiles(files, FIXTURES);
    t.diagnostic(`${yaml - fallbacks.length} of ${yaml} YAML fixture files read by the simple reader; left to the library: ${fallbacks.join(', ')}`);
  });

  it('every netpol-analyzer corpus input folder loads the same cluster and problems', async (t) => {
    const root = corpusDir('netpol-analyzer');
    if (root === undefined) {
      t.skip('../shared/corpus not present');
      return;
    }
    const tests = join(root, 'tests');
    const folders = readdirSync(tests).filter((name) => statSync(join(tests, name)).isDirectory()).sort();
    for (const folder of folders) await assertSameLoad([join(tests, folder)], folder);
    const files = manifestFiles(tests);
    const { yaml, fallbacks } = assertSameFiles(files, tests);
    t.diagnostic(`${folders.length} input folders; ${yaml - fallbacks.length} of ${yaml} YAML files read by the simple reader`);
    t.diagnostic(`YAML files left to the library: ${fallbacks.join(', ')}`);
  });

  it('generated benchmark manifests are read by the fast path unless they use anchors, and read the same', () => {
    const cluster = generateCluster({ seed: 7, namespaces: 8, pods: 400, policies: 60 });
    for (const ns of cluster.namespaces) {
      const text = manifestText(ns, 'yaml');
      const anchors = /(?:^|\s)&a\d+(?:\s|$)/m.test(text);
      assert.equal(assertSameDocuments(text, ns.namespace), anchors ? 'fallback' : 'fast', ns.namespace);
    }
  });
});

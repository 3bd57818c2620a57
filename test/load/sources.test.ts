// loadSources: files, directories (recursive, manifest extensions only, sorted), stdin, and
// unreadable inputs, through a fake LoadIO and through the real file system.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join, normalize } from 'node:path';
import { loadSources, type LoadIO } from '../../src/load/index.js';
import { formatProblem } from '../../src/model/problem.js';
import { FIXTURES } from './helpers.js';

const POD = (name: string): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\n`;

/** An in-memory tree: a directory is any prefix of a file path. */
function fakeIO(files: Record<string, string | Buffer>, stdin = ''): LoadIO {
  const io = rawFakeIO(files, stdin);
  return {
    readFile: (path) => io.readFile(normalize(path)),
    readStdin: () => io.readStdin(),
    stat: (path) => io.stat(normalize(path)),
    readDir: (path) => io.readDir(normalize(path)),
  };
}

function rawFakeIO(files: Record<string, string | Buffer>, stdin: string): LoadIO {
  const isDir = (path: string): boolean => Object.keys(files).some((f) => f.startsWith(`${path}/`));
  const enoent = (path: string): Error => Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return {
    readFile: async (path) => {
      const content = files[path];
      if (content === undefined) throw enoent(path);
      return Buffer.isBuffer(content) ? content : Buffer.from(content);
    },
    readStdin: async () => Buffer.from(stdin),
    stat: async (path) => {
      if (files[path] === undefined && !isDir(path)) throw enoent(path);
      return { isDirectory: () => isDir(path), isFile: () => files[path] !== undefined };
    },
    readDir: async (path) => {
      const names = Object.keys(files)
        .filter((f) => f.startsWith(`${path}/`))
        .map((f) => f.slice(path.length + 1).split('/')[0] ?? '');
      return [...new Set(names)].reverse(); // deliberately unsorted
    },
  };
}

const OPTIONS = { defaultNamespace: 'default' };

describe('loadSources', () => {
  it('walks directories recursively, keeps .yaml/.yml/.json files and loads them in sorted order', async () => {
    const io = fakeIO({
      'm/z.yaml': POD('z'),
      'm/a.yml': POD('a'),
      'm/sub/b.json': '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"b"}}',
      'm/sub/readme.md': POD('ignored'),
      'm/sub/deep/c.YAML': POD('c'),
    });
    const result = await loadSources(['m'], OPTIONS, io);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.cluster.pods.map((p) => [p.name, p.source?.file]), [
      ['a', 'm/a.yml'],
      ['b', 'm/sub/b.json'],
      ['c', 'm/sub/deep/c.YAML'],
      ['z', 'm/z.yaml'],
    ]);
  });

  it('a file named on the command line loads whatever its extension', async () => {
    const result = await loadSources(['pods.txt'], OPTIONS, fakeIO({ 'pods.txt': POD('x') }));
    assert.deepEqual(result.cluster.pods.map((p) => p.name), ['x']);
  });

  it('"-" reads stdin, shown as <stdin>', async () => {
    const result = await loadSources(['-'], OPTIONS, fakeIO({}, `${POD('from-stdin')}---\nkind: Pod\nmetadata: {name: Bad}\n`));
    assert.deepEqual(result.cluster.pods.map((p) => p.name), ['from-stdin']);
    assert.match(result.problems.map(formatProblem)[0] ?? '', /^<stdin>:6: metadata\.name: Invalid value: "Bad": /);
  });

  it('a missing path is an I/O error and the other paths still load', async () => {
    const result = await loadSources(['missing.yaml', 'ok.yaml'], OPTIONS, fakeIO({ 'ok.yaml': POD('ok') }));
    assert.deepEqual(result.problems.map(formatProblem), ['missing.yaml: cannot read: no such file or directory']);
    assert.deepEqual(result.cluster.pods.map((p) => p.name), ['ok']);
  });

  it('invalid UTF-8 is reported as a binary file without parsing', async () => {
    const result = await loadSources(['image.yaml'], OPTIONS, fakeIO({ 'image.yaml': Buffer.from([0x6b, 0x3a, 0x20, 0xff, 0xfe, 0x0a]) }));
    assert.deepEqual(result.problems.map(formatProblem), ['image.yaml: binary file (not valid UTF-8 text); not loaded']);
  });

  it('a directory without manifests is a warning', async () => {
    const result = await loadSources(['d'], OPTIONS, fakeIO({ 'd/readme.md': 'x' }));
    assert.deepEqual(result.problems.map(formatProblem), ['d: warning: no .yaml, .yml or .json files in this directory']);
  });

  it('objects without metadata.namespace go to the given default namespace', async () => {
    const result = await loadSources(['p.yaml'], { defaultNamespace: 'team-a' }, fakeIO({ 'p.yaml': POD('x') }));
    assert.deepEqual(result.cluster.pods.map((p) => p.namespace), ['team-a']);
  });

  it('reads a real directory tree with the node file system', async () => {
    const root = join(FIXTURES, 'directory-recursion');
    const result = await loadSources([root], OPTIONS);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.cluster.pods.map((p) => p.name), ['a', 'b', 'c', 'd']);
  });
});

describe('loadSources reads each input once', () => {
  it('a file given twice, or inside a directory also given, is loaded once', async () => {
    const io = fakeIO({ 'd/p.yaml': POD('p') });
    const result = await loadSources(['d', './d/p.yaml', 'd/p.yaml'], OPTIONS, io);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.cluster.pods.map((p) => p.name), ['p']);
  });

  it('"-" given twice reads stdin once', async () => {
    let reads = 0;
    const io = { ...fakeIO({}), readStdin: async () => (reads++, Buffer.from(POD('s'))) };
    const result = await loadSources(['-', '-'], OPTIONS, io);
    assert.equal(reads, 1);
    assert.deepEqual(result.cluster.pods.map((p) => p.name), ['s']);
  });
});

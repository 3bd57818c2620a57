// A CliIO for in-process command tests: output captured, input from disk or from memory.
import { join, normalize } from 'node:path';
import type { CliIO } from '../../src/cli/io.js';
import type { LoadIO } from '../../src/load/index.js';
import { nodeLoadIO } from '../../src/load/index.js';

export interface FakeIO {
  readonly io: CliIO;
  readonly stdout: () => string;
  readonly stderr: () => string;
}

export function fakeIO(load: LoadIO = nodeLoadIO): FakeIO {
  let out = '';
  let err = '';
  const io: CliIO = {
    load,
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
  };
  return { io, stdout: () => out, stderr: () => err };
}

function notFound(path: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, '${path}'`), { code: 'ENOENT' });
}

/** Files in memory (path -> text); directories are the paths' prefixes. Standard input is `stdin`. */
export function memoryLoadIO(files: Readonly<Record<string, string>>, stdin = ''): LoadIO {
  const paths = new Map(Object.entries(files).map(([path, text]) => [normalize(path), text]));
  const isDirectory = (path: string) => [...paths.keys()].some((file) => file.startsWith(`${normalize(path)}/`));
  return {
    readFile: async (path) => {
      const text = paths.get(normalize(path));
      if (text === undefined) throw notFound(path);
      return Buffer.from(text);
    },
    readStdin: async () => Buffer.from(stdin),
    stat: async (path) => {
      const file = paths.has(normalize(path));
      if (!file && !isDirectory(path)) throw notFound(path);
      return { isDirectory: () => !file, isFile: () => file };
    },
    readDir: async (path) => {
      const prefix = `${normalize(path)}/`;
      const names = [...paths.keys()].filter((file) => file.startsWith(prefix)).map((file) => file.slice(prefix.length).split('/')[0] ?? '');
      return [...new Set(names)];
    },
  };
}

/** The guide example's files, read from disk, as memory files under the same paths. */
export async function guideFiles(): Promise<Record<string, string>> {
  const dir = 'examples/guide';
  const names = await nodeLoadIO.readDir(dir);
  const entries = await Promise.all(names.map(async (name) => [join(dir, name), String(await nodeLoadIO.readFile(join(dir, name)))] as const));
  return Object.fromEntries(entries);
}

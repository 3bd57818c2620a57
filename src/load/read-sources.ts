// The I/O edge of `load`: paths (files, directories, "-" for stdin) -> texts -> loadDocuments.
// Directories are walked recursively for .yaml/.yml/.json files in sorted order, so the same
// tree always loads the same way. Unreadable or binary inputs are problems, never exceptions.

import { readFile, readdir, stat } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { ProblemSink } from './problem-sink.js';
import { loadInto, type InputText, type LoadOptions, type LoadResult } from './load-documents.js';

/** What loadSources needs from the world; tests pass a fake. */
export interface LoadIO {
  readFile(path: string): Promise<Buffer>;
  readStdin(): Promise<Buffer>;
  stat(path: string): Promise<{ isDirectory(): boolean; isFile(): boolean }>;
  /** Entry names (not paths) of a directory. */
  readDir(path: string): Promise<string[]>;
}

export const nodeLoadIO: LoadIO = {
  readFile: (path) => readFile(path),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return Buffer.concat(chunks);
  },
  stat: (path) => stat(path),
  readDir: (path) => readdir(path),
};

export const STDIN_NAME = '<stdin>';
const MANIFEST_EXTENSION = /\.(ya?ml|json)$/i;
/** Guards against symlink cycles, which a LoadIO cannot tell apart from deep trees. */
const MAX_DIRECTORY_DEPTH = 32;

export async function loadSources(paths: readonly string[], options: LoadOptions, io: LoadIO = nodeLoadIO): Promise<LoadResult> {
  const sink = new ProblemSink();
  const inputs: InputText[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    if (path === '-') {
      if (seen.has(STDIN_NAME)) continue; // stdin can be read only once
      seen.add(STDIN_NAME);
      const stdin = await readStdinText(io, sink);
      if (stdin !== undefined) inputs.push(stdin);
      continue;
    }
    const files: string[] = [];
    for (const file of await listFiles(path, io, sink)) {
      // A file named twice, or inside a directory also named, loads once.
      if (seen.has(normalize(file))) continue;
      seen.add(normalize(file));
      files.push(file);
    }
    // Read several files at a time (the disk and the thread pool overlap), then judge them in order,
    // so that problems and documents come out as a one-by-one read would give them.
    const reads = await settledInOrder(files, (file) => io.readFile(file));
    files.forEach((file, i) => {
      const text = decodeText(file, reads[i]!, sink);
      if (text !== undefined) inputs.push({ file, text });
    });
  }
  return loadInto(inputs, options, sink);
}

/** How many reads or stats are in flight at once: enough to keep libuv's 4 threads busy. */
const CONCURRENT_IO = 16;

type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** The outcome of `work`, whether it rejects or throws at once. */
async function settle<T>(work: () => Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** `work` for every item, at most CONCURRENT_IO at a time; outcomes in the items' order. */
async function settledInOrder<Item, T>(items: readonly Item[], work: (item: Item) => Promise<T>): Promise<Settled<T>[]> {
  const outcomes: Settled<T>[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      outcomes[index] = await settle(() => work(items[index]!));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_IO, items.length) }, worker));
  return outcomes;
}

async function readStdinText(io: LoadIO, sink: ProblemSink): Promise<InputText | undefined> {
  const text = decodeText(STDIN_NAME, await settle(() => io.readStdin()), sink);
  return text === undefined ? undefined : { file: STDIN_NAME, text };
}

/** A file as given (any extension), or the manifests under a directory. */
async function listFiles(path: string, io: LoadIO, sink: ProblemSink): Promise<string[]> {
  try {
    const info = await io.stat(path);
    if (!info.isDirectory()) return [path];
    const found: string[] = [];
    await walkDirectory(path, 0, { io, sink, found });
    if (found.length === 0) ioWarning(path, 'no .yaml, .yml or .json files in this directory', sink);
    return found;
  } catch (error) {
    ioError(path, error, sink);
    return [];
  }
}

interface Walk {
  readonly io: LoadIO;
  readonly sink: ProblemSink;
  readonly found: string[];
}

async function walkDirectory(dir: string, depth: number, walk: Walk): Promise<void> {
  const { io, sink, found } = walk;
  if (depth > MAX_DIRECTORY_DEPTH) {
    ioWarning(dir, `directory nesting deeper than ${MAX_DIRECTORY_DEPTH} levels (a symlink cycle?); not read`, sink);
    return;
  }
  const names = [...(await io.readDir(dir))].sort();
  const infos = await settledInOrder(names, (name) => io.stat(join(dir, name)));
  for (const [i, name] of names.entries()) {
    const path = join(dir, name);
    const info = infos[i]!;
    if (!info.ok) ioError(path, info.error, sink);
    else if (info.value.isDirectory()) await walkDirectory(path, depth + 1, walk);
    else if (info.value.isFile() && MANIFEST_EXTENSION.test(name)) found.push(path);
  }
}

/** Bytes -> text; binary content (NUL bytes, invalid UTF-8) is reported, not parsed. */
function decodeText(file: string, read: Settled<Buffer>, sink: ProblemSink): string | undefined {
  if (!read.ok) {
    ioError(file, read.error, sink);
    return undefined;
  }
  const bytes = read.value;
  if (bytes.includes(0)) {
    sink.add({ severity: 'error', kind: 'yaml', file, line: 0, message: 'binary file (contains NUL bytes); not loaded' });
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    sink.add({ severity: 'error', kind: 'yaml', file, line: 0, message: 'binary file (not valid UTF-8 text); not loaded' });
    return undefined;
  }
}

function ioError(file: string, error: unknown, sink: ProblemSink): void {
  const code = (error as { code?: unknown } | null)?.code;
  const reason =
    code === 'ENOENT' ? 'no such file or directory'
    : code === 'EACCES' ? 'permission denied'
    : code === 'EISDIR' ? 'is a directory'
    : error instanceof Error ? error.message
    : String(error);
  sink.add({ severity: 'error', kind: 'io', file, line: 0, message: `cannot read: ${reason}` });
}

function ioWarning(file: string, message: string, sink: ProblemSink): void {
  sink.add({ severity: 'warning', kind: 'io', file, line: 0, message });
}

// A CliIO for in-process command tests: output captured, input from disk or from memory, time faked.
import { EventEmitter } from 'node:events';
import { join, normalize } from 'node:path';
import type { CliIO, Clock, OutputStream } from '../../src/cli/io.js';
import type { LoadIO } from '../../src/load/index.js';
import { nodeLoadIO } from '../../src/load/index.js';

/**
 * An OutputStream that keeps what is written. write() answers `accept(text, index)` (default: true,
 * as a stream with room to spare); the test emits 'drain' or 'error' itself.
 */
export class FakeStream extends EventEmitter implements OutputStream {
  readonly writes: string[] = [];
  readonly isTTY: boolean;
  destroyed = false;
  private readonly accept: (text: string, index: number) => boolean;

  constructor(options: { readonly isTTY?: boolean; readonly accept?: (text: string, index: number) => boolean } = {}) {
    super();
    this.isTTY = options.isTTY ?? false;
    this.accept = options.accept ?? (() => true);
  }

  write(text: string): boolean {
    this.writes.push(text);
    return this.accept(text, this.writes.length - 1);
  }

  text(): string {
    return this.writes.join('');
  }
}

/** A clock that moves only when told: advance() fires the timers that come due, block() does not. */
export class FakeClock implements Clock {
  private time = 0;
  private timers: { readonly at: number; readonly callback: () => void; live: boolean }[] = [];

  now(): number {
    return this.time;
  }

  schedule(callback: () => void, ms: number): () => void {
    const timer = { at: this.time + ms, callback, live: true };
    this.timers.push(timer);
    return () => {
      timer.live = false;
    };
  }

  /** Time passes with the event loop free: due timers fire, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = this.timers.filter((timer) => timer.live && timer.at <= end).sort((a, b) => a.at - b.at)[0];
      if (next === undefined) break;
      this.time = Math.max(this.time, next.at);
      next.live = false;
      next.callback();
    }
    this.time = end;
    this.timers = this.timers.filter((timer) => timer.live);
  }

  /** Time passes inside synchronous work: no timer can fire. */
  block(ms: number): void {
    this.time += ms;
  }

  /** Timers still waiting. */
  pending(): number {
    return this.timers.filter((timer) => timer.live).length;
  }
}

export interface FakeIO {
  readonly io: CliIO;
  readonly stdout: () => string;
  readonly stderr: () => string;
}

export interface FakeStreams {
  readonly stdout?: FakeStream;
  readonly stderr?: FakeStream;
  readonly clock?: FakeClock;
}

/** By default neither stream is a terminal and time stands still, so no progress line is drawn. */
export function fakeIO(load: LoadIO = nodeLoadIO, streams: FakeStreams = {}): FakeIO {
  const stdout = streams.stdout ?? new FakeStream();
  const stderr = streams.stderr ?? new FakeStream();
  const io: CliIO = { load, stdout, stderr, clock: streams.clock ?? new FakeClock() };
  return { io, stdout: () => stdout.text(), stderr: () => stderr.text() };
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

import type { LoadIO } from '../load/index.js';

/**
 * Where a command writes: the part of a Node writable stream it uses. process.stdout and
 * process.stderr fit it; tests pass a fake.
 */
export interface OutputStream {
  /** Queues `text`. false: the buffer is full, or the stream failed; wait for 'drain' (or 'error', 'close') before writing more. */
  write(text: string): boolean;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(event: 'drain' | 'close', listener: () => void): unknown;
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
  /** True when nothing more can be written (closed or failed). */
  readonly destroyed: boolean;
  /** A terminal: only then does a command draw a progress line (on stderr). */
  readonly isTTY?: boolean;
}

/** Time for the progress line, injected so that tests can drive it (src/cli/clock.ts has the real one). */
export interface Clock {
  /** Milliseconds, from any origin. */
  now(): number;
  /** Calls `callback` once after `ms`, unless the returned cancel function was called first. */
  schedule(callback: () => void, ms: number): () => void;
}

/**
 * Everything a command touches outside itself, injected so that tests can run a command
 * in-process with fake files and captured output (style rule 1).
 */
export interface CliIO {
  /** Reads the inputs named by -f (files, directories, `-` for standard input). */
  readonly load: LoadIO;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly clock: Clock;
  /**
   * Resolves when the process is asked to stop (SIGINT, SIGTERM), with the signal's name: what a
   * long-running command (`ui`) waits for. Absent: such a command stops at once after starting.
   */
  readonly stopRequested?: () => Promise<string>;
}

/**
 * Each exit code means one thing (docs/cli.md):
 * 0 ran fine; 1 the input had invalid objects (the valid rest was still analysed);
 * 2 netwarden could not do its job (usage error, unreadable input, output that cannot be written);
 * 3 `eval --exit-code` and the connection is denied.
 */
export const EXIT = {
  ok: 0,
  invalidInput: 1,
  /** `lint` reported an error or a warning. */
  findings: 1,
  usage: 2,
  denied: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

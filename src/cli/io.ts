import type { LoadIO } from '../load/index.js';

/**
 * Everything a command touches outside itself, injected so that tests can run a command
 * in-process with fake files and captured output (style rule 1).
 */
export interface CliIO {
  /** Reads the inputs named by -f (files, directories, `-` for standard input). */
  readonly load: LoadIO;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/**
 * Each exit code means one thing (docs/cli.md):
 * 0 ran fine; 1 the input had invalid objects (the valid rest was still analysed);
 * 2 netwarden could not do its job (usage error, unreadable input);
 * 3 `eval --exit-code` and the connection is denied.
 */
export const EXIT = {
  ok: 0,
  invalidInput: 1,
  usage: 2,
  denied: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

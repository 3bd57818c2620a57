import { loadSources } from '../load/index.js';
import type { LoadIO } from '../load/index.js';
import type { Cluster } from '../model/cluster.js';
import { formatProblem, type LoadProblem } from '../model/problem.js';
import type { InputFlags } from './command.js';
import type { CliIO } from './io.js';
import { EXIT } from './io.js';
import type { Progress } from './progress.js';

export type LoadedInput =
  /** `exitCode` is 1 when some objects were invalid (and left out), else 0. `problems`: all of them, printed or not. */
  | {
      readonly kind: 'loaded';
      readonly cluster: Cluster;
      readonly problems: readonly LoadProblem[];
      readonly exitCode: typeof EXIT.ok | typeof EXIT.invalidInput;
    }
  /** An input could not be read: nothing was analysed. */
  | { readonly kind: 'unreadable' };

export interface LoadInputOptions {
  /** Which problems to print on stderr (default: all); `lint` reports some as findings instead. */
  readonly print?: (problem: LoadProblem) => boolean;
}

/**
 * Loads the -f inputs and reports every problem on stderr as `file:line: field: message`.
 * Warnings (e.g. skipped kinds) do not change the exit code. The progress line counts the files read.
 */
export async function loadInput(flags: InputFlags, io: CliIO, progress: Progress, options: LoadInputOptions = {}): Promise<LoadedInput> {
  progress.phase({ kind: 'loading', filesRead: 0 });
  const load = countingReads(io.load, (filesRead) => progress.phase({ kind: 'loading', filesRead }));
  const { cluster, problems } = await loadSources([...flags.filenames], { defaultNamespace: flags.namespace }, load);
  const printed = options.print === undefined ? problems : problems.filter(options.print);
  if (printed.length > 0) {
    progress.clear();
    io.stderr.write(printed.map((problem) => `${formatProblem(problem)}\n`).join(''));
  }
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.some((problem) => problem.kind === 'io')) return { kind: 'unreadable' };
  return { kind: 'loaded', cluster, problems, exitCode: errors.length > 0 ? EXIT.invalidInput : EXIT.ok };
}

/** `load`, telling `onRead` how many files (or standard input) have been read so far. */
function countingReads(load: LoadIO, onRead: (filesRead: number) => void): LoadIO {
  let filesRead = 0;
  const counted = async (read: Promise<Buffer>): Promise<Buffer> => {
    const bytes = await read;
    onRead(++filesRead);
    return bytes;
  };
  return {
    readFile: (path) => counted(load.readFile(path)),
    readStdin: () => counted(load.readStdin()),
    stat: (path) => load.stat(path),
    readDir: (path) => load.readDir(path),
  };
}

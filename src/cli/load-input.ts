import { loadSources } from '../load/index.js';
import type { Cluster } from '../model/cluster.js';
import { formatProblem } from '../model/problem.js';
import type { InputFlags } from './command.js';
import type { CliIO } from './io.js';
import { EXIT } from './io.js';

export type LoadedInput =
  /** `exitCode` is 1 when some objects were invalid (and left out), else 0. */
  | { readonly kind: 'loaded'; readonly cluster: Cluster; readonly exitCode: typeof EXIT.ok | typeof EXIT.invalidInput }
  /** An input could not be read: nothing was analysed. */
  | { readonly kind: 'unreadable' };

/**
 * Loads the -f inputs and reports every problem on stderr as `file:line: field: message`.
 * Warnings (e.g. skipped kinds) do not change the exit code.
 */
export async function loadInput(flags: InputFlags, io: CliIO): Promise<LoadedInput> {
  const { cluster, problems } = await loadSources([...flags.filenames], { defaultNamespace: flags.namespace }, io.load);
  if (problems.length > 0) io.stderr(problems.map((problem) => `${formatProblem(problem)}\n`).join(''));
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.some((problem) => problem.kind === 'io')) return { kind: 'unreadable' };
  return { kind: 'loaded', cluster, exitCode: errors.length > 0 ? EXIT.invalidInput : EXIT.ok };
}

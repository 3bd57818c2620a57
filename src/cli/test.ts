import { parseIntentFile } from '../analysis/intent-file.js';
import type { IntentFile } from '../analysis/intent.js';
import { checkIntents } from '../analysis/intents.js';
import { formatProblem } from '../model/problem.js';
import { formatters } from '../report/index.js';
import { parseArgv, reportUsageErrors } from './command.js';
import type { CliIO, ExitCode } from './io.js';
import { EXIT } from './io.js';
import { loadInput } from './load-input.js';
import { startProgress } from './progress.js';
import { testCommand, resolveTestOptions } from './test-options.js';
import { writeOutput } from './write-output.js';

/** `netwarden test`: parse -> read the intents -> load -> check -> format -> exit code. */
export async function runTest(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const parsed = parseArgv(testCommand(io), argv);
  if (parsed.kind === 'exit') return parsed.code;
  const options = resolveTestOptions(parsed.opts);
  if (!options.ok) return reportUsageErrors('test', options.errors, io);
  const intents = await readIntents(options.value.intents, io);
  if (intents === undefined) return EXIT.usage;
  const progress = startProgress(io.stderr, io.clock);
  try {
    const input = await loadInput(options.value, io, progress);
    if (input.kind === 'unreadable') return EXIT.usage;
    progress.phase({ kind: 'computing', what: 'connectivity' });
    const report = checkIntents(input.cluster, intents);
    const written = await writeOutput(formatters.test[options.value.output](report), io, progress);
    if (written.kind === 'failed') return EXIT.usage;
    // 1 means findings here (docs/cli.md): an intent that fails or cannot be checked, or invalid objects.
    return report.checks.some((check) => check.outcome !== 'pass') ? EXIT.invalidInput : input.exitCode;
  } finally {
    progress.stop();
  }
}

/** The intents file read and checked; every problem in it on stderr (exit 2: nothing can be tested). */
async function readIntents(path: string, io: CliIO): Promise<IntentFile | undefined> {
  let text: string;
  try {
    text = String(path === '-' ? await io.load.readStdin() : await io.load.readFile(path));
  } catch (error) {
    io.stderr.write(`${path}: cannot read: ${readError(error)}\n`);
    return undefined;
  }
  const result = parseIntentFile(path === '-' ? '<stdin>' : path, text);
  if (result.kind === 'valid') return result.file;
  io.stderr.write(result.problems.map((problem) => `${formatProblem(problem)}\n`).join(''));
  return undefined;
}

function readError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

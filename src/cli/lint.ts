import { hasFailingFindings, isLintedProblem, lint } from '../analysis/lint/index.js';
import { formatters } from '../report/index.js';
import { parseArgv, reportUsageErrors } from './command.js';
import type { CliIO, ExitCode } from './io.js';
import { EXIT } from './io.js';
import { lintCommand, resolveLintOptions } from './lint-options.js';
import { loadInput } from './load-input.js';
import { startProgress } from './progress.js';
import { writeOutput } from './write-output.js';

/**
 * `netwarden lint`: parse -> load -> lint -> format -> exit code. Invalid objects and sloppy CIDRs
 * are findings (on stdout, in every format), not stderr lines; other load warnings go to stderr.
 * Exit 1 when a reported finding is an error or a warning (docs/lint.md).
 */
export async function runLint(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const parsed = parseArgv(lintCommand(io), argv);
  if (parsed.kind === 'exit') return parsed.code;
  const options = resolveLintOptions(parsed.opts);
  if (!options.ok) return reportUsageErrors('lint', options.errors, io);
  const progress = startProgress(io.stderr, io.clock);
  try {
    const input = await loadInput(options.value, io, progress, { print: (problem) => !isLintedProblem(problem) });
    if (input.kind === 'unreadable') return EXIT.usage;
    progress.phase({ kind: 'computing', what: 'lint' });
    const result = lint(input, { minSeverity: options.value.severity, podCIDRs: options.value.podCIDRs });
    const written = await writeOutput(formatters.lint[options.value.output](result), io, progress);
    if (written.kind === 'failed') return EXIT.usage;
    return hasFailingFindings(result) ? EXIT.findings : EXIT.ok;
  } finally {
    progress.stop();
  }
}

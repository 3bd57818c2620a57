import { compileCluster } from '../engine/index.js';
import { evaluateNamedConnection } from '../analysis/evaluate-ends.js';
import type { Cluster } from '../model/cluster.js';
import { formatters } from '../report/index.js';
import type { EvalResult } from '../report/index.js';
import { parseArgv, reportUsageErrors } from './command.js';
import { evalCommand, resolveEvalOptions } from './eval-options.js';
import type { EvalOptions } from './eval-options.js';
import type { CliIO, ExitCode } from './io.js';
import { EXIT } from './io.js';
import { loadInput } from './load-input.js';
import { startProgress } from './progress.js';
import type { Result } from './result.js';
import { writeOutput } from './write-output.js';

/** `netwarden eval`: parse -> load -> resolve the ends -> evaluate -> format -> exit code. */
export async function runEval(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const parsed = parseArgv(evalCommand(io), argv);
  if (parsed.kind === 'exit') return parsed.code;
  const options = resolveEvalOptions(parsed.opts);
  if (!options.ok) return reportUsageErrors('eval', options.errors, io);
  const progress = startProgress(io.stderr, io.clock);
  try {
    const input = await loadInput(options.value, io, progress);
    if (input.kind === 'unreadable') return EXIT.usage;
    progress.phase({ kind: 'computing', what: 'verdict' });
    const result = evaluateOptions(input.cluster, options.value);
    progress.stop();
    if (!result.ok) return reportUsageErrors('eval', result.errors, io);
    const written = await writeOutput(formatters.eval[options.value.output](result.value), io, progress);
    if (written.kind === 'failed') return EXIT.usage;
    if (input.exitCode !== EXIT.ok) return input.exitCode;
    return !result.value.verdict.allowed && options.value.denial === 'exit-3' ? EXIT.denied : EXIT.ok;
  } finally {
    progress.stop();
  }
}

function evaluateOptions(cluster: Cluster, options: EvalOptions): Result<EvalResult> {
  return evaluateNamedConnection(cluster, compileCluster(cluster), options);
}

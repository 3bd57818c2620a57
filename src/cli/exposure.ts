import { exposure } from '../analysis/exposure.js';
import { compileCluster } from '../engine/index.js';
import { formatters } from '../report/index.js';
import { parseArgv, reportUsageErrors } from './command.js';
import { exposureCommand, resolveExposureOptions } from './exposure-options.js';
import type { CliIO, ExitCode } from './io.js';
import { EXIT } from './io.js';
import { loadInput } from './load-input.js';
import { startProgress } from './progress.js';
import { writeOutput } from './write-output.js';

/**
 * `netwarden exposure`: parse -> load -> exposure -> format, streamed to stdout -> exit code
 * (2 usage, unreadable input or unwritable output; 1 invalid objects left out; else 0).
 */
export async function runExposure(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const parsed = parseArgv(exposureCommand(io), argv);
  if (parsed.kind === 'exit') return parsed.code;
  const options = resolveExposureOptions(parsed.opts);
  if (!options.ok) return reportUsageErrors('exposure', options.errors, io);
  const progress = startProgress(io.stderr, io.clock);
  try {
    const input = await loadInput(options.value, io, progress);
    if (input.kind === 'unreadable') return EXIT.usage;
    progress.phase({ kind: 'computing', what: 'exposure' });
    const report = exposure(compileCluster(input.cluster), { level: options.value.level });
    const written = await writeOutput(formatters.exposure[options.value.output](report), io, progress);
    return written.kind === 'failed' ? EXIT.usage : input.exitCode;
  } finally {
    progress.stop();
  }
}

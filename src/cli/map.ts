import { compileCluster, connectivity } from '../engine/index.js';
import { formatters } from '../report/index.js';
import { parseArgv, reportUsageErrors } from './command.js';
import type { CliIO, ExitCode } from './io.js';
import { EXIT } from './io.js';
import { loadInput } from './load-input.js';
import { mapCommand, resolveMapOptions } from './map-options.js';
import { startProgress } from './progress.js';
import { writeOutput } from './write-output.js';

/** `netwarden map`: parse -> load -> connectivity -> format, streamed to stdout -> exit code. */
export async function runMap(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const parsed = parseArgv(mapCommand(io), argv);
  if (parsed.kind === 'exit') return parsed.code;
  const options = resolveMapOptions(parsed.opts);
  if (!options.ok) return reportUsageErrors('map', options.errors, io);
  const progress = startProgress(io.stderr, io.clock);
  try {
    const input = await loadInput(options.value, io, progress);
    if (input.kind === 'unreadable') return EXIT.usage;
    progress.phase({ kind: 'computing', what: 'connectivity' });
    const map = connectivity(compileCluster(input.cluster), { level: options.value.level });
    const written = await writeOutput(formatters.map[options.value.output](map), io, progress);
    return written.kind === 'failed' ? EXIT.usage : input.exitCode;
  } finally {
    progress.stop();
  }
}

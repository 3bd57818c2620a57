import { compileCluster, connectivity } from '../engine/index.js';
import { formatters } from '../report/index.js';
import { parseArgv, reportUsageErrors } from './command.js';
import type { CliIO, ExitCode } from './io.js';
import { EXIT } from './io.js';
import { loadInput } from './load-input.js';
import { mapCommand, resolveMapOptions } from './map-options.js';

/** `netwarden map`: parse -> load -> connectivity -> format -> exit code. */
export async function runMap(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const parsed = parseArgv(mapCommand(io), argv);
  if (parsed.kind === 'exit') return parsed.code;
  const options = resolveMapOptions(parsed.opts);
  if (!options.ok) return reportUsageErrors('map', options.errors, io);
  const input = await loadInput(options.value, io);
  if (input.kind === 'unreadable') return EXIT.usage;
  const map = connectivity(compileCluster(input.cluster), { level: options.value.level });
  io.stdout(formatters.map[options.value.output](map));
  return input.exitCode;
}

import type { Command } from 'commander';
import type { MapLevel } from '../engine/types.js';
import { MAP_OUTPUTS } from '../report/index.js';
import type { MapOutput } from '../report/index.js';
import { inputFlags, newCommand, oneOf } from './command.js';
import type { InputFlags } from './command.js';
import type { CliIO } from './io.js';
import { fail, ok } from './result.js';
import type { Result } from './result.js';

const MAP_LEVELS = ['pod', 'workload', 'namespace'] as const satisfies readonly MapLevel[];

export interface MapOptions extends InputFlags {
  readonly output: MapOutput;
  readonly level: MapLevel;
}

export function mapCommand(io: CliIO): Command {
  return newCommand('map', 'Show who can reach whom, on which ports.', io)
    .option('--level <level>', `one row per: ${MAP_LEVELS.join(', ')}`, 'pod')
    .option('-o, --output <format>', `output format: ${MAP_OUTPUTS.join(', ')} (see docs/map-formats.md)`, 'table')
    .addHelpText(
      'after',
      [
        '',
        'A pair that is not listed allows nothing; a pod reaching itself is not listed.',
        'External endpoints are ranges of addresses outside the cluster that every policy treats alike.',
        '',
        'Examples:',
        '  netwarden map -f examples/guide',
        '  kubectl get pods,deploy,netpol -A -o yaml | netwarden map -f - --level workload -o json',
        '  netwarden map -f manifests/ --level workload -o dot | dot -Tsvg > map.svg',
      ].join('\n'),
    );
}

export function resolveMapOptions(opts: Record<string, unknown>): Result<MapOptions> {
  const errors: string[] = [];
  const input = inputFlags(opts, errors);
  const output = oneOf('-o/--output', opts['output'], MAP_OUTPUTS, errors);
  const level = oneOf('--level', opts['level'], MAP_LEVELS, errors);
  if (errors.length > 0 || output === undefined || level === undefined) return fail(...errors);
  return ok(Object.freeze({ ...input, output, level }));
}

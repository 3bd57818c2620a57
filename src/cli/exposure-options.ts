import type { Command } from 'commander';
import type { MapLevel } from '../engine/types.js';
import { EXPOSURE_OUTPUTS } from '../report/index.js';
import type { ExposureOutput } from '../report/index.js';
import { inputFlags, newCommand, oneOf } from './command.js';
import type { InputFlags } from './command.js';
import type { CliIO } from './io.js';
import { fail, ok } from './result.js';
import type { Result } from './result.js';

const EXPOSURE_LEVELS = ['workload', 'pod'] as const satisfies readonly MapLevel[];

export interface ExposureOptions extends InputFlags {
  readonly output: ExposureOutput;
  readonly level: MapLevel;
}

export function exposureCommand(io: CliIO): Command {
  return newCommand('exposure', 'Show what each workload is exposed to: the entire cluster, pods named by rules, addresses outside.', io)
    .option('--level <level>', `one subject per: ${EXPOSURE_LEVELS.join(', ')}`, 'workload')
    .option('-o, --output <format>', `output format: ${EXPOSURE_OUTPUTS.join(', ')} (json is documented in docs/exposure.md)`, 'table')
    .addHelpText(
      'after',
      [
        '',
        'Peers are shown as the policies state them, not expanded: "entire cluster", "any namespace,',
        'pods app=x", "namespaces env=prod, any pod" (such pods need not exist yet), address blocks.',
        'A direction no policy protects is open to everything and says "(no policy)".',
        '',
        'Examples:',
        '  netwarden exposure -f examples/guide',
        '  kubectl get pods,deploy,netpol -A -o yaml | netwarden exposure -f - -o md >> "$GITHUB_STEP_SUMMARY"',
      ].join('\n'),
    );
}

export function resolveExposureOptions(opts: Record<string, unknown>): Result<ExposureOptions> {
  const errors: string[] = [];
  const input = inputFlags(opts, errors);
  const output = oneOf('-o/--output', opts['output'], EXPOSURE_OUTPUTS, errors);
  const level = oneOf('--level', opts['level'], EXPOSURE_LEVELS, errors);
  if (errors.length > 0 || output === undefined || level === undefined) return fail(...errors);
  return ok(Object.freeze({ ...input, output, level }));
}

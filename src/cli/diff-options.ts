import type { Command } from 'commander';
import type { MapLevel } from '../engine/types.js';
import { DIFF_OUTPUTS } from '../report/index.js';
import type { DiffOutput } from '../report/index.js';
import { inputFlags, newCommand, oneOf } from './command.js';
import type { InputFlags } from './command.js';
import type { CliIO } from './io.js';
import { fail, ok } from './result.js';
import type { Result } from './result.js';

const DIFF_LEVELS = ['workload', 'pod', 'namespace'] as const satisfies readonly MapLevel[];

/** What the -f inputs are compared with: other inputs, or the same paths at a git revision. */
export type DiffAgainst =
  | { readonly kind: 'inputs'; readonly filenames: readonly string[] }
  | { readonly kind: 'git-ref'; readonly ref: string };

export interface DiffOptions extends InputFlags {
  readonly against: DiffAgainst;
  readonly output: DiffOutput;
  readonly level: MapLevel;
  /** Exit 1 when anything changed. */
  readonly exitCode: boolean;
}

export function diffCommand(io: CliIO): Command {
  return newCommand('diff', 'Show which connections a change of manifests adds, removes or changes.', io)
    .option('--against <path>', 'the manifests after the change (file, directory or -); repeatable', collect)
    .option('--git-ref <ref>', 'compare the -f paths in the working tree (after) with the same paths at this git revision (before)')
    .option('--level <level>', `one row per: ${DIFF_LEVELS.join(', ')}`, 'workload')
    .option('-o, --output <format>', `output format: ${DIFF_OUTPUTS.join(', ')} (json is documented in docs/diff.md)`, 'table')
    .option('--exit-code', 'exit 1 when anything changed (default: exit 0 either way)')
    .addHelpText(
      'after',
      [
        '',
        'The -f inputs are the manifests before the change; --against names those after it, or',
        '--git-ref compares the -f paths at a git revision (before) with the working tree (after).',
        'Addresses outside the cluster are cut at the ipBlock boundaries of both sides.',
        '',
        'Examples:',
        '  netwarden diff -f old/ --against new/',
        '  netwarden diff -f k8s/ --git-ref origin/main -o md --exit-code',
      ].join('\n'),
    );
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function resolveDiffOptions(opts: Record<string, unknown>): Result<DiffOptions> {
  const errors: string[] = [];
  const input = inputFlags(opts, errors);
  const output = oneOf('-o/--output', opts['output'], DIFF_OUTPUTS, errors);
  const level = oneOf('--level', opts['level'], DIFF_LEVELS, errors);
  const against = againstOf(opts, input.filenames, errors);
  if (errors.length > 0 || output === undefined || level === undefined || against === undefined) return fail(...errors);
  return ok(Object.freeze({ ...input, against, output, level, exitCode: opts['exitCode'] === true }));
}

function againstOf(opts: Record<string, unknown>, before: readonly string[], errors: string[]): DiffAgainst | undefined {
  const filenames = Array.isArray(opts['against']) ? opts['against'].map(String) : [];
  const ref = typeof opts['gitRef'] === 'string' ? opts['gitRef'] : undefined;
  if (filenames.length > 0 && ref !== undefined) {
    errors.push('--against and --git-ref cannot be used together: compare with other manifests or with a git revision');
    return undefined;
  }
  if (ref !== undefined) {
    if (ref === '' || ref.startsWith('-')) errors.push(`--git-ref ${JSON.stringify(ref)}: expected a git revision such as HEAD~1 or origin/main`);
    if (before.includes('-')) errors.push('--git-ref compares files: -f - (standard input) has no git revision');
    return { kind: 'git-ref', ref };
  }
  if (filenames.length === 0) {
    errors.push('--against or --git-ref is required: the manifests after the change, or the git revision before it');
    return undefined;
  }
  if (before.includes('-') && filenames.includes('-')) errors.push('standard input (-) can be read only once: use it on one side');
  return { kind: 'inputs', filenames };
}

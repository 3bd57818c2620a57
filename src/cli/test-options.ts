import type { Command } from 'commander';
import { TEST_OUTPUTS } from '../report/index.js';
import type { TestOutput } from '../report/index.js';
import { inputFlags, newCommand, oneOf } from './command.js';
import type { InputFlags } from './command.js';
import type { CliIO } from './io.js';
import { fail, ok } from './result.js';
import type { Result } from './result.js';

export interface TestOptions extends InputFlags {
  readonly output: TestOutput;
  /** The intents file, or `-` for standard input. */
  readonly intents: string;
}

export function testCommand(io: CliIO): Command {
  return newCommand('test', 'Check intents (who must, and must not, reach whom) against the policies.', io)
    .option('--intents <file>', 'the intents file (YAML; docs/test.md), or - for standard input (required)')
    .option('-o, --output <format>', `output format: ${TEST_OUTPUTS.join(', ')} (JUnit XML for CI)`, 'text')
    .addHelpText(
      'after',
      [
        '',
        'Each intent is checked on every (from, to) pair of pods it names: allow means every pair',
        'is allowed, deny that none is. Exit 0 when every intent holds, 1 when one fails or cannot be',
        'checked (or the manifests had invalid objects), 2 when the intents file is invalid.',
        '',
        'Examples:',
        '  netwarden test -f examples/guide --intents examples/guide-intents.yaml',
        '  netwarden test -f manifests/ --intents intents.yaml -o junit > intents.xml',
      ].join('\n'),
    );
}

export function resolveTestOptions(opts: Record<string, unknown>): Result<TestOptions> {
  const errors: string[] = [];
  const input = inputFlags(opts, errors);
  const output = oneOf('-o/--output', opts['output'], TEST_OUTPUTS, errors);
  const intents = typeof opts['intents'] === 'string' && opts['intents'] !== '' ? opts['intents'] : undefined;
  if (intents === undefined) errors.push('--intents is required: the intents file');
  if (intents === '-' && input.filenames.includes('-')) errors.push('--intents - and -f - both read standard input; give one of them a file');
  if (errors.length > 0 || output === undefined || intents === undefined) return fail(...errors);
  return ok(Object.freeze({ ...input, output, intents }));
}

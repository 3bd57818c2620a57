import type { Command } from 'commander';
import { parseCIDR } from '../algebra/cidr.js';
import { SEVERITIES, type Severity } from '../analysis/lint/index.js';
import { LINT_OUTPUTS, type LintOutput } from '../report/index.js';
import { inputFlags, newCommand, oneOf } from './command.js';
import type { InputFlags } from './command.js';
import type { CliIO } from './io.js';
import { fail, ok } from './result.js';
import type { Result } from './result.js';

export interface LintCliOptions extends InputFlags {
  readonly output: LintOutput;
  readonly severity: Severity;
  readonly podCIDRs: readonly string[];
}

export function lintCommand(io: CliIO): Command {
  return newCommand('lint', 'Find policies that are wrong, useless or risky.', io)
    .option('-o, --output <format>', `output format: ${LINT_OUTPUTS.join(', ')} (sarif: SARIF 2.1.0, for code scanning)`, 'text')
    .option('--severity <level>', `report findings of this severity and above: ${[...SEVERITIES].reverse().join(', ')}`, 'note')
    .option('--pod-cidr <cidr>', "the cluster's pod network, e.g. 10.244.0.0/16 (ipBlocks overlapping it are reported); repeatable", collect)
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 no error or warning reported (notes do not fail); 1 an error or a warning was reported;',
        '2 usage error or unreadable input. Invalid objects are reported as findings (invalid-object).',
        'Rules and their fixes: docs/lint.md.',
        '',
        'Examples:',
        '  netwarden lint -f manifests/',
        '  netwarden lint -f manifests/ -o sarif > netwarden.sarif',
        '  netwarden lint -f policies/ -f workloads.yaml --severity warning --pod-cidr 10.244.0.0/16',
      ].join('\n'),
    );
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function resolveLintOptions(opts: Record<string, unknown>): Result<LintCliOptions> {
  const errors: string[] = [];
  const input = inputFlags(opts, errors);
  const output = oneOf('-o/--output', opts['output'], LINT_OUTPUTS, errors);
  const severity = oneOf('--severity', opts['severity'], SEVERITIES, errors);
  const podCIDRs = Array.isArray(opts['podCidr']) ? opts['podCidr'].map(String) : [];
  for (const cidr of podCIDRs) {
    if (parseCIDR(cidr) === undefined) errors.push(`--pod-cidr ${cidr}: expected a CIDR such as 10.244.0.0/16 or fd00:10:244::/56`);
  }
  if (errors.length > 0 || output === undefined || severity === undefined) return fail(...errors);
  return ok(Object.freeze({ ...input, output, severity, podCIDRs }));
}

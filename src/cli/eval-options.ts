import type { Command } from 'commander';
import { PROTOCOLS } from '../model/common.js';
import type { Protocol } from '../model/common.js';
import { EVAL_OUTPUTS } from '../report/index.js';
import type { EvalOutput } from '../report/index.js';
import { inputFlags, newCommand, oneOf } from './command.js';
import type { InputFlags } from './command.js';
import type { CliIO } from './io.js';
import { parseEndpointSpec } from '../analysis/resolve-endpoint.js';
import type { EndpointSpec } from '../analysis/resolve-endpoint.js';
import { parsePortArg } from '../analysis/resolve-port.js';
import type { PortArg } from '../analysis/resolve-port.js';
import { fail, ok } from './result.js';
import type { Result } from './result.js';

export interface EvalOptions extends InputFlags {
  readonly output: EvalOutput;
  readonly from: { readonly input: string; readonly spec: EndpointSpec };
  readonly to: { readonly input: string; readonly spec: EndpointSpec };
  readonly port: PortArg;
  /** undefined: the Service port's protocol, else TCP. */
  readonly protocol?: Protocol;
  /** With --exit-code, a denied connection exits 3. */
  readonly denial: 'exit-0' | 'exit-3';
}

export function evalCommand(io: CliIO): Command {
  return newCommand('eval', 'Evaluate one connection and explain the verdict.', io)
    .option('--from <endpoint>', 'source: NS/POD, NS/KIND/NAME (a workload), or an IP address (required)')
    .option('--to <endpoint>', 'destination: NS/POD, NS/KIND/NAME (a workload, or svc for a Service), or an IP address (required)')
    .option('--port <port>', 'destination port: a number, or a port name of the Service or pod (required)')
    .option('--protocol <protocol>', `one of ${PROTOCOLS.join(', ')} (default: the Service port's, else TCP)`)
    .option('-o, --output <format>', `output format: ${EVAL_OUTPUTS.join(', ')}`, 'text')
    .option('--exit-code', 'exit 3 when the connection is denied (default: exit 0 either way)')
    .addHelpText(
      'after',
      [
        '',
        'A workload or Service is evaluated as its first pod (by name); the output says which.',
        'A Service port is translated to the backend pod\'s target port, as NetworkPolicies see it.',
        '',
        'Examples:',
        '  netwarden eval -f examples/guide --from default/deployment/frontend --to default/svc/database --port 80',
        '  netwarden eval -f policies/ -f pods.yaml --from prod/web-0 --to 10.0.0.7 --port 5432 -o json',
      ].join('\n'),
    );
}

/** Checks the parsed flags and reports every problem at once (style rule 12). */
export function resolveEvalOptions(opts: Record<string, unknown>): Result<EvalOptions> {
  const errors: string[] = [];
  const input = inputFlags(opts, errors);
  const output = oneOf('-o/--output', opts['output'], EVAL_OUTPUTS, errors);
  const from = endpointFlag('--from', opts['from'], input.namespace, errors);
  const to = endpointFlag('--to', opts['to'], input.namespace, errors);
  const port = portFlag(opts['port'], errors);
  const protocol = opts['protocol'] === undefined ? undefined : oneOf('--protocol', opts['protocol'], PROTOCOLS, errors);
  if (from?.spec.kind === 'ip' && to?.spec.kind === 'ip') errors.push('--from and --to are both IP addresses; at least one end must be a pod');
  if (errors.length > 0 || output === undefined || from === undefined || to === undefined || port === undefined) return fail(...errors);
  return ok(
    Object.freeze({
      ...input,
      output,
      from,
      to,
      port,
      ...(protocol === undefined ? {} : { protocol }),
      denial: opts['exitCode'] === true ? 'exit-3' : 'exit-0',
    }),
  );
}

function endpointFlag(flag: string, value: unknown, namespace: string, errors: string[]): EvalOptions['from'] | undefined {
  if (typeof value !== 'string') {
    errors.push(`${flag} is required`);
    return undefined;
  }
  const spec = parseEndpointSpec(value, namespace);
  if (!spec.ok) {
    errors.push(...spec.errors.map((error) => `${flag} ${error}`));
    return undefined;
  }
  return { input: value, spec: spec.value };
}

function portFlag(value: unknown, errors: string[]): PortArg | undefined {
  if (typeof value !== 'string') {
    errors.push('--port is required');
    return undefined;
  }
  const port = parsePortArg(value);
  if (!port.ok) errors.push(...port.errors);
  return port.ok ? port.value : undefined;
}

import type { Command } from 'commander';
import { parseIP } from '../algebra/ip-set.js';
import { inputFlags, newCommand } from './command.js';
import type { InputFlags } from './command.js';
import type { CliIO } from './io.js';
import { fail, ok } from './result.js';
import type { Result } from './result.js';

export const UI_DEFAULT_PORT = 7780;
export const UI_DEFAULT_ADDRESS = '127.0.0.1';

export interface UiOptions extends InputFlags {
  readonly port: number;
  readonly address: string;
  /** Open the URL in a browser (xdg-open / open) once listening. */
  readonly open: boolean;
  /** Reload on changes under the inputs and tell open pages. */
  readonly watch: boolean;
}

export function uiCommand(io: CliIO, name: 'ui' | 'dashboard' = 'ui'): Command {
  return newCommand(name, 'Serve the dashboard: graph, matrix, explanations, policies and what-if, in a browser.', io)
    .option('--port <port>', `port to listen on; 0 picks a free one (default: ${UI_DEFAULT_PORT})`)
    .option('--address <ip>', `address to listen on (default: ${UI_DEFAULT_ADDRESS}; only this machine can connect)`)
    .option('--open', 'open the dashboard in the default browser')
    .option('--watch', 'reload when a file under the inputs changes, and update open pages')
    .addHelpText(
      'after',
      [
        '',
        'Prints "netwarden dashboard: http://127.0.0.1:7780/" once listening; stops on Ctrl-C.',
        'Everything is served from this process: no file is written, nothing is fetched from the internet.',
        'API and views: docs/dashboard.md. Alias: netwarden dashboard.',
        '',
        'Examples:',
        '  netwarden ui -f examples/guide',
        '  netwarden ui -f k8s/ --watch --open',
        '  kubectl get pods,deploy,netpol -A -o yaml | netwarden ui -f - --port 0',
      ].join('\n'),
    );
}

export function resolveUiOptions(opts: Record<string, unknown>): Result<UiOptions> {
  const errors: string[] = [];
  const input = inputFlags(opts, errors);
  const port = portOf(opts['port'], errors);
  const address = typeof opts['address'] === 'string' ? opts['address'] : UI_DEFAULT_ADDRESS;
  if (parseIP(address) === undefined) errors.push(`--address ${address}: expected an IP address, such as 127.0.0.1 or ::1`);
  if (errors.length > 0 || port === undefined) return fail(...errors);
  return ok(Object.freeze({ ...input, port, address, open: opts['open'] === true, watch: opts['watch'] === true }));
}

function portOf(value: unknown, errors: string[]): number | undefined {
  if (value === undefined) return UI_DEFAULT_PORT;
  const text = String(value);
  const port = /^[0-9]{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    errors.push(`--port ${text}: expected a port number from 0 to 65535 (0 picks a free port)`);
    return undefined;
  }
  return port;
}

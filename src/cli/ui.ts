import { spawn } from 'node:child_process';
import { platform } from 'node:os';
import { formatProblem } from '../model/problem.js';
import { ListenError, loadSnapshot, serveDashboard } from '../web/server/index.js';
import { parseArgv, reportUsageErrors } from './command.js';
import type { CliIO, ExitCode } from './io.js';
import { EXIT } from './io.js';
import { resolveUiOptions, uiCommand } from './ui-options.js';

/**
 * `netwarden ui` (alias `dashboard`): parse -> load (problems printed as `map` prints them) ->
 * serve -> print the URL -> wait for SIGINT/SIGTERM -> exit 0. The CLI's one reach into the web
 * edge: it only starts the server, which knows nothing of the CLI.
 */
export async function runUi(argv: readonly string[], io: CliIO, name: 'ui' | 'dashboard' = 'ui'): Promise<ExitCode> {
  const parsed = parseArgv(uiCommand(io, name), argv);
  if (parsed.kind === 'exit') return parsed.code;
  const options = resolveUiOptions(parsed.opts);
  if (!options.ok) return reportUsageErrors(name, options.errors, io);
  const { filenames, namespace, port, address, watch, open } = options.value;
  const snapshot = await loadSnapshot({ inputs: filenames, namespace, generation: 1, loadIO: io.load });
  if (snapshot.problems.length > 0) io.stderr.write(snapshot.problems.map((p) => `${formatProblem(p)}\n`).join(''));
  if (snapshot.unreadable) return EXIT.usage;
  let dashboard;
  try {
    dashboard = await serveDashboard(snapshot, { inputs: filenames, namespace, port, address, watch, loadIO: io.load, log: (text) => void io.stderr.write(`${text}\n`) });
  } catch (error) {
    if (!(error instanceof ListenError)) throw error;
    return reportUsageErrors(name, [error.message], io);
  }
  io.stdout.write(`netwarden dashboard: ${dashboard.url}\n`);
  if (open) openInBrowser(dashboard.url, (text) => void io.stderr.write(`${text}\n`));
  if (io.stopRequested !== undefined) await io.stopRequested();
  await dashboard.close();
  return EXIT.ok;
}

/** xdg-open (Linux) or open (macOS); a missing opener is a note, not a failure. */
function openInBrowser(url: string, note: (text: string) => void): void {
  const opener = platform() === 'darwin' ? 'open' : 'xdg-open';
  try {
    const child = spawn(opener, [url], { detached: true, stdio: 'ignore' });
    child.on('error', () => note(`netwarden ui: could not run ${opener}; open ${url} yourself`));
    child.unref();
  } catch {
    note(`netwarden ui: could not run ${opener}; open ${url} yourself`);
  }
}

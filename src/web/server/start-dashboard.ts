import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LoadIO } from '../../load/index.js';
import { formatProblem } from '../../model/problem.js';
import { EventHub } from './events.js';
import { sendError } from './http-io.js';
import { reportFailure, route, warmUp } from './routes.js';
import { loadSnapshot } from './snapshot.js';
import type { Snapshot } from './snapshot.js';
import { findWebRoot, StaticFiles } from './static-files.js';
import { watchInputs } from './watch.js';
import type { Watching } from './watch.js';

export const DEFAULT_PORT = 7780;
export const DEFAULT_ADDRESS = '127.0.0.1';

/** The server could not listen (port in use, no permission, not an address of this machine). */
export class ListenError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code: string | undefined) {
    super(message);
    this.code = code;
  }
}

export interface DashboardOptions {
  /** Files, directories, or `-` for standard input: what `netwarden map -f` takes. */
  readonly inputs: readonly string[];
  /** Namespace of objects that name none (default "default"). */
  readonly namespace?: string;
  /** 0 picks a free port; default 7780. */
  readonly port?: number;
  /** Default 127.0.0.1: the dashboard is for this machine unless told otherwise. */
  readonly address?: string;
  /** Reload when a file under the inputs changes, and tell open pages (event: reload). */
  readonly watch?: boolean;
  readonly loadIO?: LoadIO;
  /** The built browser app (default: dist/web, see static-files.ts). */
  readonly webRoot?: string;
  /** Where reload problems and internal errors are written (default: stderr). */
  readonly log?: (text: string) => void;
}

export interface Dashboard {
  /** `http://127.0.0.1:7780/` */
  readonly url: string;
  readonly port: number;
  /** The current load (it changes on each reload). */
  snapshot(): Snapshot;
  close(): Promise<void>;
}

/** Loads the inputs, then serves them: what `netwarden ui` runs, and what tests call with port 0. */
export async function startDashboard(options: DashboardOptions): Promise<Dashboard> {
  const first = await loadSnapshot({ inputs: options.inputs, namespace: options.namespace ?? 'default', generation: 1, ...loadIOOf(options) });
  return serveDashboard(first, options);
}

/** Serves a loaded snapshot (the CLI loads first, to report problems the way `map` does). */
export async function serveDashboard(first: Snapshot, options: DashboardOptions): Promise<Dashboard> {
  const log = options.log ?? ((text: string) => void process.stderr.write(`${text}\n`));
  const address = options.address ?? DEFAULT_ADDRESS;
  let current = first;
  warmUp(current);
  const events = new EventHub();
  const files = new StaticFiles(options.webRoot ?? findWebRoot());
  const context = { snapshot: () => current, events, files };
  let port = 0;
  const server = createServer((request, response) => {
    if (!hostAllowed(request, address, port)) return sendError(request, response, 403, 'unexpected Host header: open the dashboard by the URL it printed');
    route(request, response, context).catch((error: unknown) => reportFailure(request, response, error, log));
  });
  port = await listen(server, options.port ?? DEFAULT_PORT, address);
  let watching: Watching | undefined;
  if (options.watch === true) {
    const reload = reloader(() => current, (next) => {
      current = next;
      warmUp(next);
      events.reload(next.generation);
    }, options, log);
    watching = watchInputs(options.inputs, reload, log);
  }
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}/`,
    port,
    snapshot: () => current,
    close: () => {
      watching?.close();
      events.close();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function loadIOOf(options: DashboardOptions): { loadIO?: LoadIO } {
  return options.loadIO === undefined ? {} : { loadIO: options.loadIO };
}

/** Resolves with the port bound; EADDRINUSE and the like reject with a message that says what to do. */
function listen(server: Server, port: number, address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'EADDRINUSE' ? `port ${port} on ${address} is already in use; pick another with --port (0 picks a free one)`
        : error.code === 'EACCES' ? `no permission to listen on port ${port}; pick a port above 1023 with --port`
        : error.code === 'EADDRNOTAVAIL' ? `address ${address} is not an address of this machine`
        : `cannot listen on ${address}:${port}: ${error.message}`;
      reject(new ListenError(reason, error.code));
    });
    server.listen(port, address, () => resolve((server.address() as AddressInfo).port));
  });
}

/** DNS rebinding: only the names this server is reached by on this machine, with its port. */
function hostAllowed(request: IncomingMessage, address: string, port: number): boolean {
  const host = (request.headers.host ?? '').toLowerCase();
  const names = ['127.0.0.1', 'localhost', '[::1]', address.includes(':') ? `[${address.toLowerCase()}]` : address.toLowerCase()];
  return names.some((name) => host === `${name}:${port}`);
}

/** Reloads one at a time; a change during a reload starts another when it ends. */
function reloader(current: () => Snapshot, apply: (next: Snapshot) => void, options: DashboardOptions, log: (text: string) => void): () => void {
  let running = false;
  let again = false;
  const run = async (): Promise<void> => {
    running = true;
    do {
      again = false;
      const before = current();
      const next = await loadSnapshot({ inputs: before.inputs, namespace: before.namespace, generation: before.generation + 1, ...loadIOOf(options), ...stdinOf(before) });
      for (const problem of next.problems) log(formatProblem(problem));
      apply(next);
    } while (again);
    running = false;
  };
  return () => {
    if (running) again = true;
    else run().catch((error: unknown) => {
      running = false;
      log(`netwarden dashboard: reload failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
}

function stdinOf(snapshot: Snapshot): { stdin?: Buffer } {
  const stdin = snapshot.texts.stdinBytes;
  return stdin === undefined ? {} : { stdin };
}

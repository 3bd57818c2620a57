// Raw HTTP requests for the dashboard server tests: node:http, so that paths are sent exactly as
// written (fetch would resolve `../` before sending) and the Host header can be set.
import { request } from 'node:http';
import { runCli } from '../../src/cli/main.js';
import { fakeIO } from '../cli/fake-io.js';

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

export interface RequestOptions {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
}

export function send(url: string, path: string, options: RequestOptions = {}): Promise<Reply> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

export async function getJson<T>(url: string, path: string): Promise<T> {
  const reply = await send(url, path);
  if (reply.status !== 200) throw new Error(`GET ${path}: ${reply.status} ${reply.text}`);
  return JSON.parse(reply.text) as T;
}

export function postJson(url: string, path: string, body: unknown): Promise<Reply> {
  return send(url, path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

/** What `netwarden <argv>` prints on stdout, run in-process. */
export async function cliOutput(argv: readonly string[]): Promise<string> {
  const fake = fakeIO();
  const code = await runCli(argv, fake.io);
  if (code !== 0) throw new Error(`netwarden ${argv.join(' ')} exited ${code}: ${fake.stderr()}`);
  return fake.stdout();
}

// Cross-check of the in-process figures: the built `netwarden map -f <dir> -o json --level workload`
// on the same manifests, timed from outside the process (GNU time's wall clock and max RSS when
// /usr/bin/time exists, else our own wall clock). Compiled with the project's tsconfig into
// bench/.dist (with the measuring child, see buildBench) so that it runs as users run dist/, and
// resolves its dependencies from the repo.

import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface CliResult {
  readonly outcome: 'done' | 'timeout' | 'crashed';
  readonly wallMs: number;
  readonly maxRssBytes?: number;
  readonly exitCode?: number;
  readonly failure?: string;
}

const REPO = fileURLToPath(new URL('../', import.meta.url));
const OUT_DIR = fileURLToPath(new URL('./.dist/', import.meta.url));
const GNU_TIME = '/usr/bin/time';

/** What `buildBench` compiled: the CLI's entry point and the measuring child. */
export interface BenchBuild {
  readonly bin: string;
  readonly measure: string;
}

/**
 * Compiles src, bin and bench (tsconfig.bench.json) into bench/.dist, so that sizes are measured
 * on the JavaScript users run (dist/), not through tsx's on-the-fly transform (which adds a
 * `__name` call to every named closure it creates). Returns the compiler's complaint on failure.
 */
export async function buildBench(): Promise<BenchBuild | { readonly error: string }> {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = await run(process.execPath, [tsc, '-p', `${REPO}tsconfig.bench.json`], { timeoutMs: 300_000 });
  const bin = `${OUT_DIR}bin/netwarden.js`;
  const measure = `${OUT_DIR}bench/measure.js`;
  // tsc emits despite type errors elsewhere in the tree; only a missing entry point stops us.
  if (existsSync(bin) && existsSync(measure)) return { bin, measure };
  return { error: `tsc failed (exit ${result.exitCode ?? '?'}): ${result.stderr.slice(-2000)}` };
}

export async function runCli(bin: string, dir: string, outFile: string, timeoutMs: number): Promise<CliResult> {
  const args = [bin, 'map', '-f', dir, '-o', 'json', '--level', 'workload'];
  const timed = existsSync(GNU_TIME);
  const out = openSync(outFile, 'w');
  try {
    const result = timed
      ? await run(GNU_TIME, ['-f', '%e %M', process.execPath, ...args], { timeoutMs, stdout: out })
      : await run(process.execPath, args, { timeoutMs, stdout: out });
    if (result.timedOut) return { outcome: 'timeout', wallMs: result.wallMs };
    const last = result.stderr.trimEnd().split('\n').pop() ?? '';
    const measured = timed ? /^([\d.]+) (\d+)$/.exec(last) : null;
    // The map's exit code is 0 (clean input) or 1 (input problems reported); 2 means it could not run.
    if (result.exitCode === null || result.exitCode >= 2) {
      return { outcome: 'crashed', wallMs: result.wallMs, failure: result.stderr.slice(-2000), ...(result.exitCode === null ? {} : { exitCode: result.exitCode }) };
    }
    return {
      outcome: 'done',
      wallMs: result.wallMs,
      exitCode: result.exitCode,
      ...(measured?.[2] === undefined ? {} : { maxRssBytes: Number(measured[2]) * 1024 }),
    };
  } finally {
    closeSync(out);
  }
}

interface Ran {
  readonly exitCode: number | null;
  readonly stderr: string;
  readonly wallMs: number;
  readonly timedOut: boolean;
}

function run(command: string, args: readonly string[], options: { readonly timeoutMs: number; readonly stdout?: number }): Promise<Ran> {
  const started = performance.now();
  // Its own process group, so that a timeout ends /usr/bin/time and the node under it together.
  const child = spawn(command, args, { stdio: ['ignore', options.stdout ?? 'ignore', 'pipe'], cwd: REPO, detached: true });
  let stderr = '';
  let timedOut = false;
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-16_384);
  });
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, options.timeoutMs);
  return new Promise((resolve) => {
    child.on('exit', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, stderr, wallMs: performance.now() - started, timedOut });
    });
  });
}

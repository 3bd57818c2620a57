// Runs measure.ts for one size in a fresh Node process and collects what it reports. A run that
// exceeds its time budget is killed and reported with the phases it finished and the one it was
// in; a run that dies (e.g. out of heap) is reported the same way, with the end of its stderr.

import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isChildMessage, type MeasureRequest, type Phase, type PhaseFacts } from './protocol.js';

export interface SizeRunOptions {
  readonly request: MeasureRequest;
  readonly timeoutMs: number;
  /** When set, the child runs with --cpu-prof and writes `<name>.cpuprofile` into this folder. */
  readonly cpuProfile?: { readonly dir: string; readonly name: string };
  /** The compiled measure.js (buildBench); without it, measure.ts runs through tsx. */
  readonly compiledMeasure?: string;
}

export type SizeOutcome = 'done' | 'timeout' | 'crashed';

export interface SizeResult {
  readonly outcome: SizeOutcome;
  /** Milliseconds of each finished phase. */
  readonly phaseMs: Partial<Record<Phase, number>>;
  /** The phase that was running when the child was killed or died. */
  readonly inPhase?: Phase;
  /** Wall time from spawning the child to its exit (includes Node's start-up, and tsx's when not compiled). */
  readonly wallMs: number;
  /** Peak RSS of the child as last reported (at its end when it finished), in bytes. */
  readonly maxRssBytes: number;
  readonly facts: PhaseFacts;
  /** Exit code or signal and the last lines of stderr, for a crash. */
  readonly failure?: string;
}

const MEASURE_SCRIPT = fileURLToPath(new URL('./measure.ts', import.meta.url));
const TSX_LOADER = import.meta.resolve('tsx');
const STDERR_TAIL_LINES = 8;

export function runSize(options: SizeRunOptions): Promise<SizeResult> {
  const profileArgs = options.cpuProfile
    ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfile.dir}`, `--cpu-prof-name=${options.cpuProfile.name}.cpuprofile`]
    : [];
  const script = options.compiledMeasure ?? MEASURE_SCRIPT;
  const loader = options.compiledMeasure === undefined ? ['--import', TSX_LOADER] : [];
  const child = fork(script, [JSON.stringify(options.request)], {
    execArgv: [...loader, ...profileArgs],
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  const started = performance.now();
  const phaseMs: Partial<Record<Phase, number>> = {};
  let facts: PhaseFacts = {};
  let inPhase: Phase | undefined;
  let maxRssBytes = 0;
  let stderr = '';
  let timedOut = false;
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-16_384);
  });
  child.on('message', (message) => {
    if (!isChildMessage(message)) return;
    if (message.type === 'start') {
      inPhase = message.phase;
      return;
    }
    phaseMs[message.phase] = message.ms;
    facts = { ...facts, ...message.facts };
    maxRssBytes = Math.max(maxRssBytes, message.maxRssBytes);
    inPhase = undefined;
  });
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      const base = { phaseMs, wallMs, maxRssBytes, facts, ...(inPhase === undefined ? {} : { inPhase }) };
      if (timedOut) resolve({ ...base, outcome: 'timeout' });
      else if (code === 0 && phaseMs.serialise !== undefined) resolve({ ...base, outcome: 'done' });
      else resolve({ ...base, outcome: 'crashed', failure: describeExit(code, signal, stderr) });
    });
  });
}

function describeExit(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  const how = signal !== null ? `killed by ${signal}` : `exit code ${code ?? '?'}`;
  const tail = stderr.trimEnd().split('\n').slice(-STDERR_TAIL_LINES).join('\n');
  return tail === '' ? how : `${how}\n${tail}`;
}

import { assertNever } from '../model/common.js';
import type { Clock, OutputStream } from './io.js';

/** What a command is doing, as the progress line says it. */
export type Phase =
  | { readonly kind: 'loading'; readonly filesRead: number }
  | { readonly kind: 'computing'; readonly what: 'connectivity' | 'verdict' | 'lint' | 'exposure' }
  | { readonly kind: 'writing' };

/**
 * A single line on stderr, rewritten in place with `\r`, saying what a slow command is doing.
 * Drawn only on a terminal and only once the command has run for PROGRESS_DELAY_MS; erased at the end.
 */
export interface Progress {
  /** The command entered `phase` (or its count moved on). */
  phase(phase: Phase): void;
  /** Erases the line, if drawn, before other output; the next phase() draws it again. */
  clear(): void;
  /** Erases the line for good. Safe to call more than once. */
  stop(): void;
}

export const PROGRESS_DELAY_MS = 1000;
/** Count updates (files read) redraw at most this often; a phase change redraws at once. */
const REDRAW_INTERVAL_MS = 100;

const SILENT: Progress = { phase: () => {}, clear: () => {}, stop: () => {} };

/** A progress line on `stderr` when it is a terminal; otherwise (pipes, files, tests) one that does nothing. */
export function startProgress(stderr: OutputStream, clock: Clock): Progress {
  return stderr.isTTY === true ? new ProgressLine(stderr, clock) : SILENT;
}

/**
 * Commands do their heavy work synchronously (parsing, connectivity), so a timer cannot fire
 * during it: phase() itself checks the clock and draws at once when the delay has passed. The
 * timer covers the asynchronous waits (reading files), where no phase() call may come.
 */
class ProgressLine implements Progress {
  private readonly stderr: OutputStream;
  private readonly clock: Clock;
  private readonly start: number;
  private current: Phase | undefined;
  private drawn: { readonly kind: Phase['kind']; readonly length: number; readonly at: number } | undefined;
  private cancelTimer: (() => void) | undefined;
  private stopped = false;

  constructor(stderr: OutputStream, clock: Clock) {
    this.stderr = stderr;
    this.clock = clock;
    this.start = clock.now();
    this.cancelTimer = clock.schedule(() => this.onTimer(), PROGRESS_DELAY_MS);
  }

  phase(phase: Phase): void {
    this.current = phase;
    const now = this.clock.now();
    if (this.stopped || now - this.start < PROGRESS_DELAY_MS) return;
    const drawn = this.drawn;
    if (drawn === undefined || drawn.kind !== phase.kind || now - drawn.at >= REDRAW_INTERVAL_MS) this.draw(now);
    else this.cancelTimer ??= this.clock.schedule(() => this.onTimer(), REDRAW_INTERVAL_MS - (now - drawn.at));
  }

  clear(): void {
    if (this.drawn !== undefined) this.stderr.write(`\r${' '.repeat(this.drawn.length)}\r`);
    this.drawn = undefined;
  }

  stop(): void {
    this.clear();
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }

  private onTimer(): void {
    this.cancelTimer = undefined;
    if (!this.stopped) this.draw(this.clock.now());
  }

  private draw(now: number): void {
    if (this.current === undefined) return;
    const text = `netwarden: ${phaseText(this.current)}...`;
    // Blanks cover the rest of a longer previous line; \r leaves the cursor at the start.
    const padding = ' '.repeat(Math.max(0, (this.drawn?.length ?? 0) - text.length));
    this.stderr.write(`\r${text}${padding}`);
    this.drawn = { kind: this.current.kind, length: text.length, at: now };
  }
}

const COMPUTING_TEXT = {
  connectivity: 'computing connectivity',
  verdict: 'evaluating the connection',
  lint: 'checking the lint rules',
  exposure: 'finding what each workload is exposed to',
} as const satisfies Record<Extract<Phase, { kind: 'computing' }>['what'], string>;

function phaseText(phase: Phase): string {
  switch (phase.kind) {
    case 'loading':
      return `loading manifests (${phase.filesRead} file${phase.filesRead === 1 ? '' : 's'} read)`;
    case 'computing':
      return COMPUTING_TEXT[phase.what];
    case 'writing':
      return 'writing the output';
    default:
      return assertNever(phase);
  }
}

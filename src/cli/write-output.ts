import type { CliIO, OutputStream } from './io.js';
import type { Progress } from './progress.js';

export type WriteOutcome =
  /** Every chunk was handed to the stream. */
  | { readonly kind: 'written' }
  /** The reader went away (EPIPE: `netwarden map | head`), or the stream closed: the rest was not even formatted. */
  | { readonly kind: 'reader-gone' }
  /** Writing failed otherwise (a full disk...): reported on stderr; the command exits 2. */
  | { readonly kind: 'failed' };

/**
 * Writes a formatter's chunks to stdout as they are produced: at most one chunk is waiting in
 * memory when the stream is slower than the formatter (backpressure: after write() returns
 * false, nothing more is formatted until 'drain'). The progress line says "writing" unless
 * stdout is the same terminal, where it would mix with the output: then it is erased first.
 */
export async function writeOutput(chunks: Iterable<string>, io: CliIO, progress: Progress): Promise<WriteOutcome> {
  if (io.stdout.isTTY === true) progress.stop();
  else progress.phase({ kind: 'writing' });
  const error = await writeChunks(io.stdout, chunks);
  progress.stop();
  if (error === undefined) return io.stdout.destroyed ? { kind: 'reader-gone' } : { kind: 'written' };
  if ((error as NodeJS.ErrnoException).code === 'EPIPE') return { kind: 'reader-gone' };
  io.stderr.write(`netwarden: cannot write the output: ${error.message}\n`);
  return { kind: 'failed' };
}

/** Writes until the chunks end or the stream fails or closes; returns the stream's error, if any. */
export async function writeChunks(out: OutputStream, chunks: Iterable<string>): Promise<Error | undefined> {
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const onError = (error: Error): void => {
    failure ??= error;
    wake?.();
  };
  const onWritable = (): void => wake?.();
  out.on('error', onError);
  try {
    const stopped = (): boolean => failure !== undefined || out.destroyed;
    for (const chunk of chunks) {
      if (stopped()) break;
      if (out.write(chunk)) continue;
      // Full, or failed: a failed write also returns false, and its 'error' comes on a later tick.
      await new Promise<void>((resolve) => {
        wake = resolve;
        out.once('drain', onWritable);
        out.once('close', onWritable);
      });
      wake = undefined;
      out.removeListener('drain', onWritable);
      out.removeListener('close', onWritable);
      if (stopped()) break; // before formatting another chunk
    }
  } finally {
    out.removeListener('error', onError);
  }
  return failure;
}

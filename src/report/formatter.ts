// The formatter contract (style rule 9): a formatter turns a result into text, produced in chunks,
// so that an 84 MB map is never one string (issue "Scale": streaming output for big maps).

/** About 64 KiB: large enough that a write per chunk costs nothing, small enough to stay out of the old generation. */
export const DEFAULT_CHUNK_LENGTH = 64 * 1024;

export interface FormatOptions {
  /**
   * The chunks' length in characters, about: each chunk but the last is at least this long and
   * exceeds it by less than one piece (a line). Default DEFAULT_CHUNK_LENGTH.
   */
  readonly chunkLength?: number;
}

/**
 * Output for one result, in order, as an iterable of non-empty chunks: concatenated, they are the
 * whole text. Iterating it again formats again. Formatters are pure: no I/O, no timers.
 */
export type Formatter<Result> = (result: Result, options?: FormatOptions) => Iterable<string>;

/** The whole output as one string: for tests and small outputs. */
export function formatToString<Result>(formatter: Formatter<Result>, result: Result, options?: FormatOptions): string {
  let text = '';
  for (const chunk of formatter(result, options)) text += chunk;
  return text;
}

/** A formatter of small results whose text is built whole (eval's verdicts): one chunk. */
export function oneChunk<Result>(format: (result: Result) => string): Formatter<Result> {
  return (result) => [format(result)];
}

/**
 * Joins small pieces into chunks of at least `chunkLength` characters (the last may be shorter).
 * Never yields an empty chunk.
 */
export function* chunked(pieces: Iterable<string>, options: FormatOptions | undefined): Generator<string, void, undefined> {
  const length = Math.max(1, options?.chunkLength ?? DEFAULT_CHUNK_LENGTH);
  let chunk = '';
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length >= length) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

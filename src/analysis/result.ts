/** The outcome of a step that can fail on bad user input: a value, or the messages saying why not. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly string[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(...errors: string[]): Result<T> {
  return { ok: false, errors };
}

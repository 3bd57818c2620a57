// Reading the object as written (`policy.raw`), for the few things normalisation erases on purpose
// (style rule 3): whether `from: []` was written or `from` left out, a written protocol, duplicates.

/** The value at `path` inside a plain object/array, or undefined when any step is missing. */
export function rawAt(value: unknown, ...path: readonly (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (typeof key === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[key];
    } else {
      if (Array.isArray(current) || !Object.hasOwn(current, key)) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
  }
  return current;
}

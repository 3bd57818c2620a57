import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './corpus.js';

export interface LineDiff {
  /** In the golden, not produced. */
  readonly missing: readonly string[];
  /** Produced, not in the golden. */
  readonly extra: readonly string[];
}

/** Set difference of two line lists (duplicates count once; blank lines ignored). */
export function diffLines(expected: readonly string[], actual: readonly string[]): LineDiff {
  const want = new Set(expected.filter((l) => l !== ''));
  const got = new Set(actual.filter((l) => l !== ''));
  return {
    missing: [...want].filter((l) => !got.has(l)),
    extra: [...got].filter((l) => !want.has(l)),
  };
}

export function isEmptyDiff(diff: LineDiff): boolean {
  return diff.missing.length === 0 && diff.extra.length === 0;
}

const SHOWN = 40;

/** A readable report: missing lines with '-', extra lines with '+', each list capped. */
export function formatDiff(diff: LineDiff): string {
  const part = (sign: string, title: string, lines: readonly string[]): string[] => {
    if (lines.length === 0) return [];
    const shown = lines.slice(0, SHOWN).map((l) => `  ${sign} ${l}`);
    const more = lines.length > SHOWN ? [`  ... and ${lines.length - SHOWN} more`] : [];
    return [`${title} (${lines.length}):`, ...shown, ...more];
  };
  return [
    ...part('-', 'missing (in golden, not produced by netwarden)', diff.missing),
    ...part('+', 'extra (produced by netwarden, not in golden)', diff.extra),
  ].join('\n');
}

/** Upstream's own rule: equal after deleting every \n and \r. */
export function equalIgnoringLineBreaks(expected: string, actual: string): boolean {
  const strip = (s: string): string => s.replace(/[\r\n]/g, '');
  return strip(expected) === strip(actual);
}

/** Write what we produced to test/.actual/<relative path> (git-ignored) and return that path. */
export function writeActual(relativePath: string, text: string): string {
  const path = join(REPO_ROOT, 'test', '.actual', relativePath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

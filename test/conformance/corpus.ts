import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file lives in <repo>/test/conformance/. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where the shared corpora live: $NETWARDEN_CORPUS if set, else <repo>/../shared/corpus.
 * Returns undefined when the folder is absent (a checkout without the shared data).
 */
export function corpusRoot(): string | undefined {
  const fromEnv = process.env['NETWARDEN_CORPUS'];
  const root = fromEnv !== undefined && fromEnv !== '' ? resolve(fromEnv) : resolve(REPO_ROOT, '..', 'shared', 'corpus');
  return existsSync(root) ? root : undefined;
}

/** The reason printed and given to t.skip when a corpus is missing. */
export const SKIP_REASON = '../shared/corpus not present';

/** One corpus folder (e.g. 'recipes'), or undefined with the skip line printed once. */
export function corpusDir(name: string): string | undefined {
  const root = corpusRoot();
  const dir = root === undefined ? undefined : join(root, name);
  if (dir === undefined || !existsSync(dir)) {
    console.log(`conformance: skipped: ${SKIP_REASON}`);
    return undefined;
  }
  return dir;
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** Byte-order comparison (Go's string order, which the goldens use), not locale order. */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

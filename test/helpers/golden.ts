// Byte-exact golden files (style guide, test rules). UPDATE_GOLDEN=1 (npm run test:update) rewrites
// them; on a mismatch the actual output goes to test/.actual/<same path> and the failure shows a diff.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A comparer of `actual` with <goldenDir>/<name>; mismatches are written under test/.actual/<actualSubdir>. */
export function goldenAsserter(goldenDir: string, actualSubdir: string): (name: string, actual: string) => Promise<void> {
  const actualDir = join(REPO_ROOT, 'test', '.actual', actualSubdir);
  return async (name, actual) => {
    const golden = join(goldenDir, name);
    if (process.env['UPDATE_GOLDEN'] === '1') {
      await mkdir(dirname(golden), { recursive: true });
      await writeFile(golden, actual);
      return;
    }
    if (!existsSync(golden)) assert.fail(`no golden file ${relative(REPO_ROOT, golden)}; create it with: npm run test:update`);
    const expected = await readFile(golden, 'utf8');
    if (expected === actual) return;
    const written = join(actualDir, name);
    await mkdir(dirname(written), { recursive: true });
    await writeFile(written, actual);
    const diff = spawnSync('diff', ['-u', golden, written], { encoding: 'utf8' }).stdout || '(diff not available)';
    assert.fail(
      `output differs from ${relative(REPO_ROOT, golden)}\n` +
        `actual output written to ${relative(REPO_ROOT, written)}\n` +
        `if the change is intended: npm run test:update, then review the diff\n${diff}`,
    );
  };
}

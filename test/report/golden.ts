// Byte-exact golden files (style guide, test rules). UPDATE_GOLDEN=1 (npm run test:update) rewrites
// them; on a mismatch the actual output goes to test/.actual/<same path> and the failure shows a diff.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const goldenDir = join(root, 'test', 'golden');
const actualDir = join(root, 'test', '.actual');

/** Compares `actual` with test/golden/<name>, byte for byte. */
export async function assertGolden(name: string, actual: string): Promise<void> {
  const golden = join(goldenDir, name);
  if (process.env['UPDATE_GOLDEN'] === '1') {
    await mkdir(dirname(golden), { recursive: true });
    await writeFile(golden, actual);
    return;
  }
  if (!existsSync(golden)) assert.fail(`no golden file ${relative(root, golden)}; create it with: npm run test:update`);
  const expected = await readFile(golden, 'utf8');
  if (expected === actual) return;
  const written = join(actualDir, name);
  await mkdir(dirname(written), { recursive: true });
  await writeFile(written, actual);
  const diff = spawnSync('diff', ['-u', golden, written], { encoding: 'utf8' }).stdout || '(diff not available)';
  assert.fail(
    `output differs from ${relative(root, golden)}\n` +
      `actual output written to ${relative(root, written)}\n` +
      `if the change is intended: npm run test:update, then review the diff\n${diff}`,
  );
}

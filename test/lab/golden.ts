// Byte-exact golden files of the lab, in test/lab/golden/ (the house rules: UPDATE_GOLDEN=1, i.e.
// npm run test:update, rewrites them; on a mismatch the actual text goes to test/.actual/lab/ and
// the failure shows a unified diff).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LAB_TEST_DIR = dirname(fileURLToPath(import.meta.url));
const root = join(LAB_TEST_DIR, '..', '..');
export const LAB_GOLDEN_DIR = join(LAB_TEST_DIR, 'golden');
const actualDir = join(root, 'test', '.actual', 'lab');

export async function assertLabGolden(name: string, actual: string): Promise<void> {
  const golden = join(LAB_GOLDEN_DIR, name);
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
  assert.fail(`output differs from ${relative(root, golden)}\nactual output written to ${relative(root, written)}\nif the change is intended: npm run test:update, then review the diff\n${diff}`);
}

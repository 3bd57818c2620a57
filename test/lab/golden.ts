// Byte-exact golden files of the lab, in test/lab/golden/ (see test/helpers/golden.ts); mismatches
// are written to test/.actual/lab/.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goldenAsserter } from '../helpers/golden.js';

export const LAB_TEST_DIR = dirname(fileURLToPath(import.meta.url));
export const LAB_GOLDEN_DIR = join(LAB_TEST_DIR, 'golden');

export const assertLabGolden = goldenAsserter(LAB_GOLDEN_DIR, 'lab');

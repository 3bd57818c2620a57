// Golden files of the formatters and commands, in test/golden/ (see test/helpers/golden.ts).
import { join } from 'node:path';
import { goldenAsserter, REPO_ROOT } from '../helpers/golden.js';

/** Compares `actual` with test/golden/<name>, byte for byte. */
export const assertGolden = goldenAsserter(join(REPO_ROOT, 'test', 'golden'), '');

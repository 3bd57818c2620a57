// Whole `netwarden diff` outputs, byte for byte, in every format: the guide against the guide
// without its policy, and a shop whose policies change ports, ranges and workloads
// (test/fixtures/diff/README.md). `npm run test:update` rewrites them.
import { describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { DIFF_OUTPUTS } from '../../src/report/index.js';
import { fakeIO } from '../cli/fake-io.js';
import { assertGolden } from './golden.js';

const guide = ['-f', 'examples/guide', '--against', 'test/fixtures/diff/guide-without-policy'];
const shop = ['-f', 'test/fixtures/diff/shop-before.yaml', '--against', 'test/fixtures/diff/shop-after.yaml'];
const EXTENSION = { table: 'txt', json: 'json', yaml: 'yaml', csv: 'csv', md: 'md', dot: 'dot', mermaid: 'mmd' } as const;

const cases: { readonly golden: string; readonly argv: readonly string[] }[] = [
  ...DIFF_OUTPUTS.flatMap((format) => [
    { golden: `diff/guide-without-policy.${EXTENSION[format]}`, argv: ['diff', ...guide, '-o', format] },
    { golden: `diff/shop-ports-changed.${EXTENSION[format]}`, argv: ['diff', ...shop, '-o', format] },
  ]),
  { golden: 'diff/guide-without-policy-pod.txt', argv: ['diff', ...guide, '--level', 'pod'] },
  { golden: 'diff/shop-ports-changed-pod.txt', argv: ['diff', ...shop, '--level', 'pod'] },
  { golden: 'diff/guide-unchanged.txt', argv: ['diff', '-f', 'examples/guide', '--against', 'examples/guide'] },
  { golden: 'diff/guide-unchanged.json', argv: ['diff', '-f', 'examples/guide', '--against', 'examples/guide', '-o', 'json'] },
];

describe('diff golden outputs', () => {
  for (const { golden, argv } of cases) {
    test(`netwarden ${argv.join(' ')} matches test/golden/${golden}`, async () => {
      const fake = fakeIO();
      await runCli(argv, fake.io);
      await assertGolden(golden, fake.stdout() + (fake.stderr() === '' ? '' : `--- stderr ---\n${fake.stderr()}`));
    });
  }
});

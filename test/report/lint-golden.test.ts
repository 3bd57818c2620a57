// `netwarden lint` output, byte for byte, in every format: the lint fixtures together (every rule
// fires at least once), the guide and cluster-wide examples, a --severity cut, and a policies-only input.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { fakeIO } from '../cli/fake-io.js';
import { assertGolden } from './golden.js';

const fixtures = 'test/fixtures/lint';

const cases: { readonly golden: string; readonly argv: readonly string[]; readonly exit: number }[] = [
  { golden: 'lint/fixtures.txt', argv: ['lint', '-f', fixtures], exit: 1 },
  { golden: 'lint/fixtures.json', argv: ['lint', '-f', fixtures, '-o', 'json'], exit: 1 },
  { golden: 'lint/fixtures.sarif', argv: ['lint', '-f', fixtures, '-o', 'sarif'], exit: 1 },
  { golden: 'lint/fixtures-errors.txt', argv: ['lint', '-f', fixtures, '--severity', 'error'], exit: 1 },
  { golden: 'lint/guide.txt', argv: ['lint', '-f', 'examples/guide'], exit: 1 },
  { golden: 'lint/cluster-wide.txt', argv: ['lint', '-f', 'examples/cluster-wide'], exit: 1 },
  { golden: 'lint/cluster-wide.sarif', argv: ['lint', '-f', 'examples/cluster-wide', '-o', 'sarif'], exit: 1 },
  { golden: 'lint/clean.txt', argv: ['lint', '-f', `${fixtures}/namespace-locked-down-cleanly.yaml`], exit: 0 },
  { golden: 'lint/policies-only.txt', argv: ['lint', '-f', `${fixtures}/policy-with-endport-below-port.yaml`], exit: 1 },
];

describe('lint golden outputs', () => {
  for (const { golden, argv, exit } of cases) {
    test(`netwarden ${argv.join(' ')} matches test/golden/${golden} and exits ${exit}`, async () => {
      const fake = fakeIO();
      const code = await runCli(argv, fake.io);
      await assertGolden(golden, fake.stdout() + (fake.stderr() === '' ? '' : `--- stderr ---\n${fake.stderr()}`));
      assert.equal(code, exit);
    });
  }
});

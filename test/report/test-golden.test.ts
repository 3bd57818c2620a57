// `netwarden test` byte for byte: the guide's intents (all hold), intents it breaks, and intents on
// the shop fixture (named ports through a Service, ipBlock with except, egress), in each format.
import { describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { fakeIO } from '../cli/fake-io.js';
import { assertGolden } from './golden.js';

const shop = 'test/report/fixtures/shop-named-ports-ipblock-egress.yaml';

const cases = [
  { golden: 'guide/test.txt', intents: 'examples/guide-intents.yaml', output: 'text' },
  { golden: 'guide/test.junit.xml', intents: 'examples/guide-intents.yaml', output: 'junit' },
  { golden: 'guide/test-failing.txt', intents: 'test/fixtures/intents/guide-failing.yaml', output: 'text' },
  { golden: 'guide/test-failing.junit.xml', intents: 'test/fixtures/intents/guide-failing.yaml', output: 'junit' },
  { golden: 'guide/test-invalid.txt', intents: 'test/fixtures/intents/invalid.yaml', output: 'text' },
  { golden: 'shop/test.txt', intents: 'test/fixtures/intents/shop.yaml', output: 'text', manifests: shop },
  { golden: 'shop/test.junit.xml', intents: 'test/fixtures/intents/shop.yaml', output: 'junit', manifests: shop },
] as const;

describe('netwarden test outputs', () => {
  for (const testCase of cases) {
    const { golden, intents, output } = testCase;
    const manifests = 'manifests' in testCase ? testCase.manifests : 'examples/guide';
    const argv = ['test', '-f', manifests, '--intents', intents, '-o', output];
    test(`netwarden ${argv.join(' ')} matches test/golden/${golden}`, async () => {
      const fake = fakeIO();
      const code = await runCli(argv, fake.io);
      await assertGolden(golden, `${fake.stdout()}${fake.stderr() === '' ? '' : `--- stderr ---\n${fake.stderr()}`}--- exit code ${code} ---\n`);
    });
  }
});

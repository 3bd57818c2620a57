// `netwarden eval` on examples/cluster-wide, byte for byte: the tier chain of a verdict in text and
// JSON (docs/cluster-wide-policies.md shows these outputs). UPDATE_GOLDEN=1 rewrites them.
import { describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { fakeIO } from '../cli/fake-io.js';
import { assertGolden } from '../report/golden.js';

const example = 'examples/cluster-wide';

const cases: { readonly golden: string; readonly args: readonly string[] }[] = [
  { golden: 'pass-then-baseline-deny', args: ['--from', 'monitoring/prometheus', '--to', 'shop/db', '--port', '9187'] },
  { golden: 'pass-then-networkpolicy-allow', args: ['--from', 'monitoring/prometheus', '--to', 'shop/web', '--port', 'metrics'] },
  { golden: 'admin-deny', args: ['--from', 'partners/api', '--to', 'shop/db', '--port', '5432'] },
  { golden: 'cnp-deny-to-internet', args: ['--from', 'shop/web', '--to', '8.8.8.8', '--port', '53', '--protocol', 'UDP'] },
  { golden: 'pass-no-match-default', args: ['--from', 'shop/web', '--to', 'shop/db', '--port', 'sql'] },
];

describe('eval explains the tiers of cluster-wide policies', () => {
  for (const { golden, args } of cases) {
    for (const format of ['txt', 'json'] as const) {
      const argv = ['eval', '-f', example, ...args, '-o', format === 'txt' ? 'text' : 'json'];
      test(`netwarden ${argv.join(' ')} matches test/golden/cluster-wide/${golden}.${format}`, async () => {
        const fake = fakeIO();
        await runCli(argv, fake.io);
        await assertGolden(`cluster-wide/${golden}.${format}`, fake.stdout() + (fake.stderr() === '' ? '' : `--- stderr ---\n${fake.stderr()}`));
      });
    }
  }
});

// `netwarden eval` on examples/cluster-wide, byte for byte: the tier chain of a verdict in text and
// JSON (docs/cluster-wide-policies.md shows these outputs). UPDATE_GOLDEN=1 rewrites them. Also the
// ambiguity warning of equal priorities.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../src/cli/main.js';
import { fakeIO } from '../cli/fake-io.js';
import { assertGolden } from '../report/golden.js';
import { tierLines } from '../../src/report/tier-steps-text.js';
import { compileCluster, evaluate } from '../../src/engine/index.js';
import { selector } from '../helpers/builders.js';
import { anp, cnp, crule, nsPeer } from './cluster-policy-builders.js';
import { a1, b1, fixture } from './admin-fixture.js';

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

test('equal priorities: the chain names the rule netwarden picked and warns about the other', () => {
  const subject = { namespaces: selector({ team: 'a' }) };
  const c = fixture([anp('x', 10, { ...subject, ingress: [crule('Allow', [nsPeer()])] }), cnp('why', 'Admin', 10, { ...subject, ingress: [crule('Deny', [nsPeer()], { name: 'no' })] })]);
  const v = evaluate(compileCluster(c), { from: { kind: 'pod', pod: b1 }, to: { kind: 'pod', pod: a1 }, port: 80, protocol: 'TCP' });
  assert.deepEqual(tierLines(v.ingress, ''), [
    'tiers: [CNP] Deny (why, Admin tier, priority 10, ingress[0] "no")',
    '  [CNP] why ingress[0] at test.yaml:1',
    '  warning: ambiguous: x ingress[0] Allow also matches at priority 10; upstream leaves equal priorities undefined, netwarden orders them by name (why first)',
  ]);
});

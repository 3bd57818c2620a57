// Whole command outputs, byte for byte, for the guide example and a fixture that exercises every
// part of an explanation (named ports, port ranges, ipBlock with except, egress isolation).
import { describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { fakeIO } from '../cli/fake-io.js';
import { assertGolden } from './golden.js';

const shop = 'test/report/fixtures/shop-named-ports-ipblock-egress.yaml';

const cases: { readonly golden: string; readonly argv: readonly string[] }[] = [
  { golden: 'guide/map.txt', argv: ['map', '-f', 'examples/guide'] },
  { golden: 'guide/map.json', argv: ['map', '-f', 'examples/guide', '-o', 'json'] },
  { golden: 'guide/map-workload.txt', argv: ['map', '-f', 'examples/guide', '--level', 'workload'] },
  { golden: 'guide/map-workload.json', argv: ['map', '-f', 'examples/guide', '--level', 'workload', '-o', 'json'] },
  ...['txt', 'json'].flatMap((format) => [
    {
      golden: `guide/eval-frontend-database.${format}`,
      argv: ['eval', '-f', 'examples/guide', '--from', 'default/svc/frontend', '--to', 'default/svc/database', '--port', '80', '-o', format === 'txt' ? 'text' : 'json'],
    },
    {
      golden: `guide/eval-backend-database.${format}`,
      argv: ['eval', '-f', 'examples/guide', '--from', 'default/svc/backend', '--to', 'default/svc/database', '--port', '80', '-o', format === 'txt' ? 'text' : 'json'],
    },
  ]),
  { golden: 'shop/map.txt', argv: ['map', '-f', shop] },
  { golden: 'shop/map-workload.json', argv: ['map', '-f', shop, '--level', 'workload', '-o', 'json'] },
  { golden: 'shop/eval-web-db-named-port.txt', argv: ['eval', '-f', shop, '--from', 'shop/deployment/web', '--to', 'shop/svc/db', '--port', 'sql'] },
  { golden: 'shop/eval-web-db-named-port.json', argv: ['eval', '-f', shop, '--from', 'shop/deployment/web', '--to', 'shop/svc/db', '--port', 'sql', '-o', 'json'] },
  { golden: 'shop/eval-web-dns.txt', argv: ['eval', '-f', shop, '--from', 'shop/web-1', '--to', '8.8.8.8', '--port', '53', '--protocol', 'UDP'] },
  { golden: 'shop/eval-web-https-denied.txt', argv: ['eval', '-f', shop, '--from', 'shop/web-0', '--to', '1.1.1.1', '--port', '443'] },
  { golden: 'shop/eval-office-range.txt', argv: ['eval', '-f', shop, '--from', '10.2.0.1', '--to', 'shop/db-0', '--port', '9050'] },
  { golden: 'shop/eval-office-except.txt', argv: ['eval', '-f', shop, '--from', '10.1.2.3', '--to', 'shop/db-0', '--port', '9050'] },
  { golden: 'shop/eval-self.txt', argv: ['eval', '-f', shop, '--from', 'shop/web-0', '--to', 'shop/web-0', '--port', '8080'] },
];

describe('golden outputs', () => {
  for (const { golden, argv } of cases) {
    test(`netwarden ${argv.join(' ')} matches test/golden/${golden}`, async () => {
      const fake = fakeIO();
      await runCli(argv, fake.io);
      await assertGolden(golden, fake.stdout() + (fake.stderr() === '' ? '' : `--- stderr ---\n${fake.stderr()}`));
    });
  }
});

// Every output format of `netwarden map`, byte for byte, on the guide example and on the shop
// fixture (named ports, port ranges, ipBlock with except, egress isolation: ports differ by protocol).
import { describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { MAP_OUTPUTS } from '../../src/report/index.js';
import type { MapOutput } from '../../src/report/index.js';
import { fakeIO } from '../cli/fake-io.js';
import { assertGolden } from './golden.js';

const shop = 'test/report/fixtures/shop-named-ports-ipblock-egress.yaml';

/** Golden file extensions; table and json keep the names of golden.test.ts's files. */
const EXTENSIONS: Readonly<Record<MapOutput, string>> = {
  table: 'txt',
  wide: 'wide.txt',
  json: 'json',
  yaml: 'yaml',
  csv: 'csv',
  md: 'md',
  dot: 'dot',
  mermaid: 'mmd',
};

const inputs = [
  { name: 'guide', path: 'examples/guide', levels: ['workload'] },
  { name: 'shop', path: shop, levels: ['pod', 'workload'] },
] as const;

describe('map in every output format', () => {
  for (const { name, path, levels } of inputs) {
    for (const level of levels) {
      for (const output of MAP_OUTPUTS) {
        const golden = `${name}/formats/map-${level}.${EXTENSIONS[output]}`;
        const argv = ['map', '-f', path, '--level', level, '-o', output];
        test(`netwarden ${argv.join(' ')} matches test/golden/${golden}`, async () => {
          const fake = fakeIO();
          await runCli(argv, fake.io);
          await assertGolden(golden, fake.stdout() + (fake.stderr() === '' ? '' : `--- stderr ---\n${fake.stderr()}`));
        });
      }
    }
  }
});

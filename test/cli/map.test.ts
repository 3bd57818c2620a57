import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runMap } from '../../src/cli/map.js';
import { fakeIO, guideFiles, memoryLoadIO } from './fake-io.js';

/** `FROM -> TO: PORTS` for each row of a map table, the FROM carried down blank cells. */
function tableRows(table: string): string[] {
  let from = '';
  return table
    .split('\n')
    .slice(1)
    .filter((line) => /\S\s{2,}\S/.test(line))
    .map((line) => {
      const [first = '', to = '', ports = ''] = line.split(/\s{2,}/);
      if (first !== '') from = first;
      return `${from} -> ${to}: ${ports}`;
    });
}

describe('netwarden map', () => {
  test('-o json lists pods and the external range, with ports per protocol', async () => {
    const fake = fakeIO();
    assert.equal(await runMap(['-f', 'examples/guide', '-o', 'json'], fake.io), 0);
    const map = JSON.parse(fake.stdout());
    assert.equal(map.level, 'pod');
    assert.deepEqual(map.endpoints[0], { id: 'default/backend-0', kind: 'Pod', namespace: 'default', name: 'backend-0' });
    assert.deepEqual(map.endpoints.at(-1), { id: '0.0.0.0/0', kind: 'External', cidrs: ['0.0.0.0/0'] });
    const backendToDatabase = map.connections.find((c: { from: string; to: string }) => c.from === 'default/backend-0' && c.to === 'default/database-0');
    assert.deepEqual(backendToDatabase.allow, { TCP: [[1, 65535]], UDP: [[1, 65535]], SCTP: [[1, 65535]] });
  });

  test('--level workload shows one row per workload, ids ns/kind/name', async () => {
    const fake = fakeIO();
    assert.equal(await runMap(['-f', 'examples/guide', '--level', 'workload'], fake.io), 0);
    // Rows come in the map's order (grouped by source), so a FROM cell may be blank: carry it down.
    const rows = tableRows(fake.stdout());
    assert.ok(rows.includes('default/deployment/backend -> 0.0.0.0/0: all'));
    assert.ok(rows.includes('default/deployment/backend -> default/deployment/database: all'));
    assert.ok(!rows.some((row) => row.startsWith('default/deployment/frontend -> default/deployment/database')));
  });

  test('--level namespace shows one row per pair of namespaces, traffic inside a namespace left out', async () => {
    const fake = fakeIO();
    assert.equal(await runMap(['-f', 'examples/cluster-wide', '--level', 'namespace'], fake.io), 0);
    const rows = tableRows(fake.stdout());
    // ANP pass-monitoring passes monitoring's ingress to the shop's NetworkPolicy, which admits port 9090 only.
    assert.ok(rows.includes('monitoring -> shop: TCP/9090'), rows.join('\n'));
    assert.ok(rows.includes('shop -> partners: all'));
    assert.ok(!rows.some((row) => row.startsWith('shop -> shop')));
    assert.match(fake.stdout(), /\(namespace level\)/);
  });

  test('bad values are all reported at once, exit 2, nothing on stdout', async () => {
    const fake = fakeIO();
    assert.equal(await runMap(['-o', 'svg', '--level', 'node'], fake.io), 2);
    assert.equal(
      fake.stderr(),
      [
        'netwarden map: error: -f/--filename is required: a manifest file, a directory, or - for standard input',
        'netwarden map: error: -o/--output svg: expected one of table, wide, json, yaml, csv, md, dot, mermaid',
        'netwarden map: error: --level node: expected one of pod, workload, namespace',
        '(run "netwarden map --help" for usage)',
        '',
      ].join('\n'),
    );
    assert.equal(fake.stdout(), '');
  });

  test('a flag without its value is a usage error, exit 2', async () => {
    const fake = fakeIO();
    assert.equal(await runMap(['-f'], fake.io), 2);
    assert.match(fake.stderr(), /^netwarden map: error: option '-f, --filename <path>' argument missing/);
  });

  test('a skipped kind is a warning on stderr and does not change the exit code', async () => {
    const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n';
    const fake = fakeIO(memoryLoadIO({ ...(await guideFiles()), 'examples/guide/settings.yaml': configMap }));
    assert.equal(await runMap(['-f', 'examples/guide'], fake.io), 0);
    assert.match(fake.stderr(), /^examples\/guide\/settings\.yaml:1: warning: .*ConfigMap/);
    assert.match(fake.stdout(), /^FROM +TO +PORTS$/m);
  });

  test('an unreadable input exits 2 without a map', async () => {
    const fake = fakeIO();
    assert.equal(await runMap(['-f', 'examples/guide', '-f', 'missing.yaml'], fake.io), 2);
    assert.equal(fake.stderr(), 'missing.yaml: cannot read: no such file or directory\n');
    assert.equal(fake.stdout(), '');
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { runExposure } from '../../src/cli/exposure.js';
import { FakeClock, FakeStream, fakeIO, memoryLoadIO } from './fake-io.js';
import { nodeLoadIO } from '../../src/load/index.js';

const openPod = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: web, image: nginx}]}
`;

const badPolicy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: broken, namespace: shop}
spec:
  podSelector: {}
  ingress:
    - ports:
        - port: 9000
          endPort: 8000
`;

describe('netwarden exposure', () => {
  test('prints a table at workload level by default and exits 0', async () => {
    const fake = fakeIO();
    assert.equal(await runExposure(['-f', 'examples/guide'], fake.io), 0);
    assert.match(fake.stdout(), /^WORKLOAD +DIRECTION +PEER +PORTS\ndefault\/deployment\/backend +ingress \(no policy\) +entire cluster +all\n/);
    assert.equal(fake.stderr(), '');
  });

  test('--level pod has one subject per pod', async () => {
    const fake = fakeIO();
    assert.equal(await runExposure(['-f', 'examples/guide', '--level', 'pod', '-o', 'json'], fake.io), 0);
    const report = JSON.parse(fake.stdout()) as { level: string; subjects: { id: string }[] };
    assert.equal(report.level, 'pod');
    assert.equal(report.subjects.length, 9);
    assert.equal(report.subjects[0]!.id, 'default/backend-0');
  });

  test('bad values are all reported at once, exit 2, nothing on stdout', async () => {
    const fake = fakeIO();
    assert.equal(await runExposure(['-o', 'sarif', '--level', 'node'], fake.io), 2);
    assert.equal(
      fake.stderr(),
      [
        'netwarden exposure: error: -f/--filename is required: a manifest file, a directory, or - for standard input',
        'netwarden exposure: error: -o/--output sarif: expected one of table, json, yaml, csv, md, dot, mermaid',
        'netwarden exposure: error: --level node: expected one of workload, pod',
        '(run "netwarden exposure --help" for usage)',
        '',
      ].join('\n'),
    );
    assert.equal(fake.stdout(), '');
  });

  test('an invalid object is reported with file:line and left out; the rest is analysed; exit 1', async () => {
    const fake = fakeIO(memoryLoadIO({ 'pod.yaml': openPod, 'policy.yaml': badPolicy }));
    assert.equal(await runExposure(['-f', 'pod.yaml', '-f', 'policy.yaml', '-o', 'csv'], fake.io), 1);
    assert.match(fake.stderr(), /^policy\.yaml:\d+: spec\.ingress\[0\]\.ports\[0\]\.endPort: /);
    assert.ok(fake.stdout().includes('shop/pod/web,Pod,ingress,false,entire-cluster,entire cluster,all,all,all,\n'));
  });

  test('an input that cannot be read stops the command: exit 2, nothing on stdout', async () => {
    const fake = fakeIO(memoryLoadIO({}));
    assert.equal(await runExposure(['-f', 'missing.yaml'], fake.io), 2);
    assert.equal(fake.stdout(), '');
    assert.match(fake.stderr(), /^missing\.yaml: cannot read/);
  });

  test('reads standard input with -f -', async () => {
    const fake = fakeIO(memoryLoadIO({}, openPod));
    assert.equal(await runExposure(['-f', '-', '-o', 'md'], fake.io), 0);
    assert.ok(fake.stdout().includes('| shop/pod/web | ingress (no policy) | entire cluster | all |'), fake.stdout());
  });

  test('is a command of netwarden, listed in the usage and with its own help', async () => {
    const usage = fakeIO();
    assert.equal(await runCli(['--help'], usage.io), 0);
    assert.match(usage.stdout(), /\n {2}exposure {2}show what each workload is exposed to/);
    const help = fakeIO();
    assert.equal(await runCli(['help', 'exposure'], help.io), 0);
    assert.match(help.stdout(), /^Usage: netwarden exposure \[options\]/);
  });

  test('on a terminal, after a slow load, the progress line says that exposure is being computed, then is erased', async () => {
    const clock = new FakeClock();
    const stderr = new FakeStream({ isTTY: true });
    const slow = { ...nodeLoadIO, readFile: async (path: string) => (clock.block(5000), nodeLoadIO.readFile(path)) };
    const fake = fakeIO(slow, { stderr, clock, stdout: new FakeStream({ isTTY: true }) });
    assert.equal(await runExposure(['-f', 'examples/guide/frontend.yaml'], fake.io), 0);
    assert.ok(stderr.text().includes('\rnetwarden: finding what each workload is exposed to...'), JSON.stringify(stderr.text()));
    assert.ok(stderr.text().endsWith('\r'));
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { runTest } from '../../src/cli/test.js';
import { fakeIO, guideFiles, memoryLoadIO } from './fake-io.js';

const guide = ['-f', 'examples/guide'];
const example = 'examples/guide-intents.yaml';
const failing = 'test/fixtures/intents/guide-failing.yaml';

describe('netwarden test', () => {
  test('the guide\'s intents all hold: PASS lines and the totals, exit 0', async () => {
    const fake = fakeIO();
    assert.equal(await runTest([...guide, '--intents', example], fake.io), 0);
    assert.match(fake.stdout(), /^PASS {3}the frontend never reaches the database {2}examples\/guide-intents\.yaml:7 \(9 pairs\)$/m);
    assert.match(fake.stdout(), /\n5 intents: 5 passed, 0 failed, 0 errors\.\n$/);
    assert.equal(fake.stderr(), '');
  });

  test('a failing intent, or one that cannot be checked, exits 1', async () => {
    const fake = fakeIO();
    assert.equal(await runTest([...guide, '--intents', failing], fake.io), 1);
    assert.match(fake.stdout(), /\n3 intents: 0 passed, 2 failed, 1 error\.\n$/);
  });

  test('an invalid intents file: every problem as file:line: field: message, nothing analysed or printed, exit 2', async () => {
    const bad = 'intents:\n  - from: {pod: default/frontend-0}\n    to: {ip: 10.0.0.1/8}\n    port: 0\n';
    const fake = fakeIO(memoryLoadIO({ ...(await guideFiles()), 'bad.yaml': bad }));
    assert.equal(await runTest([...guide, '--intents', 'bad.yaml'], fake.io), 2);
    assert.equal(
      fake.stderr(),
      [
        'bad.yaml:2: intents[0].expect: required: allow or deny',
        'bad.yaml:3: intents[0].to.ip: "10.0.0.1/8" has host bits set; the network is 10.0.0.0/8',
        'bad.yaml:4: intents[0].port: number 0: a port number is 1 to 65535',
        '',
      ].join('\n'),
    );
    assert.equal(fake.stdout(), '');
  });

  test('a missing intents file exits 2 before the manifests are read', async () => {
    const fake = fakeIO();
    assert.equal(await runTest([...guide, '--intents', 'nope.yaml'], fake.io), 2);
    assert.equal(fake.stderr(), 'nope.yaml: cannot read: no such file or directory\n');
  });

  test('usage errors are all reported at once, exit 2', async () => {
    const fake = fakeIO();
    assert.equal(await runTest(['-f', '-', '--intents', '-', '-o', 'xml'], fake.io), 2);
    assert.equal(
      fake.stderr(),
      [
        'netwarden test: error: -o/--output xml: expected one of text, junit',
        'netwarden test: error: --intents - and -f - both read standard input; give one of them a file',
        '(run "netwarden test --help" for usage)',
        '',
      ].join('\n'),
    );
    const missing = fakeIO();
    assert.equal(await runTest(guide, missing.io), 2);
    assert.match(missing.stderr(), /--intents is required/);
  });

  test('intents can come from standard input', async () => {
    const intents = 'intents:\n  - {from: {workload: default/deployment/backend}, to: {service: default/database}, port: 80, expect: allow}\n';
    const fake = fakeIO(memoryLoadIO(await guideFiles(), intents));
    assert.equal(await runTest([...guide, '--intents', '-'], fake.io), 0);
    assert.match(fake.stdout(), /^PASS {3}default\/deployment\/backend -> default\/svc\/database on port 80: allow {2}<stdin>:2 \(9 pairs\)$/m);
  });

  test('invalid objects in the manifests exit 1 even when every intent holds', async () => {
    const broken = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\n';
    const fake = fakeIO(memoryLoadIO({ ...(await guideFiles()), 'examples/guide/broken.yaml': broken, [example]: readFileSync(example, 'utf8') }));
    assert.equal(await runTest([...guide, '--intents', example], fake.io), 1);
    assert.match(fake.stderr(), /^examples\/guide\/broken\.yaml:4: metadata\.name: /);
    assert.match(fake.stdout(), /5 passed, 0 failed/);
  });

  test('netwarden help lists the command, and test --help says what the exit codes mean', async () => {
    const fake = fakeIO();
    assert.equal(await runCli(['--help'], fake.io), 0);
    assert.match(fake.stdout(), /^ {2}test {6}check intents/m);
    const help = fakeIO();
    assert.equal(await runCli(['test', '--help'], help.io), 0);
    assert.match(help.stdout(), /--intents <file>/);
    assert.match(help.stdout(), /Exit 0 when every intent holds, 1 when one fails/);
  });
});

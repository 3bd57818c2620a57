import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runEval } from '../../src/cli/eval.js';
import { fakeIO, guideFiles, memoryLoadIO } from './fake-io.js';

const guide = ['-f', 'examples/guide'];
const frontendToDatabase = [...guide, '--from', 'default/svc/frontend', '--to', 'default/svc/database', '--port', '80'];

const brokenPolicy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: broken
spec:
  podSelector: {}
  ingress:
    - ports:
        - port: 9000
          endPort: 8000
`;

describe('netwarden eval', () => {
  test('the guide\'s failing curl (frontend -> database Service) is denied by access-backend-database, exit 0', async () => {
    const fake = fakeIO();
    assert.equal(await runEval(frontendToDatabase, fake.io), 0);
    const out = fake.stdout();
    assert.match(out, /^default\/frontend-0 -> default\/database-0 TCP\/80: DENIED\n/);
    assert.match(
      out,
      /  ingress \(default\/database-0\): denied: isolated by default\/access-backend-database \(examples\/guide\/access-backend-database\.yaml:1\); no ingress rule allows default\/frontend-0 on TCP\/80\n/,
    );
    assert.equal(fake.stderr(), '');
  });

  test('an allowed connection names the policy, rule, peer and ports with file:line', async () => {
    const fake = fakeIO();
    const argv = [...guide, '--from', 'default/backend-2', '--to', 'default/database-1', '--port', '5432'];
    assert.equal(await runEval(argv, fake.io), 0);
    assert.match(fake.stdout(), /TCP\/5432: ALLOWED\n/);
    assert.match(fake.stdout(), /default\/access-backend-database ingress\[0\] \(examples\/guide\/access-backend-database\.yaml:\d+\)\n/);
    assert.match(fake.stdout(), /from\[0\]: podSelector app=backend \(examples\/guide\/access-backend-database\.yaml:\d+\)\n/);
  });

  test('--exit-code makes a denial exit 3 and leaves an allowed connection at 0', async () => {
    assert.equal(await runEval([...frontendToDatabase, '--exit-code'], fakeIO().io), 3);
    const allowed = [...guide, '--from', 'default/deployment/backend', '--to', 'default/svc/database', '--port', '80', '--exit-code'];
    assert.equal(await runEval(allowed, fakeIO().io), 0);
  });

  test('a workload given as NS/NAME is evaluated as its first pod, and the output says so', async () => {
    const fake = fakeIO();
    await runEval([...guide, '--from', 'default/frontend', '--to', 'default/backend-0', '--port', '80'], fake.io);
    assert.match(fake.stdout(), /from default\/frontend: Deployment with 3 pods, evaluated as its first pod default\/frontend-0\n/);
  });

  test('an IP address can be either end', async () => {
    const inbound = fakeIO();
    await runEval([...guide, '--from', '203.0.113.9', '--to', 'default/database-0', '--port', '80'], inbound.io);
    assert.match(inbound.stdout(), /^203\.0\.113\.9 -> default\/database-0 TCP\/80: DENIED\n/);
    const outbound = fakeIO();
    await runEval([...guide, '--from', 'default/frontend-0', '--to', '198.51.100.1', '--port', '443'], outbound.io);
    assert.match(outbound.stdout(), /: ALLOWED\n/);
  });

  test('-o json is the verdict as JSON', async () => {
    const fake = fakeIO();
    assert.equal(await runEval([...frontendToDatabase, '-o', 'json'], fake.io), 0);
    const verdict = JSON.parse(fake.stdout());
    assert.equal(verdict.allowed, false);
    assert.equal(verdict.ingress.reason, 'no-rule-matched');
    assert.deepEqual(verdict.to.endpoint, { kind: 'Pod', id: 'default/database-0', namespace: 'default', name: 'database-0' });
  });

  test('missing required flags are all reported at once, exit 2', async () => {
    const fake = fakeIO();
    assert.equal(await runEval(['-f', 'examples/guide'], fake.io), 2);
    assert.match(fake.stderr(), /--from is required\n.*--to is required\n.*--port is required\n/s);
    assert.equal(fake.stdout(), '');
  });

  test('an unknown option or a bad value is a usage error, exit 2', async () => {
    const unknown = fakeIO();
    assert.equal(await runEval([...frontendToDatabase, '--colour'], unknown.io), 2);
    assert.match(unknown.stderr(), /^netwarden eval: error: unknown option '--colour'/);
    const bad = fakeIO();
    assert.equal(await runEval([...frontendToDatabase, '--protocol', 'ICMP', '-o', 'yaml'], bad.io), 2);
    assert.match(bad.stderr(), /-o\/--output yaml: expected one of text, json\n.*--protocol ICMP: expected one of TCP, UDP, SCTP\n/s);
  });

  test('an end that is not in the input is a usage error naming it, exit 2', async () => {
    const fake = fakeIO();
    assert.equal(await runEval([...guide, '--from', 'default/cache-0', '--to', 'default/svc/db', '--port', '80'], fake.io), 2);
    assert.match(fake.stderr(), /--from: no pod or workload default\/cache-0 in the input\n/);
    assert.match(fake.stderr(), /--to: no Service default\/db in the input\n/);
  });

  test('a missing file exits 2 and names it', async () => {
    const fake = fakeIO();
    assert.equal(await runEval(['-f', 'examples/no-such-dir', '--from', 'a/b', '--to', 'a/c', '--port', '1'], fake.io), 2);
    assert.equal(fake.stderr(), 'examples/no-such-dir: cannot read: no such file or directory\n');
    assert.equal(fake.stdout(), '');
  });

  test('an invalid object is reported as file:line: field: message, the rest still analysed, exit 1', async () => {
    const files = { ...(await guideFiles()), 'extra/broken.yaml': brokenPolicy };
    const fake = fakeIO(memoryLoadIO(files));
    const argv = ['-f', 'examples/guide', '-f', 'extra/broken.yaml', '--from', 'default/svc/frontend', '--to', 'default/svc/database', '--port', '80'];
    assert.equal(await runEval([...argv, '--exit-code'], fake.io), 1);
    assert.match(fake.stderr(), /^extra\/broken\.yaml:10: spec\.ingress\[0\]\.ports\[0\]\.endPort: .+\n$/);
    assert.match(fake.stdout(), /TCP\/80: DENIED\n/);
  });

  test('-f - reads standard input; -n is the namespace of objects without one', async () => {
    const files = await guideFiles();
    const stdin = ['frontend', 'database'].map((name) => files[`examples/guide/${name}.yaml`]).join('---\n');
    const fake = fakeIO(memoryLoadIO({}, stdin));
    assert.equal(await runEval(['-f', '-', '-n', 'shop', '--from', 'deployment/frontend', '--to', 'svc/database', '--port', '80'], fake.io), 2);
    assert.match(fake.stderr(), /write NS\/deployment\/frontend/);
    const again = fakeIO(memoryLoadIO({}, stdin));
    assert.equal(await runEval(['-f', '-', '-n', 'shop', '--from', 'frontend', '--to', 'shop/svc/database', '--port', '80'], again.io), 0);
    assert.match(again.stdout(), /^shop\/frontend-0 -> shop\/database-0 TCP\/80: ALLOWED\n/);
  });

  test('--help prints the options on stdout and exits 0', async () => {
    const fake = fakeIO();
    assert.equal(await runEval(['--help'], fake.io), 0);
    assert.match(fake.stdout(), /^Usage: netwarden eval \[options\]/);
    assert.match(fake.stdout(), /--exit-code/);
  });
});

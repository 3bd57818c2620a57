// `netwarden lint` at the command line: exit codes, what goes to stdout and stderr, usage errors.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { fakeIO, memoryLoadIO } from './fake-io.js';

const fixture = (name: string): string => `test/fixtures/lint/${name}.yaml`;

async function lintRun(argv: readonly string[], files?: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const fake = files === undefined ? fakeIO() : fakeIO(memoryLoadIO(files));
  const code = await runCli(['lint', ...argv], fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

const SLOPPY_AND_CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
---
apiVersion: v1
kind: Pod
metadata:
  name: api
  labels: {app: api}
spec:
  containers: [{name: api, image: api}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api
spec:
  podSelector: {}
  ingress:
    - from:
        - ipBlock:
            cidr: 10.1.2.3/8
      ports:
        - port: 8080
`;

describe('netwarden lint', () => {
  test('exits 0 when nothing is reported', async () => {
    const { code, stdout, stderr } = await lintRun(['-f', fixture('namespace-locked-down-cleanly')]);
    assert.equal(code, 0);
    assert.equal(stdout, 'no findings.\n');
    assert.equal(stderr, '');
  });

  test('exits 1 when a warning is reported', async () => {
    const { code } = await lintRun(['-f', fixture('egress-deny-all-without-dns')]);
    assert.equal(code, 1);
  });

  test('exits 0 when only notes are reported', async () => {
    const { code, stdout } = await lintRun(['-f', fixture('ingress-from-empty-list')]);
    assert.equal(code, 0);
    assert.match(stdout, /\[rule-matches-all-peers\]/);
  });

  test('--severity error leaves warnings out, and with them the failure', async () => {
    const { code, stdout } = await lintRun(['-f', fixture('egress-deny-all-without-dns'), '--severity', 'error']);
    assert.equal(code, 0);
    assert.equal(stdout, 'no findings (severity error and above).\n');
  });

  test('an invalid object is an error finding on stdout, not a line on stderr, and fails', async () => {
    const { code, stdout, stderr } = await lintRun(['-f', fixture('policy-with-endport-below-port'), '-o', 'json']);
    assert.equal(code, 1);
    assert.equal(stderr, '');
    assert.equal(JSON.parse(stdout).findings[0].ruleId, 'invalid-object');
  });

  test('a sloppy CIDR is a finding, once; a skipped kind still goes to stderr', async () => {
    const { code, stdout, stderr } = await lintRun(['-f', 'p.yaml'], { 'p.yaml': SLOPPY_AND_CONFIGMAP });
    assert.equal(code, 1);
    assert.equal(stdout.match(/ambiguous/g)?.length, 1);
    assert.match(stdout, /^p\.yaml:23: warning: spec\.ingress\[0\]\.from\[0\]\.ipBlock\.cidr: CIDR value "10\.1\.2\.3\/8" is ambiguous/m);
    assert.equal(stderr, 'p.yaml:1: warning: skipping unsupported kind ConfigMap\n');
  });

  test('--pod-cidr reports ipBlocks overlapping the pod network', async () => {
    const { stdout } = await lintRun(['-f', 'p.yaml', '--pod-cidr', '10.244.0.0/16'], { 'p.yaml': SLOPPY_AND_CONFIGMAP });
    assert.match(stdout, /^p\.yaml:22: warning: NetworkPolicy default\/api spec\.ingress\[0\]\.from\[0\]: ipBlock 10\.1\.2\.3\/8 overlaps the pod network 10\.244\.0\.0\/16: .* \[ipblock-contains-pod-ips\]$/m);
  });

  test('usage errors are reported together and exit 2', async () => {
    const { code, stdout, stderr } = await lintRun(['-f', 'x.yaml', '-o', 'xml', '--severity', 'fatal', '--pod-cidr', '10.0.0.0/33']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(
      stderr,
      [
        'netwarden lint: error: -o/--output xml: expected one of text, json, sarif',
        'netwarden lint: error: --severity fatal: expected one of note, warning, error',
        'netwarden lint: error: --pod-cidr 10.0.0.0/33: expected a CIDR such as 10.244.0.0/16 or fd00:10:244::/56',
        '(run "netwarden lint --help" for usage)',
        '',
      ].join('\n'),
    );
  });

  test('an unreadable input exits 2 before any output', async () => {
    const { code, stdout, stderr } = await lintRun(['-f', 'test/fixtures/lint/no-such-file.yaml']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /no-such-file\.yaml: cannot read/);
  });

  test('--help lists the formats, the severities and the exit codes', async () => {
    const { code, stdout } = await lintRun(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /text, json, sarif/);
    assert.match(stdout, /error,\s+warning, note/);
    assert.match(stdout, /Exit codes: 0 no error or warning reported/);
  });
});

describe('netwarden lint on cluster-wide policies', () => {
  const cases = [
    { fixture: 'banp-named-baseline', ruleId: 'baseline-not-default', severity: 'error', line: 6, fieldPath: 'metadata.name', text: /this BaselineAdminNetworkPolicy is not named default, so the API server rejects it/ },
    { fixture: 'anp-rule-shadowed-by-higher-priority', ruleId: 'cluster-rule-shadowed', severity: 'warning', line: 54, fieldPath: 'spec.ingress[0]', object: 'AdminNetworkPolicy lockdown-allow-own-namespace', text: /never decides anything: every connection it matches is matched first by ANP lockdown-deny-all ingress\[0\] "deny-everyone"/ },
    { fixture: 'anp-pass-without-networkpolicy', ruleId: 'cluster-pass-reaches-nothing', severity: 'warning', line: 38, fieldPath: 'spec.ingress[0]', object: 'AdminNetworkPolicy delegate-ingress', text: /passes traffic that no NetworkPolicy isolates and no baseline rule matches: the default allows it, as if the rule said Allow/ },
    { fixture: 'cnp-equal-priorities', ruleId: 'cluster-equal-priority', severity: 'warning', line: 40, fieldPath: 'spec.priority', object: 'ClusterNetworkPolicy tie-deny-all', text: /netwarden evaluates tie-accept-own first \(equal priorities go by metadata\.name, then by kind: AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy\)/ },
  ] as const;

  for (const c of cases) {
    const file = fixture(c.fixture);
    test(`${c.ruleId} is reported at ${c.fixture}.yaml:${c.line} in text, JSON and SARIF, and fails the run`, async () => {
      const text = await lintRun(['-f', file]);
      assert.equal(text.code, 1);
      assert.equal(text.stderr, '');
      const subject = ['object' in c ? c.object : undefined, c.fieldPath].filter((part) => part !== undefined).join(' ');
      const line = text.stdout.split('\n').find((l) => l.endsWith(`[${c.ruleId}]`)) ?? '';
      assert.ok(line.startsWith(`${file}:${c.line}: ${c.severity}: ${subject}: `), line);
      assert.match(line, c.text);

      const json = JSON.parse((await lintRun(['-f', file, '-o', 'json'])).stdout);
      assert.deepEqual(
        json.findings.map((f: { ruleId: string; line: number; fieldPath: string; object?: string }) => [f.ruleId, f.line, f.fieldPath, f.object]),
        [[c.ruleId, c.line, c.fieldPath, 'object' in c ? c.object : undefined]],
      );
      assert.match(json.findings[0].message, c.text);

      const sarif = JSON.parse((await lintRun(['-f', file, '-o', 'sarif'])).stdout).runs[0];
      const [result, ...others] = sarif.results;
      assert.equal(others.length, 0);
      assert.equal(result.ruleId, c.ruleId);
      assert.equal(sarif.tool.driver.rules[result.ruleIndex].id, c.ruleId);
      assert.equal(result.level, c.severity);
      assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, file);
      assert.equal(result.locations[0].physicalLocation.region.startLine, c.line);
      assert.match(result.message.text, c.text);
    });
  }

  test('--severity error keeps baseline-not-default and leaves the cluster-wide warnings out', async () => {
    const files = cases.flatMap((c) => ['-f', fixture(c.fixture)]);
    const { code, stdout } = await lintRun([...files, '-o', 'json', '--severity', 'error']);
    assert.equal(code, 1);
    assert.deepEqual(JSON.parse(stdout).findings.map((f: { ruleId: string }) => f.ruleId), ['baseline-not-default']);
  });
});

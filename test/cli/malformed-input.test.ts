// Each class of bad input: a clear `file:line: ...` message, the exit code, the valid rest still
// analysed, and never a stack trace.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runMap } from '../../src/cli/map.js';
import { fakeIO, guideFiles, memoryLoadIO } from './fake-io.js';

async function mapWith(extra: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const fake = fakeIO(memoryLoadIO({ ...(await guideFiles()), ...extra }));
  const code = await runMap(['-f', 'examples/guide', '-o', 'json'], fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

function assertStillAnalysed(stdout: string): void {
  const map = JSON.parse(stdout) as { endpoints: { id: string }[] };
  assert.ok(map.endpoints.some((e) => e.id === 'default/database-0'), 'the valid manifests are still mapped');
}

function assertNoStackTrace(stderr: string): void {
  assert.doesNotMatch(stderr, /\n\s+at |Error:|internal error/);
}

describe('bad input', () => {
  const cases: { name: string; file: string; text: string; message: RegExp; code: number }[] = [
    {
      name: 'malformed YAML names the file, line and column',
      file: 'examples/guide/broken.yaml',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   labels: [\n',
      message: /^examples\/guide\/broken\.yaml:\d+:\d+: /m,
      code: 1,
    },
    {
      name: 'malformed JSON names the file, line and column',
      file: 'examples/guide/broken.json',
      text: '{"apiVersion": "v1", "kind": "Pod",\n "metadata": {"name": "x"} "spec": {}}\n',
      message: /^examples\/guide\/broken\.json:2:\d+: /m,
      code: 1,
    },
    {
      name: 'a wrong type names the field path',
      file: 'examples/guide/wrong-type.yaml',
      text: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  ingress: "all"\n',
      message: /^examples\/guide\/wrong-type\.yaml:6: spec\.ingress: /m,
      code: 1,
    },
    {
      name: 'an invalid NetworkPolicy field is reported as the API server would',
      file: 'examples/guide/bad-port.yaml',
      text: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  ingress:\n  - ports:\n    - port: 0\n',
      message: /^examples\/guide\/bad-port\.yaml:8: spec\.ingress\[0\]\.ports\[0\]\.port: Invalid value: 0: must be between 1 and 65535, inclusive$/m,
      code: 1,
    },
    {
      name: 'an empty file is an error naming it',
      file: 'examples/guide/empty.yaml',
      text: '',
      message: /^examples\/guide\/empty\.yaml: no Kubernetes objects in this file$/m,
      code: 1,
    },
    {
      name: 'a binary file is an error naming it',
      file: 'examples/guide/blob.yaml',
      text: '\u0000\u0001\u0002binary\u0000',
      message: /^examples\/guide\/blob\.yaml: .*binary/m,
      code: 1,
    },
    {
      name: 'an unknown kind is a warning and does not change the exit code',
      file: 'examples/guide/config.yaml',
      text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n',
      message: /^examples\/guide\/config\.yaml:1: warning: .*ConfigMap/m,
      code: 0,
    },
  ];
  for (const c of cases) {
    test(`${c.name} (exit ${c.code})`, async () => {
      const result = await mapWith({ [c.file]: c.text });
      assert.match(result.stderr, c.message);
      assert.equal(result.code, c.code);
      assertStillAnalysed(result.stdout);
      assertNoStackTrace(result.stderr);
    });
  }

  test('a YAML alias bomb is refused quickly instead of hanging', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`);
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n${levels.map((l) => `  ${l}`).join('\n')}\n`;
    const started = Date.now();
    const result = await mapWith({ 'examples/guide/bomb.yaml': text });
    assert.ok(Date.now() - started < 5000, 'finishes in seconds');
    assert.match(result.stderr, /^examples\/guide\/bomb\.yaml:/m);
    assert.equal(result.code, 1);
    assertStillAnalysed(result.stdout);
    assertNoStackTrace(result.stderr);
  });
});

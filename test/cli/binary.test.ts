// A few runs of the built executable, as a user or a script runs it: exit codes, stdin, the shebang.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { before, describe, test } from 'node:test';

const BIN = 'dist/bin/netwarden.js';

function run(args: readonly string[], input = '') {
  const result = spawnSync(BIN, args, { encoding: 'utf8', input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the built netwarden executable', () => {
  before(() => {
    // Build first, so that these tests never run a stale dist/.
    const build = spawnSync('npm', ['run', 'build'], { encoding: 'utf8' });
    assert.equal(build.status, 0, `npm run build failed:\n${build.stdout}${build.stderr}`);
  });

  test('starts with a shebang and runs directly; --exit-code turns the guide\'s denial into exit 3', async () => {
    assert.match(await readFile(BIN, 'utf8'), /^#!\/usr\/bin\/env node\n/);
    const result = run(['eval', '-f', 'examples/guide', '--from', 'default/svc/frontend', '--to', 'default/svc/database', '--port', '80', '--exit-code']);
    assert.equal(result.code, 3, result.stderr);
    assert.match(result.stdout, /^default\/frontend-0 -> default\/database-0 TCP\/80: DENIED\n/);
  });

  test('an unreadable input exits 2 and names it on stderr', () => {
    const result = run(['map', '-f', 'examples/guide/no-such-file.yaml']);
    assert.deepEqual(result, { code: 2, stdout: '', stderr: 'examples/guide/no-such-file.yaml: cannot read: no such file or directory\n' });
  });

  test('-f - reads the manifests from standard input', async () => {
    const manifests = await readFile('examples/guide/frontend.yaml', 'utf8');
    const result = run(['map', '-f', '-', '--level', 'workload', '-o', 'json'], manifests);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).endpoints[0], { id: 'default/deployment/frontend', kind: 'Deployment', namespace: 'default', name: 'frontend' });
  });
});

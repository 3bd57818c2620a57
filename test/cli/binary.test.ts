// A few runs of the built executable, as a user or a script runs it: exit codes, stdin, the shebang.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  test('`| head`: a reader that closes the pipe early ends the map quietly, exit 0', async () => {
    // 150 pods and no policy: every pair connects, about 2 MB of JSON, far more than a pipe holds.
    const dir = await mkdtemp(join(tmpdir(), 'netwarden-epipe-'));
    try {
      const pod = (i: number) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p-${i}, namespace: big}\nspec: {containers: [{name: c, image: x}]}\n`;
      await writeFile(join(dir, 'pods.yaml'), Array.from({ length: 150 }, (_, i) => pod(i)).join('---\n'));
      const child = spawn(BIN, ['map', '-f', dir, '-o', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (data: Buffer) => (stderr += String(data)));
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.deepEqual({ code, stderr }, { code: 0, stderr: '' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

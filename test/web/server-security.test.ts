// What the dashboard server refuses: files outside its assets (however the path is spelled),
// foreign Host headers, big or mistyped bodies, other methods; and hostile names pass through
// the API as plain JSON data.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ClusterView } from '../../src/web/api-types.js';
import { startDashboard } from '../../src/web/server/index.js';
import type { Dashboard } from '../../src/web/server/index.js';
import { memoryLoadIO } from '../cli/fake-io.js';
import { send } from './server-client.js';

const CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const SECRET = 'SECRET-NOT-AN-ASSET';

let dir: string;
let dashboard: Dashboard;
let url: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netwarden-web-'));
  const web = join(dir, 'web');
  await mkdir(join(web, 'assets', 'sub'), { recursive: true });
  await writeFile(join(web, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(web, 'assets', 'app.js'), 'console.log(1);');
  await writeFile(join(web, 'assets', 'sub', 'x.css'), 'body{}');
  await writeFile(join(web, 'assets', '.hidden'), SECRET);
  await writeFile(join(web, 'secret.txt'), SECRET);
  await writeFile(join(dir, 'outside.txt'), SECRET);
  await symlink(join(dir, 'outside.txt'), join(web, 'assets', 'escape.js'));
  dashboard = await startDashboard({ inputs: ['examples/guide'], port: 0, webRoot: web, log: () => {} });
  url = dashboard.url;
});
after(async () => {
  await dashboard.close();
  await rm(dir, { recursive: true, force: true });
});

describe('static files', () => {
  test('serves index.html and files under assets/, with their content types', async () => {
    for (const [path, type, body] of [
      ['/', 'text/html', '<!doctype html><title>app</title>'],
      ['/index.html', 'text/html', '<!doctype html><title>app</title>'],
      ['/assets/app.js', 'text/javascript', 'console.log(1);'],
      ['/assets/sub/x.css', 'text/css', 'body{}'],
    ] as const) {
      const reply = await send(url, path);
      assert.equal(reply.status, 200, path);
      assert.ok(String(reply.headers['content-type']).startsWith(type), path);
      assert.equal(reply.text, body, path);
    }
  });

  test('no path outside assets/ is served: ../, encoded dots and slashes, backslashes, absolute paths, symlinks out, dot files', async () => {
    const paths = [
      '/../secret.txt',
      '/assets/../secret.txt',
      '/assets/../../outside.txt',
      '/assets/%2e%2e/secret.txt',
      '/assets/%2E%2E/secret.txt',
      '/assets/..%2fsecret.txt',
      '/assets/..%2Fsecret.txt',
      '/assets/%2e%2e%2fsecret.txt',
      '/assets/..%5csecret.txt',
      '/assets/..\\secret.txt',
      '/assets/sub/../../secret.txt',
      '/assets/escape.js',
      '/assets/.hidden',
      '/assets//etc/passwd',
      '/assets/%2fetc%2fpasswd',
      '//etc/passwd',
      '/etc/passwd',
      '/secret.txt',
      '/index.html/../secret.txt',
      '/assets/app.js%00.txt',
      `${url}assets/../secret.txt`,
      '/package.json',
      '/src/web/server/routes.ts',
    ];
    for (const path of paths) {
      const reply = await send(url, path);
      assert.equal(reply.status, 404, path);
      assert.ok(!reply.text.includes(SECRET), path);
      assert.deepEqual(JSON.parse(reply.text), { error: 'not found' }, path);
    }
  });
});

describe('headers and requests', () => {
  test('every response carries the CSP, nosniff and no-referrer headers: pages, API, errors', async () => {
    for (const path of ['/', '/assets/app.js', '/api/cluster', '/api/nope', '/nope', '/api/map?level=x']) {
      const reply = await send(url, path);
      assert.equal(reply.headers['content-security-policy'], CSP, path);
      assert.equal(reply.headers['x-content-type-options'], 'nosniff', path);
      assert.equal(reply.headers['referrer-policy'], 'no-referrer', path);
    }
  });

  test('a Host header other than this server by loopback name and port is refused (DNS rebinding)', async () => {
    const { port } = dashboard;
    for (const host of [`evil.example:${port}`, '127.0.0.1', `127.0.0.1:${port + 1}`, `localhost.evil.example:${port}`, `10.0.0.1:${port}`]) {
      const reply = await send(url, '/api/cluster', { headers: { Host: host } });
      assert.equal(reply.status, 403, host);
      assert.match(JSON.parse(reply.text).error, /Host header/);
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      assert.equal((await send(url, '/api/cluster', { headers: { Host: host } })).status, 200, host);
    }
  });

  test('a body over 1 MiB is a 413; a body just under it is read (and, not being JSON, is a 400)', async () => {
    const big = await send(url, '/api/whatif', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: Buffer.alloc(1024 * 1024 + 1, 32) });
    assert.deepEqual([big.status, JSON.parse(big.text)], [413, { error: 'request body over 1048576 bytes' }]);
    const chunked = await send(url, '/api/whatif', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body: Buffer.alloc(2 * 1024 * 1024, 32),
    });
    assert.equal(chunked.status, 413, 'a body without Content-Length is counted as it arrives');
    const under = await send(url, '/api/whatif', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: Buffer.alloc(1024 * 1024, 120) });
    assert.equal(under.status, 400);
  });

  test('what-if takes only POST with application/json: other types are 415, other methods 405', async () => {
    const text = await send(url, '/api/whatif', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"edits":[]}' });
    assert.deepEqual([text.status, JSON.parse(text.text)], [415, { error: 'POST /api/whatif takes Content-Type: application/json' }]);
    assert.equal((await send(url, '/api/whatif')).status, 405);
    assert.equal((await send(url, '/api/cluster', { method: 'PUT', body: 'x' })).status, 405);
    assert.equal((await send(url, '/api/cluster', { method: 'DELETE' })).status, 405);
  });

  test('an unknown API route is a JSON 404', async () => {
    const reply = await send(url, '/api/secrets');
    assert.deepEqual([reply.status, JSON.parse(reply.text)], [404, { error: 'no API route /api/secrets' }]);
    assert.match(String(reply.headers['content-type']), /^application\/json/);
  });
});

describe('hostile names', () => {
  const EVIL = '<img src=x onerror=alert(1)>';

  test('names, file names and problem messages carrying markup come back as the same strings in JSON, never as HTML', async () => {
    const hostile = await readFile('test/fixtures/web/hostile.yaml', 'utf8').catch(() => undefined);
    const files: Record<string, string> = {
      [`m/${EVIL}.yaml`]: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: default}\nspec: {podSelector: {}}\n',
      'm/bad.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: "${EVIL}"\n  labels: {app: "${EVIL}"}\nspec: {containers: [{name: c, image: i}]}\n`,
      ...(hostile === undefined ? {} : { 'm/hostile.yaml': hostile }),
    };
    const evil = await startDashboard({ inputs: ['m'], port: 0, loadIO: memoryLoadIO(files), log: () => {} });
    try {
      const reply = await send(evil.url, '/api/cluster');
      assert.match(String(reply.headers['content-type']), /^application\/json/);
      const cluster = JSON.parse(reply.text) as ClusterView;
      assert.equal(cluster.policies.find((p) => p.name === 'p')?.file, `m/${EVIL}.yaml`);
      assert.ok(cluster.problems.some((p) => p.file === 'm/bad.yaml' && p.text.includes(EVIL)), JSON.stringify(cluster.problems));
      const explain = await send(evil.url, `/api/explain?from=${encodeURIComponent(`default/${EVIL}`)}&to=default/x`);
      assert.equal(explain.status, 400);
      assert.match(String(explain.headers['content-type']), /^application\/json/);
      assert.ok((JSON.parse(explain.text) as { error: string }).error.includes(EVIL));
    } finally {
      await evil.close();
    }
  });
});

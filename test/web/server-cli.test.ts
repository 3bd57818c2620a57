// `netwarden ui`: flags, exit codes, problems printed as `map` prints them, stopping on a signal;
// and the event stream: keep-alive without --watch, `event: reload` after a file changes with it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import type { ClusterView, ExposureView } from '../../src/web/api-types.js';
import { startDashboard } from '../../src/web/server/index.js';
import { fakeIO } from '../cli/fake-io.js';
import { getJson, send } from './server-client.js';

const URL_LINE = /^netwarden dashboard: (http:\/\/127\.0\.0\.1:(\d+)\/)\n$/;

/** Runs `netwarden ui ...` in-process; `whileServing` gets the printed URL, then the command is told to stop. */
async function runUi(argv: readonly string[], whileServing: (url: string) => Promise<void> = async () => {}) {
  const fake = fakeIO();
  let failure: unknown;
  const io = {
    ...fake.io,
    stopRequested: async () => {
      const url = URL_LINE.exec(fake.stdout())?.[1];
      assert.ok(url !== undefined, `printed the URL: ${fake.stdout()}`);
      await whileServing(url).catch((error: unknown) => (failure = error));
      return 'SIGINT';
    },
  };
  const code = await runCli(argv, io);
  if (failure !== undefined) throw failure;
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe('netwarden ui', () => {
  test('prints the URL once listening on 127.0.0.1, serves the API, and exits 0 when told to stop', async () => {
    let cluster: ClusterView | undefined;
    const result = await runUi(['ui', '-f', 'examples/guide', '--port', '0'], async (url) => {
      cluster = await getJson<ClusterView>(url, '/api/cluster');
    });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, URL_LINE);
    assert.equal(result.stderr, '');
    assert.equal(cluster?.counts.pods, 9);
  });

  test('the alias dashboard runs the same command; --help exits 0 with the usage', async () => {
    const help = fakeIO();
    assert.equal(await runCli(['dashboard', '--help'], help.io), 0);
    assert.match(help.stdout(), /^Usage: netwarden dashboard \[options\]/);
    assert.match(help.stdout(), /--port <port>/);
    const result = await runUi(['dashboard', '-f', 'examples/guide', '--port', '0']);
    assert.equal(result.code, 0);
  });

  test('bad flags exit 2 with every problem named: port, address, missing -f', async () => {
    const fake = fakeIO();
    assert.equal(await runCli(['ui', '--port', '70000', '--address', 'localhost'], fake.io), 2);
    assert.equal(
      fake.stderr(),
      'netwarden ui: error: -f/--filename is required: a manifest file, a directory, or - for standard input\n' +
        'netwarden ui: error: --port 70000: expected a port number from 0 to 65535 (0 picks a free port)\n' +
        'netwarden ui: error: --address localhost: expected an IP address, such as 127.0.0.1 or ::1\n' +
        '(run "netwarden ui --help" for usage)\n',
    );
    const unknown = fakeIO();
    assert.equal(await runCli(['ui', '-f', 'examples/guide', '--bogus'], unknown.io), 2);
  });

  test('a port in use exits 2 and says so', async () => {
    const busy = await startDashboard({ inputs: ['examples/guide'], port: 0 });
    try {
      const fake = fakeIO();
      assert.equal(await runCli(['ui', '-f', 'examples/guide', '--port', String(busy.port)], fake.io), 2);
      assert.equal(fake.stdout(), '');
      assert.match(fake.stderr(), new RegExp(`^netwarden ui: error: port ${busy.port} on 127\\.0\\.0\\.1 is already in use; pick another with --port \\(0 picks a free one\\)\\n`));
    } finally {
      await busy.close();
    }
  });

  test('an unreadable input exits 2 before serving; invalid objects are printed as map prints them and the rest is served', async () => {
    const missing = fakeIO();
    assert.equal(await runCli(['ui', '-f', 'examples/guide/nope.yaml', '--port', '0'], missing.io), 2);
    assert.equal(missing.stderr(), 'examples/guide/nope.yaml: cannot read: no such file or directory\n');
    assert.equal(missing.stdout(), '');
    const args = ['-f', 'examples/guide', '-f', 'test/fixtures/web/hostile.yaml'];
    const map = fakeIO();
    await runCli(['map', ...args], map.io);
    assert.notEqual(map.stderr(), '', 'the fixture has invalid objects');
    let cluster: ClusterView | undefined;
    const result = await runUi(['ui', ...args, '--port', '0'], async (url) => {
      cluster = await getJson<ClusterView>(url, '/api/cluster');
    });
    assert.equal(result.code, 0);
    assert.equal(result.stderr, map.stderr());
    assert.deepEqual(cluster?.problems.map((p) => `${p.text}\n`).join(''), map.stderr());
  });

  test('the built command stops on SIGTERM with exit code 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bin/netwarden.ts', 'ui', '-f', 'examples/guide', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    for await (const chunk of child.stdout) {
      out += String(chunk);
      if (out.includes('\n')) break;
    }
    const url = URL_LINE.exec(out)?.[1];
    assert.ok(url !== undefined, out);
    assert.equal((await send(url, '/api/cluster')).status, 200);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 0);
  });
});

/** Collects an event stream as it arrives; `until` waits for the text so far to satisfy `done`. */
function eventReader(response: IncomingMessage): { until(done: (text: string) => boolean): Promise<string> } {
  let text = '';
  const waiting: (() => void)[] = [];
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    text += chunk;
    for (const wake of waiting.splice(0)) wake();
  });
  return {
    until: async (done) => {
      while (!done(text)) await new Promise<void>((resolve) => waiting.push(resolve));
      return text;
    },
  };
}

function openEvents(url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => get(`${url}api/events`, { agent: false }, resolve).on('error', reject));
}

describe('GET /api/events', () => {
  test('without --watch: an open text/event-stream that starts with a keep-alive comment', async () => {
    const dashboard = await startDashboard({ inputs: ['examples/guide'], port: 0 });
    try {
      const response = await openEvents(dashboard.url);
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^text\/event-stream/);
      assert.equal(await eventReader(response).until((text) => text.includes('\n\n')), ': keep-alive\n\n');
      response.destroy();
    } finally {
      await dashboard.close();
    }
  });

  test('with --watch: changing a manifest sends event: reload with the next generation, and the API serves the new load (the exposure report too)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'netwarden-watch-'));
    try {
      await cp('examples/guide', dir, { recursive: true });
      const dashboard = await startDashboard({ inputs: [dir], port: 0, watch: true, log: () => {} });
      try {
        const response = await openEvents(dashboard.url);
        const reader = eventReader(response);
        await reader.until((text) => text.includes('\n\n'));
        const databaseIngress = async () => (await getJson<ExposureView>(dashboard.url, '/api/exposure')).subjects.find((s) => s.id === 'default/deployment/database')?.ingress.protected;
        assert.equal(await databaseIngress(), true, 'access-backend-database protects it');
        await writeFile(join(dir, 'access-backend-database.yaml'), '# emptied: no policy any more\n');
        const events = await reader.until((text) => text.includes('event: reload'));
        assert.match(events, /event: reload\ndata: \{"generation":2\}\n\n/);
        response.destroy();
        const cluster = await getJson<ClusterView>(dashboard.url, '/api/cluster');
        assert.equal(cluster.generation, 2);
        assert.deepEqual(cluster.policies, []);
        assert.deepEqual(cluster.problems.map((p) => p.message), ['no Kubernetes objects in this file']);
        assert.equal(await databaseIngress(), false, 'the report of the new load, not the one kept for the first');
      } finally {
        await dashboard.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('with --watch on a file: replacing the file (as editors save) reloads it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'netwarden-watch-file-'));
    try {
      const file = join(dir, 'guide.yaml');
      const texts = await Promise.all(['frontend', 'backend', 'database'].map((name) => readFile(`examples/guide/${name}.yaml`, 'utf8')));
      await writeFile(file, texts.join('\n---\n'));
      const dashboard = await startDashboard({ inputs: [file], port: 0, watch: true, log: () => {} });
      try {
        assert.equal((await getJson<ClusterView>(dashboard.url, '/api/cluster')).counts.policies, 0);
        const response = await openEvents(dashboard.url);
        const reader = eventReader(response);
        await reader.until((text) => text.includes('\n\n'));
        const policy = await readFile('examples/guide/access-backend-database.yaml', 'utf8');
        await writeFile(`${file}.new`, `${texts.join('\n---\n')}\n---\n${policy}`);
        await rename(`${file}.new`, file);
        assert.match(await reader.until((text) => text.includes('event: reload')), /data: \{"generation":2\}/);
        response.destroy();
        const cluster = await getJson<ClusterView>(dashboard.url, '/api/cluster');
        assert.deepEqual(cluster.policies.map((p) => p.id), ['default/access-backend-database']);
      } finally {
        await dashboard.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// netwarden lab through the command line: usage errors (anyone), then as root the guide's
// experiment end to end: lab run --check, and lab up -> curl-like requests through Service names
// -> lab probe -> lab down; and lab run --check on the cluster-wide example's tiers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { runCli } from '../../src/cli/main.js';
import { labNamespaces } from '../../src/lab/cleanup.js';
import { labUnavailable } from '../../src/lab/preflight.js';
import { runCommand } from '../../src/lab/run-command.js';
import { fakeIO } from '../cli/fake-io.js';
import { acquireLabLock } from './lab-lock.js';

async function run(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const fake = fakeIO();
  const code = await runCli(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

test('netwarden lab without a command prints its usage and exits 2', async () => {
  const { code, stderr } = await run(['lab']);
  assert.equal(code, 2);
  assert.match(stderr, /Usage: netwarden lab <up\|probe\|down\|run>/);
});

test('bad lab flags are all reported at once, before anything is built (exit 2)', async () => {
  const { code, stderr } = await run(['lab', 'run', '--name', 'Bad-Name', '--ports', 'http', '--timeout', '5', '-o', 'xml']);
  assert.equal(code, 2);
  for (const flag of ['-f/--filename is required', '--name "Bad-Name"', '--ports: "http"', '--timeout 5', '-o/--output xml']) assert.ok(stderr.includes(flag), flag);
});

test('lab down takes --all or a valid --name', async () => {
  const { code, stderr } = await run(['lab', 'down', '--name', 'x_y']);
  assert.equal(code, 2);
  assert.match(stderr, /--name "x_y"/);
});

const unavailable = await labUnavailable();
const skip = unavailable.length > 0 ? `lab: skipped: ${unavailable.join('; ')}` : false;
if (skip !== false) console.log(skip);

test('lab run --check on the guide: frontend -> database times out, backend -> database answers, all as the engine says', { skip }, async () => {
  const unlock = await acquireLabLock();
  try {
    const { code, stdout } = await run(['lab', 'run', '-f', 'examples/guide', '--name', 'ltguide', '--check']);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^default\/frontend-0 +default\/database-0 \(10\.244\.0\.5\) +TCP\/80 +timed out +denied$/m);
    assert.match(stdout, /^default\/backend-0 +default\/database-0 \(10\.244\.0\.5\) +TCP\/80 +answered +allowed$/m);
    assert.match(stdout, /^72 probes in [0-9.]+ s: 57 answered, 15 denied \(timed out, rejected or blocked\); the kernel agrees with the engine on all 72\.$/m);
    assert.deepEqual((await labNamespaces()).filter((ns) => ns.startsWith('nw-ltguide-')), [], 'lab run removes its lab');
  } finally {
    await unlock();
  }
});

test('lab run --check on examples/cluster-wide: each tier decides some probes (ANP Deny and Pass, CNP Pass and Deny, BANP Deny, NetworkPolicy), all as the engine says', { skip }, async () => {
  const unlock = await acquireLabLock();
  try {
    const { code, stdout } = await run(['lab', 'run', '-f', 'examples/cluster-wide', '--name', 'lttiercli', '--check']);
    assert.equal(code, 0, stdout);
    const row = (from: string, to: string, port: string, kernel: string, engine: string): RegExp =>
      new RegExp(`^${from} +${to.replace(/[().]/g, '\\$&')} +${port} +${kernel} +${engine}$`, 'm');
    assert.match(stdout, row('partners/api', 'shop/db (10.0.1.2)', 'TCP/5432', 'timed out', 'denied'), 'ANP protect-databases denies');
    assert.match(stdout, row('monitoring/prometheus', 'shop/web (10.0.1.1)', 'TCP/9090', 'answered', 'allowed'), 'ANP Pass, then the NetworkPolicy allows metrics');
    assert.match(stdout, row('monitoring/prometheus', 'shop/web (10.0.1.1)', 'TCP/8080', 'timed out', 'denied'), 'ANP Pass, then the NetworkPolicy denies the rest');
    assert.match(stdout, row('monitoring/prometheus', 'shop/db (10.0.1.2)', 'TCP/9187', 'timed out', 'denied'), 'ANP Pass, no NetworkPolicy, BANP Deny');
    assert.match(stdout, row('shop/web', 'shop/db (10.0.1.2)', 'TCP/5432', 'answered', 'allowed'), 'CNP Pass to pods');
    assert.match(stdout, row('shop/web', 'external/128.0.0.1 (128.0.0.1)', 'TCP/5432', 'timed out', 'denied'), 'CNP Deny to 0.0.0.0/0');
    assert.match(stdout, /^72 probes in [0-9.]+ s: 50 answered, 22 denied \(timed out, rejected or blocked\); the kernel agrees with the engine on all 72\.$/m);
  } finally {
    await unlock();
  }
});

const BINARY = 'dist/bin/netwarden.js';

test(`the built binary: ${BINARY} lab run -f examples/guide --check exits 0`, { skip: skip !== false ? skip : existsSync(BINARY) ? false : `${BINARY} not built (npm run build)` }, async () => {
  const unlock = await acquireLabLock();
  try {
    const out = await runCommand([process.execPath, BINARY, 'lab', 'run', '-f', 'examples/guide', '--name', 'ltbin', '--check']);
    assert.equal(out.code, 0, out.stdout + out.stderr);
    assert.match(out.stdout, /the kernel agrees with the engine on all 72\.$/m);
  } finally {
    await unlock();
  }
});

/** An HTTP GET from inside a lab namespace, like the guide's `curl -m 3 http://NAME`. */
async function curl(netns: string, url: string): Promise<string> {
  const script = `fetch(${JSON.stringify(url)}, { signal: AbortSignal.timeout(2000) }).then(async (r) => console.log(await r.text()), (e) => console.log('failed: ' + (e.cause?.code ?? e.name))).finally(() => process.exit(0))`;
  return (await runCommand(['ip', 'netns', 'exec', netns, process.execPath, '-e', script])).stdout.trim();
}

test('lab up makes the guide usable by hand: Service names resolve, backend answers, database times out from the frontend', { skip }, async () => {
  const unlock = await acquireLabLock();
  try {
    const up = await run(['lab', 'up', '-f', 'examples/guide', '--name', 'ltcli']);
    assert.equal(up.code, 0, up.stderr);
    assert.match(up.stdout, /^nw-ltcli-default-frontend-0 +10\.244\.0\.8 +default\/frontend-0$/m);
    assert.match(up.stdout, /^  ip netns exec nw-ltcli-default-frontend-2 curl -m 3 http:\/\/database$/m);
    assert.equal((await run(['lab', 'up', '-f', 'examples/guide', '--name', 'ltcli'])).code, 2, 'a second lab up of the same name is refused');
    const frontend = 'nw-ltcli-default-frontend-0';
    assert.match(await curl(frontend, 'http://backend'), /^netwarden-lab default\/backend-[012]$/);
    assert.match(await curl(frontend, 'http://backend.default.svc.cluster.local'), /^netwarden-lab default\/backend-[012]$/);
    assert.match(await curl(frontend, 'http://database'), /^failed: (TimeoutError|AbortError)$/);
    assert.match(await curl('nw-ltcli-default-backend-1', 'http://database'), /^netwarden-lab default\/database-[012]$/);
    const probe = await run(['lab', 'probe', '--name', 'ltcli', '-o', 'json']);
    assert.equal(probe.code, 0, probe.stdout);
    const report = JSON.parse(probe.stdout) as { summary: { probes: number; disagreements: number } };
    assert.deepEqual([report.summary.probes, report.summary.disagreements], [72, 0]);
    const ports = await run(['lab', 'probe', '--name', 'ltcli', '--ports', '80,8080,53/UDP']);
    assert.equal(ports.code, 0, ports.stdout);
    assert.match(ports.stdout, /216 probes/);
  } finally {
    const down = await run(['lab', 'down', '--name', 'ltcli']);
    await unlock();
    assert.equal(down.code, 0);
  }
  assert.deepEqual((await labNamespaces()).filter((ns) => ns.startsWith('nw-ltcli-')), []);
  assert.equal(existsSync('/run/netwarden/ltcli'), false);
  assert.equal(existsSync('/etc/netns/nw-ltcli-default-frontend-0'), false);
});

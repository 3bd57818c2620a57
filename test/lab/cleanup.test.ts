// A lab killed in the middle of `lab up` leaves nothing behind once `lab down --all` has run: no
// network namespace, veth, /etc/netns directory, state or agent process; a SIGTERM cleans up by
// itself; and the next `lab up` of the same name sweeps the leftovers first. Root only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { labNamespaces } from '../../src/lab/cleanup.js';
import { labUnavailable } from '../../src/lab/preflight.js';
import { runCommand } from '../../src/lab/run-command.js';
import { fakeIO } from '../cli/fake-io.js';
import { acquireLabLock } from './lab-lock.js';

const PODS = 60;
const unavailable = await labUnavailable();
const skip = unavailable.length > 0 ? `lab: skipped: ${unavailable.join('; ')}` : false;

/** A Deployment of PODS replicas and a policy: big enough that killing during setup is easy to hit. */
async function bigCluster(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'netwarden-lab-kill-'));
  const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: {name: big, namespace: default}
spec:
  replicas: ${PODS}
  selector: {matchLabels: {app: big}}
  template:
    metadata: {labels: {app: big}}
    spec: {containers: [{name: c, image: x, ports: [{containerPort: 80}]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: default}
spec: {podSelector: {}}
`;
  await writeFile(join(dir, 'big.yaml'), yaml);
  return dir;
}

function startLabUp(dir: string, name: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'bin/netwarden.ts', 'lab', 'up', '-f', dir, '--name', name], { stdio: 'ignore' });
}

async function agentPids(name: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^[0-9]+$/.test(entry)) continue;
    const cmdline = await readFile(join('/proc', entry, 'cmdline'), 'utf8').catch(() => '');
    if (cmdline.includes(`/run/netwarden/${name}/agent.mjs`)) pids.push(Number(entry));
  }
  return pids;
}

/** Waits until the lab is half built: namespaces exist and some agents run, but `lab up` has not finished. */
async function waitMidSetup(name: string, child: ChildProcess): Promise<void> {
  for (let waited = 0; waited < 60_000; waited += 10) {
    if (child.exitCode !== null) assert.fail(`lab up ended (${child.exitCode}) before it could be killed mid-setup`);
    if ((await agentPids(name)).length > 0) {
      assert.equal(existsSync(`/run/netwarden/${name}/state.json`), false, 'the lab was already complete: not mid-setup');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail('no agent started within a minute');
}

async function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
}

async function rootLinks(): Promise<string[]> {
  const out = await runCommand(['ip', '-o', 'link', 'show']);
  return out.stdout.split('\n').map((line) => line.split(':')[1]?.trim() ?? '').filter((n) => n !== '').sort();
}

async function assertNothingLeft(name: string, linksBefore: readonly string[]): Promise<void> {
  assert.deepEqual((await labNamespaces()).filter((ns) => ns.startsWith(`nw-${name}-`)), [], 'network namespaces');
  assert.deepEqual((await readdir('/etc/netns').catch(() => [])).filter((d) => d.startsWith(`nw-${name}-`)), [], '/etc/netns directories');
  assert.equal(existsSync(`/run/netwarden/${name}`), false, 'state directory');
  assert.deepEqual(await agentPids(name), [], 'agent processes');
  assert.deepEqual(await rootLinks(), linksBefore, 'interfaces of the root namespace (no veth or bridge ever lands there)');
}

test(`kill -9 in the middle of lab up (${PODS} pods), then lab down --all: nothing is left behind`, { skip }, async () => {
  const unlock = await acquireLabLock();
  const dir = await bigCluster();
  try {
    const linksBefore = await rootLinks();
    const child = startLabUp(dir, 'ltkill');
    await waitMidSetup('ltkill', child);
    assert.ok((await labNamespaces()).some((ns) => ns.startsWith('nw-ltkill-')), 'some namespaces exist when it is killed');
    child.kill('SIGKILL');
    await exited(child);
    const fake = fakeIO();
    assert.equal(await runCli(['lab', 'down', '--all'], fake.io), 0);
    assert.match(fake.stdout(), /removed .*"ltkill"/);
    await assertNothingLeft('ltkill', linksBefore);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await unlock();
  }
});

test('SIGTERM in the middle of lab up: the command removes what it built before it ends', { skip }, async () => {
  const unlock = await acquireLabLock();
  const dir = await bigCluster();
  try {
    const linksBefore = await rootLinks();
    const child = startLabUp(dir, 'ltterm');
    await waitMidSetup('ltterm', child);
    child.kill('SIGTERM');
    await exited(child);
    assert.equal(child.signalCode, 'SIGTERM', 'it ends by the signal, after cleaning up');
    await assertNothingLeft('ltterm', linksBefore);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await unlock();
  }
});

test('after a kill -9, the next lab up of that name sweeps the leftovers and builds the lab', { skip }, async () => {
  const unlock = await acquireLabLock();
  const dir = await bigCluster();
  try {
    const linksBefore = await rootLinks();
    const child = startLabUp(dir, 'ltsweep');
    await waitMidSetup('ltsweep', child);
    child.kill('SIGKILL');
    await exited(child);
    const up = fakeIO();
    assert.equal(await runCli(['lab', 'up', '-f', 'examples/guide', '--name', 'ltsweep'], up.io), 0, up.stderr());
    assert.deepEqual((await labNamespaces()).filter((ns) => ns.startsWith('nw-ltsweep-')).length, 10, 'the guide: 9 pods and the node');
    assert.equal(await runCli(['lab', 'down', '--name', 'ltsweep'], fakeIO().io), 0);
    await assertNothingLeft('ltsweep', linksBefore);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await unlock();
  }
});

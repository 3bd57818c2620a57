// Removing labs: everything a lab creates carries its prefix (namespaces `nw-<name>-*`, their
// /etc/netns directories, agents run from /run/netwarden/<name>/agent.mjs), so a lab is found and
// removed by name even after the command that built it was killed (`kill -9` included).
// Only those are touched; the veths and the bridge live in the lab's namespaces and go with them.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AGENT_FILE } from './agent-source.js';
import { NETNS_ETC } from './netns-setup.js';
import { runCommand } from './run-command.js';
import { STATE_ROOT, stateDirOf } from './state.js';
import { NETNS_PREFIX } from './topology.js';

export interface Removed {
  readonly labs: readonly string[];
  readonly namespaces: number;
  readonly processes: number;
}

/** Removes lab `name`: its agents, its namespaces, their /etc/netns directories, its state. Idempotent. */
export async function removeLab(name: string): Promise<Removed> {
  const processes = await killAgents((cmdline) => cmdline.includes(join(stateDirOf(name), AGENT_FILE)));
  const namespaces = (await labNamespaces()).filter((ns) => labOfNetns(ns) === name);
  await deleteNamespaces(namespaces);
  const etc = (await listDir(NETNS_ETC)).filter((ns) => labOfNetns(ns) === name);
  await Promise.all(etc.map((ns) => rm(join(NETNS_ETC, ns), { recursive: true, force: true })));
  await rm(stateDirOf(name), { recursive: true, force: true });
  return { labs: [name], namespaces: namespaces.length, processes };
}

/** `lab down --all`: every lab, including leftovers of crashed runs, found by prefix. */
export async function removeAllLabs(): Promise<Removed> {
  const names = new Set<string>(await listDir(STATE_ROOT));
  for (const ns of [...(await labNamespaces()), ...(await listDir(NETNS_ETC))]) {
    const lab = labOfNetns(ns);
    if (lab !== undefined) names.add(lab);
  }
  const processes = await killAgents((cmdline) => cmdline.includes(`${STATE_ROOT}/`) && cmdline.includes(`/${AGENT_FILE}`));
  let namespaces = 0;
  for (const name of [...names].sort()) namespaces += (await removeLab(name)).namespaces;
  return { labs: [...names].sort(), namespaces, processes };
}

/** The lab a namespace name belongs to: `nw-<name>-...` (lab names have no dash). */
export function labOfNetns(netns: string): string | undefined {
  if (!netns.startsWith(NETNS_PREFIX)) return undefined;
  const rest = netns.slice(NETNS_PREFIX.length);
  const dash = rest.indexOf('-');
  return dash > 0 ? rest.slice(0, dash) : undefined;
}

export async function labNamespaces(): Promise<string[]> {
  const output = await runCommand(['ip', 'netns', 'list']);
  return output.stdout
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter((ns) => labOfNetns(ns) !== undefined);
}

async function deleteNamespaces(namespaces: readonly string[]): Promise<void> {
  if (namespaces.length === 0) return;
  // -force: keep going past a namespace that is already gone.
  await runCommand(['ip', '-force', '-batch', '-'], namespaces.map((ns) => `netns del ${ns}\n`).join(''));
}

/** SIGTERM to every process whose command line `matches`, SIGKILL to those still there after a second. */
async function killAgents(matches: (cmdline: string) => boolean): Promise<number> {
  const pids: number[] = [];
  for (const entry of await listDir('/proc')) {
    if (!/^[0-9]+$/.test(entry) || Number(entry) === process.pid) continue;
    const cmdline = await readFile(join('/proc', entry, 'cmdline'), 'utf8').catch(() => '');
    if (matches(cmdline.replaceAll('\0', ' '))) pids.push(Number(entry));
  }
  const signal = (pid: number, name: NodeJS.Signals): boolean => {
    try {
      process.kill(pid, name);
      return true;
    } catch {
      return false; // already gone
    }
  };
  const alive = pids.filter((pid) => signal(pid, 'SIGTERM'));
  for (let waited = 0; waited < 1000 && alive.some((pid) => alivePid(pid)); waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  for (const pid of alive) signal(pid, 'SIGKILL');
  return pids.length;
}

function alivePid(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function listDir(path: string): Promise<string[]> {
  return readdir(path).catch(() => []);
}

/**
 * Runs `task` so that SIGINT, SIGTERM or SIGHUP cleans up and then ends the process as the signal
 * would have: the task is told to stop (its AbortSignal), it gets a moment to settle, so that
 * nothing it was starting escapes, then `cleanup` runs and the signal is raised again. Once a signal
 * came, the task's failure is not reported: the process is ending. (`kill -9` cannot be caught:
 * `lab down --all` and the next `lab up` cover it.)
 */
export async function withSignalCleanup<T>(task: (abort: AbortSignal) => Promise<T>, cleanup: () => Promise<unknown>): Promise<T> {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const controller = new AbortController();
  let running: Promise<unknown> = Promise.resolve();
  let ending: Promise<never> | undefined;
  const handler = (signal: NodeJS.Signals): void => {
    controller.abort(new Error(`interrupted by ${signal}`));
    ending ??= Promise.race([running, new Promise((resolve) => setTimeout(resolve, SETTLE_MS))])
      .then(cleanup)
      .catch(() => undefined)
      .then(() => {
        for (const s of signals) process.removeListener(s, handler);
        process.kill(process.pid, signal);
        return new Promise<never>(() => {});
      });
  };
  for (const s of signals) process.on(s, handler);
  try {
    const promise = task(controller.signal);
    running = promise.catch(() => undefined);
    return await promise;
  } catch (error) {
    if (ending !== undefined) return await ending;
    throw error;
  } finally {
    if (ending === undefined) for (const s of signals) process.removeListener(s, handler);
  }
}

/** How long an interrupted task may take to stop before the cleanup runs anyway. */
const SETTLE_MS = 10_000;

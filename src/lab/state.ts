// A lab outlives the command that built it (`lab up`, then `lab probe`, then `lab down`): its plan
// and its agents' pids live in /run/netwarden/<name>/ (tmpfs: a reboot, which also removes every
// network namespace, removes them too).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PortRef } from './dataplane.js';
import type { LabPlan } from './plan.js';

export const STATE_ROOT = '/run/netwarden';
const STATE_FILE = 'state.json';
const STATE_VERSION = 1;
const OWNER_FILE = 'owner.pid';

/** The pid of the process that claimed the lab's state directory, if it says. */
export async function ownerOf(name: string): Promise<number | undefined> {
  const text = await readFile(join(stateDirOf(name), OWNER_FILE), 'utf8').catch(() => '');
  return /^[0-9]+$/.test(text) ? Number(text) : undefined;
}

export interface LabState {
  readonly version: typeof STATE_VERSION;
  readonly plan: LabPlan;
  /** Ports each host listens on, by host index (what `lab probe` may probe without asking). */
  readonly listening: Readonly<Record<number, readonly PortRef[]>>;
  /** Agents' pids by host index. */
  readonly agents: Readonly<Record<number, number>>;
}

export function stateDirOf(name: string): string {
  return join(STATE_ROOT, name);
}

/** Creates the lab's state directory, owned by this process; false when it exists already (the lab is up, being built, or left over). */
export async function claimStateDir(name: string): Promise<boolean> {
  await mkdir(STATE_ROOT, { recursive: true });
  try {
    await mkdir(stateDirOf(name));
    await writeFile(join(stateDirOf(name), OWNER_FILE), String(process.pid));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

export async function writeState(state: Omit<LabState, 'version'>): Promise<void> {
  const dir = stateDirOf(state.plan.options.name);
  const temporary = join(dir, `${STATE_FILE}.tmp`);
  await writeFile(temporary, JSON.stringify({ version: STATE_VERSION, ...state }));
  await rename(temporary, join(dir, STATE_FILE));
}

export type ReadState = { readonly kind: 'found'; readonly state: LabState } | { readonly kind: 'missing' | 'unreadable'; readonly message: string };

export async function readState(name: string): Promise<ReadState> {
  let text: string;
  try {
    text = await readFile(join(stateDirOf(name), STATE_FILE), 'utf8');
  } catch {
    return { kind: 'missing', message: `no lab "${name}" is up (run "netwarden lab up -f ... --name ${name}")` };
  }
  const parsed = JSON.parse(text) as Partial<LabState>;
  if (parsed.version !== STATE_VERSION || parsed.plan === undefined) {
    return { kind: 'unreadable', message: `lab "${name}" was made by another netwarden version; run "netwarden lab down --name ${name}"` };
  }
  return { kind: 'found', state: parsed as LabState };
}

// A V8 .cpuprofile (node --cpu-prof) summarised as three tables: functions by self time,
// functions by inclusive time (time with the function anywhere on the stack), and files by self time.

import type { Table } from './tables.js';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface SummaryOptions {
  readonly top: number;
  /** Prefix removed from file URLs, e.g. file:///work/main/ */
  readonly root: string;
}

const SPECIAL = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);

export function summariseProfile(profile: CpuProfile, options: SummaryOptions): Table[] {
  const selfUs = selfTimes(profile);
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfByFunction = new Map<string, number>();
  const selfByFile = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const root = profile.nodes[0];
  const visit = (node: ProfileNode, onStack: Set<string>): void => {
    const key = functionKey(node.callFrame, options.root);
    const self = selfUs.get(node.id) ?? 0;
    add(selfByFunction, key, self);
    add(selfByFile, fileKey(node.callFrame, options.root), self);
    const entered = !onStack.has(key);
    if (entered) onStack.add(key);
    // Every function on the stack (each once, however deep the recursion) is charged this node's samples.
    for (const k of onStack) add(inclusive, k, self);
    for (const id of node.children ?? []) {
      const child = byId.get(id);
      if (child) visit(child, onStack);
    }
    if (entered) onStack.delete(key);
  };
  if (root) for (const id of root.children ?? []) {
    const child = byId.get(id);
    if (child) visit(child, new Set());
  }
  const table = (title: string, name: string, values: Map<string, number>): Table => ({
    title,
    header: [name, 'ms', '%'],
    rows: [...values]
      .filter(([key]) => !SPECIAL.has(key))
      .sort((a, b) => b[1] - a[1])
      .slice(0, options.top)
      .map(([key, us]) => [key, (us / 1000).toFixed(0), ((100 * us) / totalUs).toFixed(1)]),
  });
  const idle = ['(program)', '(idle)', '(garbage collector)'].map((k) => `${k} ${((selfByFunction.get(k) ?? 0) / 1000).toFixed(0)} ms`);
  return [
    table(`Functions by self time (of ${(totalUs / 1000).toFixed(0)} ms sampled; ${idle.join(', ')})`, 'function', selfByFunction),
    table('Functions by inclusive time', 'function', inclusive),
    table('Files by self time', 'file', selfByFile),
  ];
}

/** Microseconds attributed to each node: a sample lasts until the next one. */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const times = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    const duration = profile.timeDeltas[i + 1] ?? 0;
    if (id !== undefined) add(times, id, duration);
  }
  return times;
}

function add<K>(map: Map<K, number>, key: K, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

function functionKey(frame: CallFrame, root: string): string {
  if (SPECIAL.has(frame.functionName)) return frame.functionName;
  const name = frame.functionName === '' ? '(anonymous)' : frame.functionName;
  if (frame.url === '') return name;
  // Code loaded through tsx reports line 1 for every function (its output is not line-preserving).
  const line = frame.lineNumber > 0 ? `:${frame.lineNumber + 1}` : '';
  return `${name} ${shortUrl(frame.url, root)}${line}`;
}

function fileKey(frame: CallFrame, root: string): string {
  if (SPECIAL.has(frame.functionName)) return frame.functionName;
  return frame.url === '' ? '(native)' : shortUrl(frame.url, root);
}

function shortUrl(url: string, root: string): string {
  const relative = url.startsWith(root) ? url.slice(root.length) : url;
  return relative.replace(/^node_modules\//, '');
}

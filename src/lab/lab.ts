// The lab's operations: up (plan, build, load the rulesets), probe (send, compare with the
// engine), down. An edge: it builds namespaces and sends packets; the pure parts are plan.ts,
// nft-render.ts, probe-plan.ts and compare.ts.
import { performance } from 'node:perf_hooks';
import type { Cluster } from '../model/cluster.js';
import type { Protocol } from '../model/common.js';
import { removeAllLabs, removeLab, withSignalCleanup } from './cleanup.js';
import type { Removed } from './cleanup.js';
import { compareResults, engineVerdicts, summarize } from './compare.js';
import type { ComparisonRow, ComparisonSummary } from './compare.js';
import type { Dataplane, PortRef, Probe, ProbeResult } from './dataplane.js';
import { RESOLV_CONF, renderHostsFile } from './hosts-file.js';
import { attachNetnsLab, buildNetnsLab } from './netns-dataplane.js';
import { renderPodRuleset } from './nft-render.js';
import type { DenyAction } from './nft-render.js';
import { planLab } from './plan.js';
import type { LabOptions, LabPlan } from './plan.js';
import { planProbes } from './probe-plan.js';
import type { PlannedProbe } from './probe-plan.js';
import { claimStateDir, ownerOf, readState, stateDirOf, writeState } from './state.js';

export type UpOutcome =
  | { readonly kind: 'up'; readonly plan: LabPlan; readonly dataplane: Dataplane; readonly millis: number }
  | { readonly kind: 'invalid'; readonly errors: readonly string[] }
  | { readonly kind: 'exists'; readonly name: string };

/** Plans the lab, builds it, loads every pod's ruleset. On any failure (or a signal) it removes what it built. */
export async function labUp(cluster: Cluster, options: LabOptions): Promise<UpOutcome> {
  const planned = planLab(cluster, options);
  if (!planned.ok) return { kind: 'invalid', errors: planned.errors };
  const plan = planned.plan;
  const started = performance.now();
  if (!(await claimStateDir(options.name))) {
    // Startup sweep: what a killed run left behind (no state written, or agents gone) is removed.
    if (await isLive(options.name)) return { kind: 'exists', name: options.name };
    await removeLab(options.name);
    if (!(await claimStateDir(options.name))) return { kind: 'exists', name: options.name };
  }
  const remove = (): Promise<Removed> => removeLab(options.name);
  return withSignalCleanup(async (abort) => {
    try {
      const listen = planProbes(plan.cluster, plan.topology, { protocols: ['TCP', 'UDP', 'SCTP'] }).listen;
      const built = await buildNetnsLab(plan.topology, { stateDir: stateDirOf(options.name), listen, etcFiles: etcFiles(plan), abort });
      await built.dataplane.apply(rulesets(plan));
      await writeState({ plan, listening: Object.fromEntries(listen), agents: Object.fromEntries(built.agents) });
      return { kind: 'up', plan, dataplane: built.dataplane, millis: performance.now() - started };
    } catch (error) {
      await remove();
      throw error;
    }
  }, remove);
}

/** A lab that another process is building, or that `lab up` finished and whose agents all still run. */
async function isLive(name: string): Promise<boolean> {
  const owner = await ownerOf(name);
  const read = await readState(name);
  if (read.kind !== 'found') return owner !== undefined && owner !== process.pid && running(owner);
  return Object.values(read.state.agents).every(running);
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every pod's nft script, by host index (pods come first in the topology, in cluster order). */
export function rulesets(plan: LabPlan): Map<number, string> {
  const out = new Map<number, string>();
  plan.cluster.pods.forEach((pod, index) => {
    const { ipBlockMatchesPodIPs, networksMatchPodIPs, deny } = plan.options;
    out.set(index, renderPodRuleset(plan.cluster, pod, plan.services, { table: plan.table, ipBlockMatchesPodIPs, networksMatchPodIPs, deny }));
  });
  return out;
}

function etcFiles(plan: LabPlan): Map<number, Record<string, string>> {
  const out = new Map<number, Record<string, string>>();
  plan.cluster.pods.forEach((pod, index) => out.set(index, { hosts: renderHostsFile(pod.namespace, pod.name, plan.serviceNames), 'resolv.conf': RESOLV_CONF }));
  return out;
}

export type AttachOutcome = { readonly kind: 'attached'; readonly plan: LabPlan; readonly dataplane: Dataplane } | { readonly kind: 'missing'; readonly message: string };

/** The lab `name` that an earlier `lab up` built. */
export async function labAttach(name: string): Promise<AttachOutcome> {
  const read = await readState(name);
  if (read.kind !== 'found') return { kind: 'missing', message: read.message };
  const plan = read.state.plan;
  try {
    return { kind: 'attached', plan, dataplane: await attachNetnsLab(plan.topology, stateDirOf(name)) };
  } catch (error) {
    return { kind: 'missing', message: `lab "${name}" is broken (${(error as Error).message}); run "netwarden lab down --name ${name}"` };
  }
}

export interface ProbeReport {
  readonly rows: readonly ComparisonRow[];
  readonly summary: ComparisonSummary;
  /** Probes left out, and why (ports a host could not open). */
  readonly notes: readonly string[];
  readonly millis: number;
}

export interface ProbeRequest {
  /** `--ports`; the relevant ports when absent. */
  readonly ports?: readonly PortRef[];
  readonly timeoutMs: number;
}

/** A timeout where the engine expects an answer is retried with this much longer a wait before it counts. */
const RETRY_FACTOR = 3;

/**
 * Probes every relevant (source, destination, port) and compares with evaluate(). Only an answer can
 * overturn a timeout, so retrying the timeouts the engine disagrees with can hide no probe that the
 * kernel lets through against the engine's word; it only removes false alarms from a busy machine.
 */
export async function labProbe(plan: LabPlan, dataplane: Dataplane, request: ProbeRequest): Promise<ProbeReport> {
  const started = performance.now();
  const selection = request.ports === undefined ? { protocols: ALL_PROTOCOLS } : { protocols: ALL_PROTOCOLS, ports: request.ports };
  const planned = planProbes(plan.cluster, plan.topology, selection);
  const failed = await dataplane.listen(planned.listen);
  const notes = listenNotes(plan, failed);
  const cannot = (probe: PlannedProbe): boolean => (failed.get(probe.toHost) ?? []).some((p) => p.port === probe.port && p.protocol === probe.protocol);
  const probes = planned.probes.filter((probe) => !cannot(probe));
  const verdicts = engineVerdicts(plan.cluster, plan.topology, probes, plan.options);
  const results = await probeWithRetry(dataplane, probes, verdicts, { timeoutMs: request.timeoutMs, deny: plan.options.deny });
  const rows = compareResults(plan.topology, probes, results, verdicts, plan.options.deny);
  return { rows, summary: summarize(rows), notes, millis: performance.now() - started };
}

const ALL_PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** One note per port that some hosts could not open (SCTP without kernel support, typically). */
function listenNotes(plan: LabPlan, failed: ReadonlyMap<number, readonly PortRef[]>): string[] {
  const hostsByPort = new Map<string, string[]>();
  for (const [index, ports] of failed) {
    for (const p of ports) {
      const key = `${p.protocol}/${p.port}`;
      hostsByPort.set(key, [...(hostsByPort.get(key) ?? []), plan.topology.hosts[index]?.identity ?? String(index)]);
    }
  }
  return [...hostsByPort].map(([port, hosts]) => {
    const sctp = port.startsWith('SCTP/') ? ' (does this kernel have SCTP, and is socat installed?)' : '';
    return `${port}: cannot listen on it in ${hosts.length} namespace${hosts.length === 1 ? '' : 's'} (${hosts.slice(0, 3).join(', ')}${hosts.length > 3 ? ', ...' : ''}); probes to it there left out${sctp}`;
  });
}

/**
 * Probes, then probes again, with RETRY_FACTOR times the wait, those that timed out where the
 * engine expects an answer (with 'reject', every timeout: it cannot be a verdict there).
 */
export async function probeWithRetry(
  dataplane: Dataplane,
  probes: readonly Probe[],
  verdicts: readonly boolean[],
  options: { readonly timeoutMs: number; readonly deny: DenyAction },
): Promise<ProbeResult[]> {
  const results = await dataplane.probe(probes, { timeoutMs: options.timeoutMs });
  const retry = probes.map((_, i) => i).filter((i) => results[i]?.outcome === 'timeout' && (verdicts[i] === true || options.deny === 'reject'));
  if (retry.length > 0) {
    const again = await dataplane.probe(retry.map((i) => probes[i] as Probe), { timeoutMs: options.timeoutMs * RETRY_FACTOR });
    retry.forEach((probeIndex, k) => (results[probeIndex] = again[k] ?? { outcome: 'error', error: 'no result' }));
  }
  return results;
}

export type RunOutcome = { readonly kind: 'probed'; readonly plan: LabPlan; readonly report: ProbeReport } | Exclude<UpOutcome, { kind: 'up' }>;

/** `lab run`: up, probe, down; the lab is removed however this ends (error, signal). */
export async function labRun(cluster: Cluster, options: LabOptions, request: ProbeRequest): Promise<RunOutcome> {
  const up = await labUp(cluster, options);
  if (up.kind !== 'up') return up;
  try {
    const report = await withSignalCleanup(async () => labProbe(up.plan, up.dataplane, request), () => removeLab(options.name));
    return { kind: 'probed', plan: up.plan, report };
  } finally {
    await up.dataplane.close({ remove: true });
  }
}

/** `lab down`: one lab by name, or every lab and leftover (`--all`). */
export function labDown(target: { readonly name: string } | { readonly all: true }): Promise<Removed> {
  return 'all' in target ? removeAllLabs() : removeLab(target.name);
}

// The kernel-vs-engine loop shared by the differential test and the soak: one lab of the random
// clusters' shape, built once; per cluster only the identities and the rulesets change (each
// pod's table replaced atomically), then every (source, destination, port) is probed and compared
// with evaluate().
import type { Cluster, Pod } from '../../src/model/cluster.js';
import { podId } from '../../src/model/cluster.js';
import type { Protocol } from '../../src/model/common.js';
import { removeLab } from '../../src/lab/cleanup.js';
import { probeWithRetry } from '../../src/lab/lab.js';
import { compareResults, engineVerdicts, summarize } from '../../src/lab/compare.js';
import type { ComparisonRow, ComparisonSummary } from '../../src/lab/compare.js';
import type { Dataplane, PortRef } from '../../src/lab/dataplane.js';
import { buildNetnsLab } from '../../src/lab/netns-dataplane.js';
import { TABLE_PREFIX, renderPodRuleset } from '../../src/lab/nft-render.js';
import type { DenyAction } from '../../src/lab/nft-render.js';
import { planProbes } from '../../src/lab/probe-plan.js';
import { claimStateDir, stateDirOf } from '../../src/lab/state.js';
import { buildTopology } from '../../src/lab/topology.js';
import type { LabHost, Topology } from '../../src/lab/topology.js';
import { EXTERNAL_ADDRESSES, POD_ADDRESSES, PROBE_PORTS } from './random-cluster.js';

/**
 * How a cluster is run: the denial, semantics §5.1's option and ANP semantics §3.3's, given alike
 * to the renderer and the engine.
 */
export interface Variant {
  readonly deny: DenyAction;
  readonly ipBlockMatchesPodIPs: boolean;
  readonly networksMatchPodIPs: boolean;
}

/**
 * Most clusters deny with 'reject' (a denial is seen at once, and a timeout is a fault, not a
 * verdict); every tenth with 'drop', as most plugins and `netwarden lab` by default do. Every fifth
 * (offset 3) has ipBlocks that do not match pod addresses, every seventh (offset 4) cluster-wide
 * `networks` that do not (the engine options; default: they do).
 */
export function variantOf(seed: number): Variant {
  return { deny: seed % 10 === 0 ? 'drop' : 'reject', ipBlockMatchesPodIPs: seed % 5 !== 3, networksMatchPodIPs: seed % 7 !== 4 };
}

export function describeVariant(variant: Variant): string {
  const parts = [`deny ${variant.deny}`];
  if (!variant.ipBlockMatchesPodIPs) parts.push('ipBlocks do not match pods');
  if (!variant.networksMatchPodIPs) parts.push('networks do not match pods');
  return parts.join(', ');
}

export interface ClusterOutcome {
  readonly rows: readonly ComparisonRow[];
  readonly summary: ComparisonSummary;
  /** Slowest answer, to compare with the timeout. */
  readonly slowestAnswerMs: number;
  readonly rulesets: ReadonlyMap<number, string>;
}

export interface Harness {
  readonly topology: Topology;
  /** Protocols the kernel carries here (SCTP only with kernel support and socat). */
  readonly protocols: readonly Protocol[];
  /** Why some protocol is left out, if one is. */
  readonly skipped: readonly string[];
  /** Loads the cluster's rulesets, probes everything, compares with evaluate() (both with the same variant). */
  run(cluster: Cluster, variant: Variant): Promise<ClusterOutcome>;
  close(): Promise<void>;
}

const PREFIXES = ['10.244.0.0/16', 'fd00:10:244::/64', '10.96.0.0/16'];

export async function startHarness(name: string, timeoutMs: number): Promise<Harness> {
  await removeLab(name); // a leftover of an interrupted run
  if (!(await claimStateDir(name))) throw new Error(`cannot claim the state directory of lab ${name}`);
  const hosts = [
    ...POD_ADDRESSES.map((addresses, i) => ({ kind: 'pod' as const, identity: `slot/${i}`, netnsSuffix: `p${i}`, addresses })),
    ...EXTERNAL_ADDRESSES.map((address) => ({ kind: 'external' as const, identity: `external/${address}`, netnsSuffix: `x-${address.replace(/[.:]/g, '-')}`, addresses: [address] })),
  ];
  const topology = buildTopology(name, hosts, PREFIXES);
  let built;
  try {
    const listen = new Map(topology.hosts.map((host) => [host.index, PROBE_PORTS]));
    built = await buildNetnsLab(topology, { stateDir: stateDirOf(name), listen, etcFiles: new Map() });
  } catch (error) {
    await removeLab(name);
    throw error;
  }
  const failed = new Set([...built.failed.values()].flat().map((p) => p.protocol));
  const protocols = (['TCP', 'UDP', 'SCTP'] as const).filter((p) => !failed.has(p));
  const skipped = [...failed].map((p) => `${p} probes left out: this machine cannot listen on ${p} (kernel module or socat missing)`);
  return harness(topology, built.dataplane, protocols, skipped, timeoutMs);
}

function harness(topology: Topology, dataplane: Dataplane, protocols: readonly Protocol[], skipped: readonly string[], timeoutMs: number): Harness {
  const ports: PortRef[] = PROBE_PORTS.filter((p) => protocols.includes(p.protocol));
  const table = `${TABLE_PREFIX}${topology.name}`;
  return {
    topology,
    protocols,
    skipped,
    async run(cluster, variant) {
      if (cluster.pods.length !== POD_ADDRESSES.length) throw new Error('a cluster of another shape');
      const bound: Topology = { ...topology, hosts: topology.hosts.map((h) => (h.kind === 'pod' ? bindPod(h, cluster.pods[h.index]) : h)) };
      const { deny } = variant;
      const rulesets = new Map(cluster.pods.map((pod, i) => [i, renderPodRuleset(cluster, pod, [], { table, ...variant })]));
      await dataplane.identify(new Map(bound.hosts.map((h) => [h.index, h.identity])));
      await dataplane.apply(rulesets);
      const { probes } = planProbes(cluster, bound, { protocols, ports });
      const verdicts = engineVerdicts(cluster, bound, probes, variant);
      const results = await probeWithRetry(dataplane, probes, verdicts, { timeoutMs, deny });
      const rows = compareResults(bound, probes, results, verdicts, deny);
      const slowestAnswerMs = Math.max(0, ...results.filter((r) => r.outcome === 'answered').map((r) => r.millis ?? 0));
      return { rows, summary: summarize(rows), slowestAnswerMs, rulesets };
    },
    async close() {
      await dataplane.close({ remove: true });
    },
  };
}

/**
 * A slot of the lab becomes the cluster's pod: its identity, and those of the slot's addresses the
 * pod has (an IPv4-only cluster's pods are probed over IPv4 only; the IPv6 address stays unused).
 */
function bindPod(host: LabHost, pod: Pod | undefined): LabHost {
  if (pod === undefined) throw new Error(`no pod for slot ${host.index}`);
  const addresses = host.addresses.filter((a) => pod.ips.includes(a));
  if (addresses.length !== pod.ips.length) throw new Error(`${podId(pod)}: addresses ${pod.ips.join(', ')} are not the slot's`);
  return { ...host, identity: podId(pod), addresses };
}

/** A disagreement, with what it takes to see why: the rows, the cluster's policies, the rulesets involved. */
export function describeDisagreements(seed: number, cluster: Cluster, outcome: ClusterOutcome): string {
  const bad = outcome.rows.filter((r) => !r.agree);
  const involved = new Set(bad.flatMap((r) => [r.from, r.to]));
  const lines = [`seed ${seed}: ${bad.length} disagreement(s)`];
  for (const r of bad.slice(0, 20)) lines.push(`  ${r.from} -> ${r.to} (${r.address}) ${r.protocol}/${r.port}: kernel ${r.observed}${r.detail === undefined ? '' : ` (${r.detail})`}, engine ${r.engineAllows ? 'allowed' : 'denied'}`);
  lines.push('pods:', ...cluster.pods.map((p) => `  ${podId(p)} ${JSON.stringify(p.labels)} ${p.ips.join(' ')} ports ${JSON.stringify(p.ports)}`));
  lines.push('namespaces:', ...cluster.namespaces.map((n) => `  ${n.name} ${JSON.stringify(n.labels)}`));
  lines.push('policies:', ...cluster.policies.map((p) => `  ${JSON.stringify({ ns: p.namespace, name: p.name, podSelector: p.podSelector, policyTypes: p.policyTypes, ingress: p.ingress, egress: p.egress }, (k, v: unknown) => (k === 'source' ? undefined : v))}`));
  lines.push('cluster-wide policies:', ...(cluster.clusterPolicies ?? []).map((p) => `  ${JSON.stringify({ kind: p.kind, name: p.name, tier: p.tier, priority: p.priority, subject: p.subject, ingress: p.ingress, egress: p.egress }, (k, v: unknown) => (k === 'source' ? undefined : v))}`));
  cluster.pods.forEach((p, i) => {
    if (involved.has(podId(p))) lines.push(`ruleset of ${podId(p)}:`, outcome.rulesets.get(i) ?? '');
  });
  return lines.join('\n');
}

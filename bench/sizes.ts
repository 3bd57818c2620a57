// The sizes the benchmark runs: the main table (up to the 100,000 pods / 10,000 policies
// / 2,000 namespaces) and two doubling series, in a full and a quick (CI) plan.

import type { ManifestFormat } from './generate/write-manifests.js';

export interface BenchSize {
  readonly namespaces: number;
  readonly pods: number;
  readonly policies: number;
  /** >1: the cluster of pods / replicaScale pods with every replica count multiplied (same workloads). */
  readonly replicaScale?: number;
}

export type SeriesId = 'main' | 'pods' | 'replicas' | 'policies';
export const SERIES_IDS: readonly SeriesId[] = ['main', 'pods', 'replicas', 'policies'];

export interface Series {
  readonly id: SeriesId;
  readonly title: string;
  readonly sizes: readonly BenchSize[];
  readonly formats: readonly ManifestFormat[];
}

export type PlanName = 'full' | 'quick';

const size = (pods: number, policies: number, namespaces: number): BenchSize => ({ pods, policies, namespaces });

/** The same workloads and policies with every replica count × scale. */
function replicated(base: BenchSize, scales: readonly number[]): BenchSize[] {
  return scales.map((scale) => (scale === 1 ? base : { ...base, pods: base.pods * scale, replicaScale: scale }));
}

function doubling(from: number, steps: number): number[] {
  return Array.from({ length: steps }, (_, i) => from * 2 ** i);
}

const FULL: readonly Series[] = [
  {
    id: 'main',
    title: 'Sizes up to the target (workload-level JSON map)',
    sizes: [size(1_000, 100, 20), size(10_000, 1_000, 200), size(25_000, 2_500, 500), size(50_000, 5_000, 1_000), size(100_000, 10_000, 2_000)],
    formats: ['yaml', 'json'],
  },
  {
    id: 'pods',
    title: 'Pods doubling through more workloads per namespace, same 1,000 policies and 200 namespaces',
    sizes: doubling(3_125, 6).map((pods) => size(pods, 1_000, 200)),
    formats: ['yaml'],
  },
  {
    id: 'replicas',
    title: 'Pods doubling through more replicas, same workloads, 1,000 policies and 200 namespaces',
    sizes: replicated(size(12_500, 1_000, 200), [1, 2, 4, 8]),
    formats: ['yaml'],
  },
  {
    id: 'policies',
    title: 'Policies doubling, same 10,000 pods and 200 namespaces',
    sizes: doubling(625, 5).map((policies) => size(10_000, policies, 200)),
    formats: ['yaml'],
  },
];

const QUICK: readonly Series[] = [
  { id: 'main', title: 'Quick sizes (workload-level JSON map)', sizes: [size(1_000, 100, 20), size(4_000, 400, 80)], formats: ['yaml', 'json'] },
  {
    id: 'pods',
    title: 'Pods doubling through more workloads per namespace, same 200 policies and 40 namespaces',
    sizes: doubling(1_000, 3).map((pods) => size(pods, 200, 40)),
    formats: ['yaml'],
  },
  {
    id: 'replicas',
    title: 'Pods doubling through more replicas, same workloads, 200 policies and 40 namespaces',
    sizes: replicated(size(1_000, 200, 40), [1, 2, 4]),
    formats: ['yaml'],
  },
  {
    id: 'policies',
    title: 'Policies doubling, same 2,000 pods and 40 namespaces',
    sizes: doubling(100, 3).map((policies) => size(2_000, policies, 40)),
    formats: ['yaml'],
  },
];

export const PLANS: Readonly<Record<PlanName, readonly Series[]>> = { full: FULL, quick: QUICK };

/** "100k pods / 10k policies / 2k ns" */
export function sizeLabel(s: BenchSize): string {
  const replicas = s.replicaScale === undefined ? '' : ` (replicas ×${s.replicaScale})`;
  return `${short(s.pods)} pods${replicas} / ${short(s.policies)} policies / ${short(s.namespaces)} ns`;
}

function short(n: number): string {
  if (n >= 1000 && n % 1000 === 0) return `${n / 1000}k`;
  if (n >= 1000 && n % 100 === 0) return `${n / 1000}k`;
  return n.toLocaleString('en-US');
}

export function sizeKey(s: BenchSize, format: ManifestFormat): string {
  const replicas = s.replicaScale === undefined ? '' : `-x${s.replicaScale}`;
  return `${s.pods}-${s.policies}-${s.namespaces}${replicas}-${format}`;
}

import { classConnectivity, compileCluster } from '../../engine/index.js';
import type { ClassConnectivity, CompiledCluster } from '../../engine/index.js';
import { loadSources } from '../../load/index.js';
import type { LoadIO } from '../../load/index.js';
import type { Cluster } from '../../model/cluster.js';
import { formatProblem } from '../../model/problem.js';
import type { LoadProblem } from '../../model/problem.js';
import type { ClusterView, MapLevel, ProblemView } from '../api-types.js';
import { buildClusterIndex, isolationOf } from './cluster-index.js';
import type { ClusterIndex } from './cluster-index.js';
import { policyViews } from './policy-views.js';
import { SourceTexts } from './source-texts.js';

/** Above this many workloads the map opens at namespace level (docs/dashboard.md). */
export const WORKLOAD_LEVEL_LIMIT = 500;
/** Above this many pods in total, /api/cluster leaves out each workload's pod names. */
export const POD_LIST_LIMIT = 2000;

/** One load of the inputs and everything computed from it up front. */
export interface Snapshot {
  readonly generation: number;
  readonly inputs: readonly string[];
  readonly namespace: string;
  readonly cluster: Cluster;
  readonly problems: readonly LoadProblem[];
  readonly compiled: CompiledCluster;
  readonly classLevel: ClassConnectivity;
  readonly index: ClusterIndex;
  readonly texts: SourceTexts;
  readonly defaultLevel: Exclude<MapLevel, 'pod'>;
  readonly clusterView: ClusterView;
  /** Whether an input could not be read at all (the CLI exits 2 for that). */
  readonly unreadable: boolean;
}

export interface LoadRequest {
  readonly inputs: readonly string[];
  readonly namespace: string;
  readonly generation: number;
  readonly loadIO?: LoadIO;
  /** Standard input as read by the previous load: `-` is read once. */
  readonly stdin?: Buffer;
}

export async function loadSnapshot(request: LoadRequest): Promise<Snapshot> {
  const texts = new SourceTexts(request.stdin);
  const { cluster, problems } = await loadSources([...request.inputs], { defaultNamespace: request.namespace }, texts.recordingIO(request.loadIO));
  return snapshotOf(cluster, problems, texts, request);
}

/** Computes the class-level connectivity and the cluster view of a loaded (or edited) cluster. */
export function snapshotOf(
  cluster: Cluster,
  problems: readonly LoadProblem[],
  texts: SourceTexts,
  request: Pick<LoadRequest, 'inputs' | 'namespace' | 'generation'>,
): Snapshot {
  const compiled = compileCluster(cluster);
  const classLevel = classConnectivity(compiled);
  const index = buildClusterIndex(compiled, classLevel);
  const defaultLevel = index.workloads.length <= WORKLOAD_LEVEL_LIMIT ? 'workload' : 'namespace';
  const base = { generation: request.generation, inputs: request.inputs, namespace: request.namespace, cluster, problems, compiled, classLevel, index, texts, defaultLevel } as const;
  const unreadable = problems.some((p) => p.severity === 'error' && p.kind === 'io');
  return { ...base, clusterView: clusterView(base), unreadable };
}

export function problemView(problem: LoadProblem): ProblemView {
  return {
    severity: problem.severity,
    file: problem.file,
    ...(problem.line > 0 ? { line: problem.line } : {}),
    ...(problem.fieldPath ? { field: problem.fieldPath } : {}),
    message: problem.message,
    text: formatProblem(problem),
  };
}

function clusterView(s: Omit<Snapshot, 'clusterView' | 'unreadable'>): ClusterView {
  const { cluster, index, classLevel } = s;
  const withPods = cluster.pods.length <= POD_LIST_LIMIT;
  const namespaceTally = new Map<string, { pods: number; workloads: number }>();
  const tally = (ns: string) => namespaceTally.get(ns) ?? namespaceTally.set(ns, { pods: 0, workloads: 0 }).get(ns)!;
  const workloads = index.workloads.map((w) => {
    const t = tally(w.namespace);
    t.pods += w.pods.length;
    t.workloads++;
    return {
      id: w.id,
      kind: w.kind,
      namespace: w.namespace,
      name: w.name,
      labels: { ...w.labels },
      podCount: w.pods.length,
      ...(withPods ? { pods: w.pods.map((p) => cluster.pods[p]!.name) } : {}),
      isolated: isolationOf(w.pods, classLevel.classOfPod, index),
    };
  });
  const names = [...new Set([...cluster.namespaces.map((n) => n.name), ...namespaceTally.keys()])].sort();
  const labelsOf = new Map(cluster.namespaces.map((n) => [n.name, n.labels]));
  const policies = policyViews(cluster, index, s.texts);
  return {
    version: 1,
    generation: s.generation,
    sources: [...s.inputs],
    counts: {
      namespaces: names.length,
      pods: cluster.pods.length,
      workloads: workloads.length,
      policies: cluster.policies.length,
      clusterPolicies: cluster.clusterPolicies?.length ?? 0,
    },
    problems: s.problems.map(problemView),
    namespaces: names.map((name) => ({ name, labels: { ...(labelsOf.get(name) ?? {}) }, podCount: tally(name).pods, workloadCount: tally(name).workloads })),
    workloads,
    policies,
  };
}

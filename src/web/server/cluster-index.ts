import { workloadEndpoint } from '../../engine/index.js';
import type { ClassConnectivity, CompiledCluster } from '../../engine/index.js';
import type { Labels } from '../../model/common.js';

/** The pods of one workload-level map endpoint (a workload, or a pod without one). */
export interface WorkloadEntry {
  readonly id: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  /** Indexes into cluster.pods. */
  readonly pods: readonly number[];
}

/** Lookups the views share, built once per load from the class-level connectivity. */
export interface ClusterIndex {
  /** By id, as the workload-level map orders its endpoints. */
  readonly workloads: readonly WorkloadEntry[];
  readonly workloadById: ReadonlyMap<string, WorkloadEntry>;
  /** Pod id (ns/name) -> index into cluster.pods. */
  readonly podIndex: ReadonlyMap<string, number>;
  /** Per class: whether a NetworkPolicy selects its pods for ingress / egress (semantics §4). */
  readonly classIsolation: readonly { readonly ingress: boolean; readonly egress: boolean }[];
  /** Policy object (NetworkPolicy or cluster-wide policy) -> the classes it selects. */
  readonly classesOfPolicy: ReadonlyMap<unknown, readonly number[]>;
  /** Per class: its pods (indexes into cluster.pods). */
  readonly podsOfClass: readonly (readonly number[])[];
  /** Per pod: index into `workloads`. */
  readonly workloadOfPod: Int32Array;
}

export function buildClusterIndex(compiled: CompiledCluster, classLevel: ClassConnectivity): ClusterIndex {
  const { pods } = compiled.cluster;
  const byId = new Map<string, { id: string; kind: string; namespace: string; name: string; labels: Labels; pods: number[] }>();
  const podIndex = new Map<string, number>();
  pods.forEach((pod, i) => {
    podIndex.set(`${pod.namespace}/${pod.name}`, i);
    const endpoint = workloadEndpoint(pod);
    let entry = byId.get(endpoint.id);
    if (entry === undefined) {
      entry = { id: endpoint.id, kind: endpoint.kind, namespace: endpoint.namespace, name: endpoint.name, labels: pod.labels, pods: [] };
      byId.set(endpoint.id, entry);
    }
    entry.pods.push(i);
  });
  const workloads = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const classesOfPolicy = new Map<unknown, number[]>();
  for (const c of classLevel.classes) {
    const selecting = new Set<unknown>();
    for (const p of [...c.ingressPolicies, ...c.egressPolicies]) selecting.add(p.policy);
    for (const p of [...c.ingressClusterPolicies, ...c.egressClusterPolicies]) selecting.add(p.policy);
    for (const policy of selecting) {
      const list = classesOfPolicy.get(policy);
      if (list === undefined) classesOfPolicy.set(policy, [c.id]);
      else list.push(c.id);
    }
  }
  const classIsolation = classLevel.classes.map((c) => ({ ingress: c.ingressPolicies.length > 0, egress: c.egressPolicies.length > 0 }));
  const podsOfClass: number[][] = classLevel.classes.map(() => []);
  classLevel.classOfPod.forEach((c, pod) => podsOfClass[c]!.push(pod));
  const workloadOfPod = new Int32Array(pods.length);
  workloads.forEach((w, i) => w.pods.forEach((p) => (workloadOfPod[p] = i)));
  const workloadById = new Map(workloads.map((w) => [w.id, w]));
  return { workloads, workloadById, podIndex, classIsolation, classesOfPolicy, podsOfClass, workloadOfPod };
}

/** Isolated for a direction when every pod is: a workload or namespace is "isolated" only as a whole. */
export function isolationOf(pods: readonly number[], classOfPod: Int32Array, index: ClusterIndex): { ingress: boolean; egress: boolean } {
  let ingress = pods.length > 0;
  let egress = pods.length > 0;
  for (const p of pods) {
    const isolation = index.classIsolation[classOfPod[p]!]!;
    ingress &&= isolation.ingress;
    egress &&= isolation.egress;
    if (!ingress && !egress) break;
  }
  return { ingress, egress };
}

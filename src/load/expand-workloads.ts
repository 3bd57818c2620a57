// Workloads -> the pods they stand for, without counting any pod twice.
//
// A workload whose pods are in the input (a Pod's controlling owner is the workload, or a
// ReplicaSet/Job that the workload controls) is represented by those real pods and not expanded;
// its `replicas` is the number of real pods. A workload controlled by another workload of the
// input is represented by that owner. Every other workload becomes `replicas` pods named
// `<workload>-<i>` (StatefulSet naming), with the template's labels and ports and no IPs.

import type { OwnerRef, Pod, Workload } from '../model/cluster.js';
import { podId } from '../model/cluster.js';
import type { ProblemSink } from './problem-sink.js';
import type { WorkloadObject } from './decode-workload.js';

/** Beyond this, a workload is expanded partially (with a warning) to keep memory bounded. */
export const MAX_PODS_PER_WORKLOAD = 10_000;

export interface Expansion {
  readonly pods: readonly Pod[];
  readonly workloads: readonly Workload[];
}

function keyOf(kind: string, namespace: string, name: string): string {
  return `${kind}\u0000${namespace}\u0000${name}`;
}

function workloadKey(w: Workload): string {
  return keyOf(w.kind, w.namespace, w.name);
}

export function expandWorkloads(realPods: readonly Pod[], objects: readonly WorkloadObject[], sink: ProblemSink): Expansion {
  const byKey = new Map(objects.map((o) => [workloadKey(o.workload), o]));
  const parentOf = (key: string): string | undefined => {
    const object = byKey.get(key);
    if (object?.owner === undefined) return undefined;
    const parent = keyOf(object.owner.kind, object.workload.namespace, object.owner.name);
    return byKey.has(parent) ? parent : undefined;
  };
  const realCount = countRealPods(realPods, byKey, parentOf);
  const taken = new Set(realPods.map(podId));
  const pods: Pod[] = [...realPods];
  const workloads: Workload[] = [];
  for (const object of objects) {
    const key = workloadKey(object.workload);
    const real = realCount.get(key) ?? 0;
    if (real > 0 || parentOf(key) !== undefined) {
      workloads.push({ ...object.workload, replicas: real });
      continue;
    }
    const generated = generatePods(object, taken, sink);
    pods.push(...generated);
    workloads.push({ ...object.workload, replicas: generated.length });
  }
  return { pods, workloads };
}

/** Real pods per workload, counted at every workload up the controller chain. */
function countRealPods(
  pods: readonly Pod[],
  byKey: ReadonlyMap<string, WorkloadObject>,
  parentOf: (key: string) => string | undefined,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const pod of pods) {
    let key = pod.owner && ownerKey(pod, pod.owner, byKey);
    for (let depth = 0; key !== undefined && depth < 8; depth++) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
      key = parentOf(key);
    }
  }
  return counts;
}

/**
 * The workload of the input that controls a pod. When the direct owner is not in the input,
 * recognise the names controllers generate: a Deployment's ReplicaSet is
 * `<deployment>-<pod-template-hash>`, a CronJob's Job is `<cronjob>-<scheduled time>`.
 */
function ownerKey(pod: Pod, owner: OwnerRef, byKey: ReadonlyMap<string, WorkloadObject>): string | undefined {
  const direct = keyOf(owner.kind, pod.namespace, owner.name);
  if (byKey.has(direct)) return direct;
  const hash = pod.labels['pod-template-hash'];
  if (owner.kind === 'ReplicaSet' && hash !== undefined && owner.name.endsWith(`-${hash}`)) {
    const deployment = keyOf('Deployment', pod.namespace, owner.name.slice(0, -(hash.length + 1)));
    if (byKey.has(deployment)) return deployment;
  }
  const scheduled = /^(.+)-\d+$/.exec(owner.name);
  if (owner.kind === 'Job' && scheduled?.[1] !== undefined) {
    const cronJob = keyOf('CronJob', pod.namespace, scheduled[1]);
    if (byKey.has(cronJob)) return cronJob;
  }
  return undefined;
}

function generatePods(object: WorkloadObject, taken: Set<string>, sink: ProblemSink): Pod[] {
  const { workload } = object;
  const source = workload.source ?? { file: '', line: 0 };
  const count = Math.min(workload.replicas, MAX_PODS_PER_WORKLOAD);
  if (workload.replicas > count) {
    sink.warning({ file: source.file, path: '', line: source.line }, 'schema',
      `${workload.kind} ${workload.namespace}/${workload.name}: expanding only ${count} of ${workload.replicas} replicas`);
  }
  const pods: Pod[] = [];
  for (let i = 0; i < count; i++) {
    const pod: Pod = {
      namespace: workload.namespace,
      name: `${workload.name}-${i}`,
      labels: workload.podLabels,
      ports: workload.ports,
      ips: [],
      hostNetwork: object.hostNetwork,
      owner: { kind: workload.kind, name: workload.name },
      source,
    };
    if (taken.has(podId(pod))) {
      sink.warning({ file: source.file, path: '', line: source.line }, 'schema',
        `${workload.kind} ${workload.namespace}/${workload.name}: pod name ${pod.name} is already used by a Pod of the input; that replica is left out`);
      continue;
    }
    taken.add(podId(pod));
    pods.push(pod);
  }
  return pods;
}

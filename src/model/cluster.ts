import type { Labels, Protocol } from './common.js';
import type { SourceRef } from './source.js';
import type { NetworkPolicy } from './network-policy.js';
import type { ClusterPolicy } from './cluster-policy.js';

export interface Namespace {
  readonly name: string;
  /** Always includes kubernetes.io/metadata.name=<name>, as the API server sets it. */
  readonly labels: Labels;
  /** false when the namespace was only referenced by another object, not declared. */
  readonly declared: boolean;
  readonly source?: SourceRef;
}

export interface ContainerPort {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol: Protocol;
}

/** The direct controller of a pod (ownerReferences[controller=true]) or the workload it was expanded from. */
export interface OwnerRef {
  readonly kind: string;
  readonly name: string;
}

export interface Pod {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly ports: readonly ContainerPort[];
  /** status.podIPs / status.podIP; empty when unknown (e.g. expanded from a workload template). */
  readonly ips: readonly string[];
  readonly hostNetwork: boolean;
  /** Workload this pod belongs to, if any. */
  readonly owner?: OwnerRef;
  readonly source?: SourceRef;
}

export const WORKLOAD_KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** Workload kinds as written on a command line or in an intent file: lowercase, and kubectl's short names. */
export const WORKLOAD_KIND_WORDS: ReadonlyMap<string, WorkloadKind> = new Map<string, WorkloadKind>([
  ...WORKLOAD_KINDS.map((kind) => [kind.toLowerCase(), kind] as const),
  ['deploy', 'Deployment'],
  ['sts', 'StatefulSet'],
  ['ds', 'DaemonSet'],
  ['rs', 'ReplicaSet'],
  ['rc', 'ReplicationController'],
  ['cj', 'CronJob'],
]);

export interface Workload {
  readonly namespace: string;
  readonly kind: WorkloadKind;
  readonly name: string;
  /** Labels of the pod template. */
  readonly podLabels: Labels;
  readonly ports: readonly ContainerPort[];
  /** Number of pods this workload was expanded into. */
  readonly replicas: number;
  readonly source?: SourceRef;
}

export interface ServicePort {
  readonly name?: string;
  readonly port: number;
  /** A number, or the name of a container port of the selected pods. */
  readonly targetPort: number | string;
  readonly protocol: Protocol;
}

export interface Service {
  readonly namespace: string;
  readonly name: string;
  /** undefined: a Service without selector (endpoints managed elsewhere). */
  readonly selector?: Labels;
  readonly ports: readonly ServicePort[];
  readonly clusterIP?: string;
  readonly source?: SourceRef;
}

/** The analysed world: everything downstream of `load` reads only this. */
export interface Cluster {
  readonly namespaces: readonly Namespace[];
  readonly pods: readonly Pod[];
  readonly workloads: readonly Workload[];
  readonly services: readonly Service[];
  readonly policies: readonly NetworkPolicy[];
  /**
   * AdminNetworkPolicy, BaselineAdminNetworkPolicy and ClusterNetworkPolicy objects, in input order
   * (the engine orders them by tier and priority). The loader always sets it; absent means none.
   */
  readonly clusterPolicies?: readonly ClusterPolicy[];
}

export function podId(pod: { namespace: string; name: string }): string {
  return `${pod.namespace}/${pod.name}`;
}

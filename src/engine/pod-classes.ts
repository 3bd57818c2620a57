import type { Pod } from '../model/cluster.js';
import type { Direction } from '../model/common.js';
import type { CompiledCluster, CompiledPolicy } from './compile.js';
import type { CompiledClusterPolicy } from './compile-cluster-policies.js';
import { clusterPolicySelects } from './cluster-match.js';
import { selectingPolicies } from './evaluate.js';
import type { ExternalAtom } from './external-atoms.js';
import { atomIndexOf } from './external-atoms.js';

/**
 * Pods that no policy can tell apart: same namespace (so the same namespace labels, which
 * cluster-wide subjects and peers select on), labels, container ports, hostNetwork and (when
 * ipBlocks or `networks` see pod IPs) the same IP atoms. Connectivity is computed once per class.
 */
export interface PodClass {
  readonly id: number;
  readonly representative: Pod;
  readonly egressPolicies: readonly CompiledPolicy[];
  readonly ingressPolicies: readonly CompiledPolicy[];
  /** Cluster-wide policies selecting the class with egress rules: admin tier, then baseline, each in order. */
  readonly egressClusterPolicies: readonly CompiledClusterPolicy[];
  readonly ingressClusterPolicies: readonly CompiledClusterPolicy[];
}

export interface PodClasses {
  readonly classes: readonly PodClass[];
  /** Class id of each pod, in cluster.pods order. */
  readonly classOfPod: Int32Array;
}

export function podClasses(compiled: CompiledCluster, atoms: readonly ExternalAtom[]): PodClasses {
  const pods = compiled.cluster.pods;
  const idByKey = new Map<string, number>();
  const classes: PodClass[] = [];
  const classOfPod = new Int32Array(pods.length);
  const withIPs = podIPsMatter(compiled);
  let previous: Pod | undefined;
  pods.forEach((pod, index) => {
    // The pods of one workload come one after another and share their template's objects: such a
    // pod (without addresses that could set it apart) is in its predecessor's class.
    if (previous !== undefined && samePodTemplate(previous, pod)) {
      classOfPod[index] = classOfPod[index - 1]!;
      return;
    }
    previous = pod;
    const key = classKey(pod, atoms, withIPs);
    let id = idByKey.get(key);
    if (id === undefined) {
      id = classes.length;
      idByKey.set(key, id);
      classes.push({
        id,
        representative: pod,
        egressPolicies: selectingPolicies(compiled, pod, 'egress'),
        ingressPolicies: selectingPolicies(compiled, pod, 'ingress'),
        egressClusterPolicies: selectingClusterPolicies(compiled, pod, 'egress'),
        ingressClusterPolicies: selectingClusterPolicies(compiled, pod, 'ingress'),
      });
    }
    classOfPod[index] = id;
  });
  return { classes, classOfPod };
}

function selectingClusterPolicies(compiled: CompiledCluster, pod: Pod, direction: Direction): CompiledClusterPolicy[] {
  const { admin, baseline } = compiled.tiers;
  return [...admin, ...baseline].filter((p) => p[direction].length > 0 && clusterPolicySelects(compiled, p, pod));
}

/** Whether pod IPs can matter: ipBlocks see them, or `networks` peers exist and see them. */
function podIPsMatter(compiled: CompiledCluster): boolean {
  if (compiled.options.ipBlockMatchesPodIPs) return true;
  if (!compiled.options.networksMatchPodIPs) return false;
  return [...compiled.tiers.admin, ...compiled.tiers.baseline].some((p) =>
    p.egress.some((rule) => rule.peers.some((peer) => peer.kind === 'networks')),
  );
}

function samePodTemplate(a: Pod, b: Pod): boolean {
  return (
    a.labels === b.labels &&
    a.ports === b.ports &&
    a.namespace === b.namespace &&
    a.hostNetwork === b.hostNetwork &&
    a.ips.length === 0 &&
    b.ips.length === 0
  );
}

function classKey(pod: Pod, atoms: readonly ExternalAtom[], withIPs: boolean): string {
  const labels = Object.keys(pod.labels)
    .sort()
    .map((k) => `${k}=${pod.labels[k]}`)
    .join('\u0001');
  const ports = pod.ports
    .map((p) => `${p.name ?? ''}:${p.containerPort}/${p.protocol}`)
    .sort()
    .join(',');
  const ipAtoms = withIPs
    ? [...new Set(pod.ips.map((ip) => atomIndexOf(atoms, ip)))].sort((a, b) => a - b).join(',')
    : '';
  return [pod.namespace, labels, ports, pod.hostNetwork ? 'h' : '', ipAtoms].join('\u0000');
}

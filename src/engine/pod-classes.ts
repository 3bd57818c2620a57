import type { Pod } from '../model/cluster.js';
import type { CompiledCluster, CompiledPolicy } from './compile.js';
import { selectingPolicies } from './evaluate.js';
import type { ExternalAtom } from './external-atoms.js';
import { atomIndexOf } from './external-atoms.js';

/**
 * Pods that no policy can tell apart: same namespace, labels, container ports, hostNetwork and
 * (when ipBlocks see pod IPs) the same IP atoms. Connectivity is computed once per class.
 */
export interface PodClass {
  readonly id: number;
  readonly representative: Pod;
  readonly egressPolicies: readonly CompiledPolicy[];
  readonly ingressPolicies: readonly CompiledPolicy[];
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
  pods.forEach((pod, index) => {
    const key = classKey(compiled, pod, atoms);
    let id = idByKey.get(key);
    if (id === undefined) {
      id = classes.length;
      idByKey.set(key, id);
      classes.push({
        id,
        representative: pod,
        egressPolicies: selectingPolicies(compiled, pod, 'egress'),
        ingressPolicies: selectingPolicies(compiled, pod, 'ingress'),
      });
    }
    classOfPod[index] = id;
  });
  return { classes, classOfPod };
}

function classKey(compiled: CompiledCluster, pod: Pod, atoms: readonly ExternalAtom[]): string {
  const labels = Object.keys(pod.labels)
    .sort()
    .map((k) => `${k}=${pod.labels[k]}`)
    .join('\u0001');
  const ports = pod.ports
    .map((p) => `${p.name ?? ''}:${p.containerPort}/${p.protocol}`)
    .sort()
    .join(',');
  const ipAtoms = compiled.options.ipBlockMatchesPodIPs
    ? [...new Set(pod.ips.map((ip) => atomIndexOf(atoms, ip)))].sort((a, b) => a - b).join(',')
    : '';
  return [pod.namespace, labels, ports, pod.hostNetwork ? 'h' : '', ipAtoms].join('\u0000');
}

// Pods that every policy treats alike: same namespace, labels, container ports, hostNetwork and IPs.
// Checks that evaluate pods one by one evaluate one pod per shape.

import type { Pod } from '../../model/cluster.js';

/** Two pods with the same key are indistinguishable to every selector, port and ipBlock. */
export function podShapeKey(pod: Pod): string {
  const labels = Object.keys(pod.labels)
    .sort()
    .map((key) => `${key}=${pod.labels[key]}`)
    .join('\u0001');
  const ports = pod.ports
    .map((p) => `${p.name ?? ''}:${p.containerPort}/${p.protocol}`)
    .sort()
    .join(',');
  return [pod.namespace, labels, ports, pod.hostNetwork ? 'h' : '', [...pod.ips].sort().join(',')].join('\u0000');
}

/** At most `perShape` pods of each shape, in input order. */
export function podsPerShape(pods: readonly Pod[], perShape: number): Pod[] {
  const seen = new Map<string, number>();
  return pods.filter((pod) => {
    const key = podShapeKey(pod);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n < perShape;
  });
}

/** Pods grouped by shape, groups in the order of their first pod; every group is non-empty. */
export function podsByShape(pods: readonly Pod[]): Pod[][] {
  const groups = new Map<string, Pod[]>();
  for (const pod of pods) {
    const key = podShapeKey(pod);
    const group = groups.get(key);
    if (group) group.push(pod);
    else groups.set(key, [pod]);
  }
  return [...groups.values()];
}

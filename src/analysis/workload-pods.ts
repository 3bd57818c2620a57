// Which pods a workload or a Service stands for: shared by `eval` (which picks the first) and the
// intent tests (which check them all).
import type { Labels } from '../model/common.js';
import type { LabelSelector } from '../model/label-selector.js';
import type { Cluster, Pod, Service, Workload } from '../model/cluster.js';
import { selectorMatches } from '../algebra/label-selector.js';

/**
 * The pods a workload controls directly, else (real pods owned through a ReplicaSet or Job that is
 * not itself given) the namespace's pods carrying every label of the workload's pod template.
 */
export function workloadPods(cluster: Cluster, workload: Workload): Pod[] {
  const inNamespace = cluster.pods.filter((p) => p.namespace === workload.namespace);
  const owned = inNamespace.filter((p) => p.owner?.kind === workload.kind && p.owner.name === workload.name);
  if (owned.length > 0) return owned;
  if (Object.keys(workload.podLabels).length === 0) return [];
  const template = labelsSelector(workload.podLabels);
  return inNamespace.filter((p) => p.owner !== undefined && selectorMatches(template, p.labels));
}

/** The pods of the Service's namespace that its selector selects; none without a selector. */
export function serviceBackends(cluster: Cluster, service: Service): Pod[] {
  const selector = service.selector;
  if (selector === undefined || Object.keys(selector).length === 0) return [];
  const backends = labelsSelector(selector);
  return cluster.pods.filter((p) => p.namespace === service.namespace && selectorMatches(backends, p.labels));
}

/** By name, numbers compared as numbers (web-2 before web-10), so that "first" is what a reader expects. */
export function sortByName(pods: readonly Pod[]): Pod[] {
  return [...pods].sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}

/** `ns/kind/name`, kind in lowercase, as the map and the command line write a workload. */
export function workloadId(workload: Pick<Workload, 'namespace' | 'kind' | 'name'>): string {
  return `${workload.namespace}/${workload.kind.toLowerCase()}/${workload.name}`;
}

/** The selector `matchLabels: labels`, as a Service's or a pod template's labels select pods. */
function labelsSelector(labels: Labels): LabelSelector {
  return { matchLabels: labels, matchExpressions: [] };
}

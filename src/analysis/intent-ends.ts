// The ends an intent's `from` or `to` stands for in the analysed cluster: pods, or ranges of
// addresses outside it that every policy treats alike.
import { assertNever } from '../model/common.js';
import type { Cluster, Pod, Service } from '../model/cluster.js';
import type { NetworkPolicy } from '../model/network-policy.js';
import { selectorMatches } from '../algebra/label-selector.js';
import { labelsOfNamespace } from '../engine/compile.js';
import type { CompiledCluster } from '../engine/compile.js';
import type { ExternalAtom } from '../engine/external-atoms.js';
import { parseCIDR } from '../algebra/cidr.js';
import type { IntentSelector } from './intent.js';
import { serviceBackends, workloadPods } from './workload-pods.js';

export type IntentEnd =
  | { readonly kind: 'pod'; readonly id: string; readonly pod: Pod }
  /** A range outside the cluster, evaluated at its first address (`ip`). */
  | { readonly kind: 'range'; readonly id: string; readonly ip: string };

export type EndsResult =
  /** `service`: when the selector named a Service (its ports resolve the intent's port). */
  | { readonly ok: true; readonly ends: readonly IntentEnd[]; readonly service?: Service }
  | { readonly ok: false; readonly error: string };

/** No pod has this namespace: it is not a DNS label. */
const BOUNDARY_NAMESPACE = 'netwarden:intent-ranges';

/**
 * The cluster plus one policy that selects no pod and whose peers are the intents' CIDRs. It
 * changes no verdict, but the external ranges (engine/external-atoms.ts) are then also cut at the
 * intents' boundaries: every range lies wholly inside or outside each intent's CIDR, and an IPv6
 * intent gets IPv6 ranges even when no policy names one.
 */
export function withIntentBoundaries(cluster: Cluster, cidrs: readonly string[]): Cluster {
  if (cidrs.length === 0) return cluster;
  const source = { file: '<intents>', line: 0 };
  const items = cidrs.map((cidr, index) => ({ kind: 'ipBlock' as const, index, cidr, except: [], source }));
  const boundaries: NetworkPolicy = {
    namespace: BOUNDARY_NAMESPACE,
    name: 'intent-ranges',
    podSelector: { matchLabels: {}, matchExpressions: [] },
    policyTypes: ['ingress'],
    ingress: [{ index: 0, peers: { kind: 'list', items }, ports: { kind: 'any' }, source }],
    egress: [],
    source,
    raw: null,
  };
  return { ...cluster, policies: [...cluster.policies, boundaries] };
}

/** The pods (or ranges) `selector` stands for, sorted; an error when it names nothing in the input. */
export function resolveEnds(compiled: CompiledCluster, atoms: readonly ExternalAtom[], selector: IntentSelector): EndsResult {
  const { cluster } = compiled;
  switch (selector.kind) {
    case 'pods': {
      const { namespaces, podSelector } = selector;
      const inNamespaces = (pod: Pod): boolean =>
        namespaces.kind === 'name' ? pod.namespace === namespaces.name : selectorMatches(namespaces.selector, labelsOfNamespace(compiled, pod.namespace));
      return podEnds(cluster.pods.filter((pod) => inNamespaces(pod) && selectorMatches(podSelector, pod.labels)), 'matches no pod in the input');
    }
    case 'workload': {
      const workload = cluster.workloads.find((w) => w.namespace === selector.namespace && w.kind === selector.workloadKind && w.name === selector.name);
      if (workload === undefined) return { ok: false, error: `no ${selector.workloadKind} ${selector.namespace}/${selector.name} in the input` };
      return podEnds(workloadPods(cluster, workload), `${selector.workloadKind} ${selector.namespace}/${selector.name} has no pods`);
    }
    case 'service': {
      const service = cluster.services.find((s) => s.namespace === selector.namespace && s.name === selector.name);
      if (service === undefined) return { ok: false, error: `no Service ${selector.namespace}/${selector.name} in the input` };
      const ends = podEnds(serviceBackends(cluster, service), `Service ${selector.namespace}/${selector.name} selects no pods in the input`);
      return ends.ok ? { ...ends, service } : ends;
    }
    case 'pod': {
      const pod = cluster.pods.find((p) => p.namespace === selector.namespace && p.name === selector.name);
      return pod === undefined ? { ok: false, error: `no pod ${selector.namespace}/${selector.name} in the input` } : podEnds([pod], '');
    }
    case 'ip':
      return { ok: true, ends: rangeEnds(atoms, selector.cidr) };
    default:
      return assertNever(selector);
  }
}

function podEnds(pods: readonly Pod[], ifNone: string): EndsResult {
  if (pods.length === 0) return { ok: false, error: ifNone };
  const sorted = [...pods].sort((a, b) => compareText(a.namespace, b.namespace) || a.name.localeCompare(b.name, 'en', { numeric: true }));
  return { ok: true, ends: sorted.map((pod) => ({ kind: 'pod', id: `${pod.namespace}/${pod.name}`, pod })) };
}

/** The ranges inside `cidr`, in address order (withIntentBoundaries made each wholly inside or outside). */
function rangeEnds(atoms: readonly ExternalAtom[], cidr: string): IntentEnd[] {
  const network = parseCIDR(cidr);
  if (network === undefined) return [];
  return atoms
    .filter((atom) => atom.family === network.family && atom.start >= network.start && atom.end <= network.end)
    .map((atom) => ({ kind: 'range', id: atom.id, ip: atom.representative }));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

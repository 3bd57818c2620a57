import { assertNever } from '../model/common.js';
import { WORKLOAD_KIND_WORDS } from '../model/cluster.js';
import type { Cluster, Service, Workload, WorkloadKind } from '../model/cluster.js';
import { parseIP } from '../algebra/ip-set.js';
import { serviceBackends, sortByName, workloadId, workloadPods } from './workload-pods.js';
import type { ResolvedEnd } from './eval-result.js';
import { fail, ok } from './result.js';
import type { Result } from './result.js';

/**
 * What a --from / --to argument names, before looking at the cluster:
 * `IP`, `NAME` or `NS/NAME` (a pod, else a workload), `NS/KIND/NAME` (kind lowercase: pod,
 * a workload kind, or svc). A missing namespace is the -n namespace.
 */
export type EndpointSpec =
  | { readonly kind: 'ip'; readonly ip: string }
  | { readonly kind: 'pod-or-workload'; readonly namespace: string; readonly name: string }
  | { readonly kind: 'pod'; readonly namespace: string; readonly name: string }
  | { readonly kind: 'workload'; readonly namespace: string; readonly workloadKind: WorkloadKind; readonly name: string }
  | { readonly kind: 'service'; readonly namespace: string; readonly name: string };

type KindWord = 'pod' | 'service' | WorkloadKind;

/** The lowercase kinds, with kubectl's short names. */
const KIND_WORDS: ReadonlyMap<string, KindWord> = new Map<string, KindWord>([
  ['pod', 'pod'],
  ['po', 'pod'],
  ['svc', 'service'],
  ['service', 'service'],
  ...WORKLOAD_KIND_WORDS,
]);

export function parseEndpointSpec(text: string, defaultNamespace: string): Result<EndpointSpec> {
  if (parseIP(text) !== undefined) return ok({ kind: 'ip', ip: text });
  const parts = text.split('/');
  if (parts.some((part) => part === '')) return fail(`"${text}" is not an IP address, NS/NAME or NS/KIND/NAME`);
  const [first = '', second, third] = parts;
  if (parts.length === 1) return ok({ kind: 'pod-or-workload', namespace: defaultNamespace, name: first });
  if (parts.length === 2) return ok({ kind: 'pod-or-workload', namespace: first, name: second ?? '' });
  if (parts.length > 3 || third === undefined || second === undefined) {
    return fail(`"${text}" has too many parts; expected an IP address, NS/NAME or NS/KIND/NAME`);
  }
  const kind = KIND_WORDS.get(second);
  if (kind === undefined) {
    return fail(`"${text}": unknown kind "${second}"; expected pod, svc or a workload kind (${[...KIND_WORDS.keys()].join(', ')})`);
  }
  if (kind === 'pod') return ok({ kind: 'pod', namespace: first, name: third });
  if (kind === 'service') return ok({ kind: 'service', namespace: first, name: third });
  return ok({ kind: 'workload', namespace: first, workloadKind: kind, name: third });
}

/** A resolved end, plus the Service it was reached through (its ports resolve --port). */
export interface EndpointResolution {
  readonly end: ResolvedEnd;
  readonly service?: Service;
}

/** Finds the pod (or address) that stands for `spec`; a workload or Service gives its first pod by name. */
export function resolveEndpoint(cluster: Cluster, input: string, spec: EndpointSpec): Result<EndpointResolution> {
  switch (spec.kind) {
    case 'ip':
      return ok({ end: { input, endpoint: { kind: 'external', ip: spec.ip }, choice: { kind: 'ip' } } });
    case 'pod':
      return resolvePod(cluster, input, spec);
    case 'pod-or-workload':
      return resolvePodOrWorkload(cluster, input, spec);
    case 'workload':
      return resolveWorkload(cluster, input, spec);
    case 'service':
      return resolveService(cluster, input, spec);
    default:
      return assertNever(spec);
  }
}

function resolvePod(cluster: Cluster, input: string, spec: { namespace: string; name: string }): Result<EndpointResolution> {
  const pod = cluster.pods.find((p) => p.namespace === spec.namespace && p.name === spec.name);
  if (pod === undefined) return fail(`no pod ${spec.namespace}/${spec.name} in the input`);
  return ok({ end: { input, endpoint: { kind: 'pod', pod }, choice: { kind: 'pod' } } });
}

function resolvePodOrWorkload(cluster: Cluster, input: string, spec: { namespace: string; name: string }): Result<EndpointResolution> {
  const pod = cluster.pods.find((p) => p.namespace === spec.namespace && p.name === spec.name);
  if (pod !== undefined) return ok({ end: { input, endpoint: { kind: 'pod', pod }, choice: { kind: 'pod' } } });
  const workloads = cluster.workloads.filter((w) => w.namespace === spec.namespace && w.name === spec.name);
  const [workload] = workloads;
  if (workload !== undefined && workloads.length === 1) return pickWorkloadPod(cluster, input, workload);
  if (workloads.length > 1) {
    const choices = workloads.map((w) => workloadId(w)).join(', ');
    return fail(`"${input}" names several workloads (${choices}); give one as NS/KIND/NAME`);
  }
  const hint = KIND_WORDS.has(spec.namespace) ? ` (for a ${spec.namespace}, write NS/${spec.namespace}/${spec.name})` : '';
  return fail(`no pod or workload ${spec.namespace}/${spec.name} in the input${hint}`);
}

function resolveWorkload(
  cluster: Cluster,
  input: string,
  spec: { namespace: string; workloadKind: WorkloadKind; name: string },
): Result<EndpointResolution> {
  const workload = cluster.workloads.find(
    (w) => w.namespace === spec.namespace && w.kind === spec.workloadKind && w.name === spec.name,
  );
  if (workload === undefined) return fail(`no ${spec.workloadKind} ${spec.namespace}/${spec.name} in the input`);
  return pickWorkloadPod(cluster, input, workload);
}

function pickWorkloadPod(cluster: Cluster, input: string, workload: Workload): Result<EndpointResolution> {
  const pods = sortByName(workloadPods(cluster, workload));
  const [first] = pods;
  if (first === undefined) return fail(`${workloadId(workload)} has no pods (replicas: ${workload.replicas})`);
  const choice = { kind: 'workload', workloadKind: workload.kind, name: workload.name, podCount: pods.length } as const;
  return ok({ end: { input, endpoint: { kind: 'pod', pod: first }, choice } });
}

function resolveService(cluster: Cluster, input: string, spec: { namespace: string; name: string }): Result<EndpointResolution> {
  const service = cluster.services.find((s) => s.namespace === spec.namespace && s.name === spec.name);
  if (service === undefined) return fail(`no Service ${spec.namespace}/${spec.name} in the input`);
  const selector = service.selector;
  if (selector === undefined || Object.keys(selector).length === 0) {
    return fail(`Service ${spec.namespace}/${spec.name} has no selector, so it selects no pods to evaluate`);
  }
  const pods = sortByName(serviceBackends(cluster, service));
  const [first] = pods;
  if (first === undefined) return fail(`Service ${spec.namespace}/${spec.name} selects no pods in the input`);
  const choice = { kind: 'service', name: service.name, podCount: pods.length } as const;
  return ok({ end: { input, endpoint: { kind: 'pod', pod: first }, choice }, service });
}

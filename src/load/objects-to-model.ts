// Kubernetes objects -> the Cluster model: kind dispatch, duplicate handling (kubectl apply
// semantics: the last definition wins, with a warning), workload expansion, namespaces.

import type { Cluster, Namespace, Pod, Service } from '../model/cluster.js';
import { WORKLOAD_KINDS } from '../model/cluster.js';
import type { NetworkPolicy } from '../model/network-policy.js';
import type { ProblemSink } from './problem-sink.js';
import type { InputObject } from './split-objects.js';
import type { Site } from './positions.js';
import { decodeNamespace, implicitNamespace } from './decode-namespace.js';
import { decodePod } from './decode-pod.js';
import { decodeWorkload, type WorkloadObject } from './decode-workload.js';
import { decodeService } from './decode-service.js';
import { decodeNetworkPolicy } from './decode-network-policy.js';
import { validateNetworkPolicy } from './validate-network-policy.js';
import { normalizeNetworkPolicy } from './normalize-network-policy.js';
import { expandWorkloads } from './expand-workloads.js';
import { CLUSTER_POLICY_KINDS, type ClusterPolicy, type ClusterPolicyKind } from '../model/cluster-policy.js';
import { decodeClusterPolicy } from './decode-cluster-policy.js';

const SUPPORTED_KINDS = ['Namespace', 'Pod', 'Service', 'NetworkPolicy', ...WORKLOAD_KINDS, ...CLUSTER_POLICY_KINDS] as const;
type SupportedKind = (typeof SUPPORTED_KINDS)[number];

/** Which apiVersions mean the Kubernetes kind (a Knative `Service` or Calico `NetworkPolicy` does not). */
const API_VERSIONS: Record<SupportedKind, RegExp> = {
  Namespace: /^v1$/,
  Pod: /^v1$/,
  Service: /^v1$/,
  ReplicationController: /^v1$/,
  NetworkPolicy: /^networking\.k8s\.io\/v1$/,
  Deployment: /^(apps|extensions)\/v1/,
  StatefulSet: /^apps\/v1/,
  DaemonSet: /^(apps|extensions)\/v1/,
  ReplicaSet: /^(apps|extensions)\/v1/,
  Job: /^batch\/v1$/,
  CronJob: /^batch\/v/,
  AdminNetworkPolicy: /^policy\.networking\.k8s\.io\/v1alpha1$/,
  BaselineAdminNetworkPolicy: /^policy\.networking\.k8s\.io\/v1alpha1$/,
  ClusterNetworkPolicy: /^policy\.networking\.k8s\.io\/v1alpha2$/,
};

function isSupported(input: InputObject): input is InputObject & { kind: SupportedKind } {
  if (!(SUPPORTED_KINDS as readonly string[]).includes(input.kind)) return false;
  return input.apiVersion === undefined || API_VERSIONS[input.kind as SupportedKind].test(input.apiVersion);
}

interface Entry<T> {
  readonly value: T;
  readonly site: Site;
}

/** Objects by kind/namespace/name; a later definition replaces an earlier one in place. */
class Registry<T> {
  readonly entries = new Map<string, Entry<T>>();

  put(key: string, entry: Entry<T>, label: string, sink: ProblemSink): void {
    const earlier = this.entries.get(key);
    if (earlier !== undefined) {
      sink.warning(entry.site, 'schema', `duplicate ${label} (also defined at ${earlier.site.file}:${earlier.site.line}); the last definition wins`);
    }
    this.entries.set(key, entry);
  }

  values(): T[] {
    return [...this.entries.values()].map((e) => e.value);
  }
}

interface Registries {
  readonly namespaces: Registry<Namespace>;
  readonly pods: Registry<Pod>;
  readonly workloads: Registry<WorkloadObject>;
  readonly services: Registry<Service>;
  readonly policies: Registry<NetworkPolicy>;
  readonly clusterPolicies: Registry<ClusterPolicy>;
}

/** Decodes objects as they come (so problems stay in input order), then assembles the Cluster. */
export class ClusterBuilder {
  private readonly r: Registries = {
    namespaces: new Registry(),
    pods: new Registry(),
    workloads: new Registry(),
    services: new Registry(),
    policies: new Registry(),
    clusterPolicies: new Registry(),
  };
  private readonly defaultNamespace: string;
  private readonly sink: ProblemSink;

  constructor(defaultNamespace: string, sink: ProblemSink) {
    this.defaultNamespace = defaultNamespace;
    this.sink = sink;
  }

  add(input: InputObject): void {
    const { r, sink, defaultNamespace: ns } = this;
    if (!isSupported(input)) {
      const known = (SUPPORTED_KINDS as readonly string[]).includes(input.kind);
      const version = known && input.apiVersion !== undefined ? ` (apiVersion ${input.apiVersion})` : '';
      sink.warning(input.site, 'unsupported', `skipping unsupported kind ${input.kind}${version}`);
      return;
    }
    const kind = input.kind;
    if (kind === 'Namespace') {
      const value = decodeNamespace(input, sink);
      if (value) r.namespaces.put(value.name, { value, site: input.site }, `Namespace ${value.name}`, sink);
    } else if (kind === 'Pod') {
      this.putNamespaced(r.pods, decodePod(input, ns, sink), input);
    } else if (kind === 'Service') {
      this.putNamespaced(r.services, decodeService(input, ns, sink), input);
    } else if (kind === 'NetworkPolicy') {
      this.putNamespaced(r.policies, toNetworkPolicy(input, ns, sink), input);
    } else if (isClusterPolicyKind(kind)) {
      const value = decodeClusterPolicy(input, kind, sink);
      if (value) r.clusterPolicies.put(`${kind}/${value.name}`, { value, site: input.site }, `${kind} ${value.name}`, sink);
    } else {
      const value = decodeWorkload(kind, input, ns, sink);
      if (value === undefined) return;
      const { namespace, name } = value.workload;
      r.workloads.put(`${kind}/${namespace}/${name}`, { value, site: input.site }, `${kind} ${namespace}/${name}`, sink);
    }
  }

  build(): Cluster {
    const { r, sink } = this;
    const { pods, workloads } = expandWorkloads(r.pods.values(), r.workloads.values(), sink);
    const services = r.services.values();
    const policies = r.policies.values();
    const referenced = [...pods, ...workloads, ...services, ...policies].map((o) => o.namespace);
    const clusterPolicies = r.clusterPolicies.values();
    return { namespaces: withImplicit(r.namespaces.values(), referenced), pods, workloads, services, policies, clusterPolicies };
  }

  private putNamespaced<T extends { namespace: string; name: string }>(registry: Registry<T>, value: T | undefined, input: InputObject): void {
    if (value === undefined) return;
    const id = `${value.namespace}/${value.name}`;
    registry.put(id, { value, site: input.site }, `${input.kind} ${id}`, this.sink);
  }
}

function isClusterPolicyKind(kind: string): kind is ClusterPolicyKind {
  return (CLUSTER_POLICY_KINDS as readonly string[]).includes(kind);
}

/** decode + default, validate (§7), normalise; an invalid policy is left out. */
function toNetworkPolicy(input: InputObject, ns: string, sink: ProblemSink): NetworkPolicy | undefined {
  const before = sink.errorCount;
  const wire = decodeNetworkPolicy(input, ns, sink);
  if (wire === undefined) return undefined;
  validateNetworkPolicy(wire, sink);
  return sink.errorCount > before ? undefined : normalizeNetworkPolicy(wire, input.value);
}

/** Declared namespaces plus every referenced one, sorted by name. */
function withImplicit(declared: readonly Namespace[], referenced: readonly string[]): Namespace[] {
  const byName = new Map(declared.map((n) => [n.name, n]));
  for (const name of referenced) if (!byName.has(name)) byName.set(name, implicitNamespace(name));
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

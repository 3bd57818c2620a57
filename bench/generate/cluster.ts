// A synthetic cluster of a requested size, as plain Kubernetes objects: namespaces with team/env
// labels, Deployments and StatefulSets with replicas, a Service in front of most workloads, and
// NetworkPolicies (policies.ts). The same spec always gives the same objects (seeded streams).

import { randomStream, type Random } from '../prng.js';
import { ROLE_WEIGHTS, type Role } from './roles.js';
import { generatePolicies } from './policies.js';
import { systemNamespaces, SYSTEM_POD_COUNT } from './system.js';

export interface ClusterSpec {
  readonly seed: number;
  /** Including the two system namespaces (kube-system, monitoring); at least 3. */
  readonly namespaces: number;
  /** Pods after workload expansion; at least 4 (system pods) + one per application namespace. */
  readonly pods: number;
  readonly policies: number;
  /**
   * Every replica count (system ones too) multiplied by this, after generating the cluster for
   * pods / replicaScale: the same workloads and policies with more pods each. Default 1.
   */
  readonly replicaScale?: number;
}

/** A plain JSON Kubernetes object. */
export type KubeObject = { readonly apiVersion: string; readonly kind: string; readonly metadata: object } & Record<string, unknown>;

export interface AppWorkload {
  readonly name: string;
  readonly role: Role;
  readonly replicas: number;
  readonly labels: Readonly<Record<string, string>>;
}

export interface AppNamespace {
  readonly name: string;
  readonly team: string;
  readonly env: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly workloads: readonly AppWorkload[];
}

export interface NamespaceManifests {
  readonly namespace: string;
  /** The Namespace first, then workloads and Services, then NetworkPolicies. */
  readonly objects: readonly KubeObject[];
}

export interface GeneratedCluster {
  readonly spec: ClusterSpec;
  readonly namespaces: readonly NamespaceManifests[];
  readonly counts: { readonly namespaces: number; readonly pods: number; readonly workloads: number; readonly services: number; readonly policies: number };
}

/** Namespaces per team: a team label selects this many namespaces. */
const NAMESPACES_PER_TEAM = 20;

export function generateCluster(spec: ClusterSpec): GeneratedCluster {
  checkSpec(spec);
  const scale = spec.replicaScale ?? 1;
  const appCount = spec.namespaces - 2;
  const apps = appNamespaces({ ...spec, pods: spec.pods / scale }, appCount).map((ns) => scaleReplicas(ns, scale));
  const policies = generatePolicies(apps, spec.policies, randomStream(spec.seed, 'policies'));
  const namespaces = [
    ...systemNamespaces(scale),
    ...apps.map((ns, i) => ({
      namespace: ns.name,
      objects: [namespaceObject(ns.name, ns.labels), ...ns.workloads.flatMap((w) => workloadObjects(ns.name, w)), ...(policies[i] ?? [])],
    })),
  ];
  const count = (kind: string): number => namespaces.reduce((n, ns) => n + ns.objects.filter((o) => o.kind === kind).length, 0);
  return {
    spec,
    namespaces,
    counts: {
      namespaces: count('Namespace'),
      pods: SYSTEM_POD_COUNT * scale + apps.reduce((n, ns) => n + ns.workloads.reduce((m, w) => m + w.replicas, 0), 0),
      workloads: count('Deployment') + count('StatefulSet'),
      services: count('Service'),
      policies: count('NetworkPolicy'),
    },
  };
}

function checkSpec(spec: ClusterSpec): void {
  const scale = spec.replicaScale ?? 1;
  const ints = [spec.seed, spec.namespaces, spec.pods, spec.policies, scale];
  if (!ints.every((n) => Number.isSafeInteger(n) && n >= 0)) throw new Error(`cluster spec needs non-negative integers: ${JSON.stringify(spec)}`);
  if (spec.namespaces < 3) throw new Error('a generated cluster needs at least 3 namespaces (2 are system namespaces)');
  if (scale < 1 || spec.pods % scale !== 0) throw new Error(`replicaScale ${scale} must be at least 1 and divide ${spec.pods} pods`);
  if (spec.pods / scale < SYSTEM_POD_COUNT + spec.namespaces - 2) {
    throw new Error(`${spec.pods} pods are fewer than ${SYSTEM_POD_COUNT} system pods plus one per application namespace`);
  }
}

/** Share `total` among `parts` as evenly as possible; part `index` gets this many. */
export function share(total: number, parts: number, index: number): number {
  return Math.floor(total / parts) + (index < total % parts ? 1 : 0);
}

function appNamespaces(spec: ClusterSpec, count: number): AppNamespace[] {
  const random = randomStream(spec.seed, 'namespaces');
  const teams = Math.max(1, Math.ceil(count / NAMESPACES_PER_TEAM));
  const appPods = spec.pods - SYSTEM_POD_COUNT;
  const width = String(count - 1).length;
  return Array.from({ length: count }, (_, i) => {
    const name = `app-${String(i).padStart(width, '0')}`;
    const team = `team-${i % teams}`;
    const env = random.weighted([['prod', 5], ['staging', 3], ['dev', 2]] as const);
    const labels: Record<string, string> = { team, env };
    if (random.chance(0.5)) labels['istio-injection'] = 'enabled';
    return { name, team, env, labels, workloads: workloadsOf(share(appPods, count, i), random) };
  });
}

function scaleReplicas(ns: AppNamespace, scale: number): AppNamespace {
  return scale === 1 ? ns : { ...ns, workloads: ns.workloads.map((w) => ({ ...w, replicas: w.replicas * scale })) };
}

/** Workloads whose replicas add up to exactly `pods`. */
function workloadsOf(pods: number, random: Random): AppWorkload[] {
  const workloads: AppWorkload[] = [];
  for (let left = pods; left > 0; ) {
    const role = random.weighted(ROLE_WEIGHTS);
    const replicas = Math.min(left, random.int(1, role.maxReplicas));
    const name = `${role.role}-${workloads.length}`;
    const labels: Record<string, string> = {
      app: name,
      role: role.role,
      tier: role.tier,
      version: random.weighted([['v1', 6], ['v2', 3], ['canary', 1]] as const),
    };
    if (random.chance(0.05)) labels['legacy'] = 'true';
    workloads.push({ name, role, replicas, labels });
    left -= replicas;
  }
  return workloads;
}

export function namespaceObject(name: string, labels: Readonly<Record<string, string>>): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

function workloadObjects(namespace: string, workload: AppWorkload): KubeObject[] {
  const { role, labels } = workload;
  const ports = role.ports.map((p) => ({ name: p.name, containerPort: p.containerPort, protocol: p.protocol }));
  const spec: Record<string, unknown> = {
    replicas: workload.replicas,
    selector: { matchLabels: { app: workload.name } },
    template: {
      metadata: { labels },
      spec: { containers: [{ name: role.role, image: `registry.example.com/${role.role}:1.0`, ports }] },
    },
  };
  if (role.kind === 'StatefulSet') spec['serviceName'] = workload.name;
  const kube: KubeObject = { apiVersion: 'apps/v1', kind: role.kind, metadata: { name: workload.name, namespace, labels: { app: workload.name } }, spec };
  const exposed = role.ports.filter((p) => p.servicePort !== undefined);
  if (exposed.length === 0) return [kube];
  const servicePorts = exposed.map((p, i) => ({
    name: p.name,
    port: p.servicePort,
    protocol: p.protocol,
    // Alternate named and numeric target ports, so both resolutions are exercised.
    targetPort: i % 2 === 0 ? p.name : p.containerPort,
  }));
  const service: KubeObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: workload.name, namespace },
    spec: { selector: { app: workload.name }, ports: servicePorts },
  };
  return [kube, service];
}

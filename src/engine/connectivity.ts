import { unionPorts, type PortSet } from '../algebra/port-set.js';
import type { Pod } from '../model/cluster.js';
import { classConnections, type ClassConnections, type ClassEdge } from './class-connectivity.js';
import type { CompiledCluster } from './compile.js';
import { externalAtoms, type ExternalAtom } from './external-atoms.js';
import { podClasses, type PodClass } from './pod-classes.js';
import type { ConnectivityMap, MapConnection, MapEndpoint, MapLevel, PodGroupEndpoint } from './types.js';

export interface ConnectivityOptions {
  readonly level: MapLevel;
}

/** Connectivity before expansion: pods grouped into classes, and the class-to-class edges. */
export interface ClassConnectivity {
  readonly atoms: readonly ExternalAtom[];
  readonly classes: readonly PodClass[];
  /** Class id of each pod, in cluster.pods order. */
  readonly classOfPod: Int32Array;
  readonly edges: ClassConnections;
}

/**
 * Who can reach whom: computed between equivalence classes of pods and external atoms,
 * then expanded to pods or workloads. Pairs that allow nothing and self pairs are omitted.
 */
export function connectivity(compiled: CompiledCluster, options: ConnectivityOptions): ConnectivityMap {
  return expandConnectivity(compiled, classConnectivity(compiled), options);
}

/** The class-level result, which callers that show several levels compute once. */
export function classConnectivity(compiled: CompiledCluster): ClassConnectivity {
  const atoms = externalAtoms(compiled.cluster);
  const { classes, classOfPod } = podClasses(compiled, atoms);
  return { atoms, classes, classOfPod, edges: classConnections(compiled, classes, atoms) };
}

/** The class-level result expanded to one endpoint per pod or per workload. */
export function expandConnectivity(compiled: CompiledCluster, classLevel: ClassConnectivity, options: ConnectivityOptions): ConnectivityMap {
  const { atoms, classes, classOfPod, edges } = classLevel;
  const groups = groupPods(compiled.cluster.pods, classOfPod, options.level);
  const endpoints: MapEndpoint[] = [...groups.map((g) => g.endpoint), ...atoms.map(externalEndpoint)];
  return { level: options.level, endpoints, connections: expandToConnections(edges, groups, classes.length, endpoints) };
}

/**
 * Class edges -> connections, one source endpoint (row) at a time, in endpoint order: groups
 * first (sorted by id), then external atoms in address order. A row's destinations are collected
 * in a small map and sorted by endpoint index, so no map or sort ever spans the whole output.
 */
function expandToConnections(edges: ClassConnections, groups: readonly Group[], classCount: number, endpoints: readonly MapEndpoint[]): MapConnection[] {
  const groupsOfClass: number[][] = Array.from({ length: classCount }, () => []);
  groups.forEach((group, id) => {
    for (const c of group.classIds) groupsOfClass[c]!.push(id);
  });
  const atomBase = groups.length;
  const toPods = bucketBy(edges.podToPod, classCount);
  const toExternal = bucketBy(edges.podToExternal, classCount);
  const fromExternal = bucketBy(edges.externalToPod, endpoints.length - atomBase);
  const connections: MapConnection[] = [];
  const row = new Map<number, PortSet>();
  for (let source = 0; source < groups.length; source++) {
    row.clear();
    for (const c of groups[source]!.classIds) {
      for (const edge of toPods[c]!) {
        for (const target of groupsOfClass[edge.to]!) {
          if (target !== source) addPorts(row, target, edge.ports); // a pod or workload to itself is never listed
        }
      }
      for (const edge of toExternal[c]!) addPorts(row, atomBase + edge.to, edge.ports);
    }
    appendRow(connections, endpoints[source]!.id, row, endpoints);
  }
  for (let atom = 0; atom < fromExternal.length; atom++) {
    row.clear();
    for (const edge of fromExternal[atom]!) {
      for (const target of groupsOfClass[edge.to]!) addPorts(row, target, edge.ports);
    }
    appendRow(connections, endpoints[atomBase + atom]!.id, row, endpoints);
  }
  return connections;
}

/** Edges by their `from` (a class, or an atom for edges from outside). */
function bucketBy(edges: readonly ClassEdge[], count: number): ClassEdge[][] {
  const buckets: ClassEdge[][] = Array.from({ length: count }, () => []);
  for (const edge of edges) buckets[edge.from]!.push(edge);
  return buckets;
}

function addPorts(row: Map<number, PortSet>, target: number, ports: PortSet): void {
  const existing = row.get(target);
  row.set(target, existing === undefined ? ports : unionPorts(existing, ports));
}

function appendRow(connections: MapConnection[], from: string, row: ReadonlyMap<number, PortSet>, endpoints: readonly MapEndpoint[]): void {
  const targets = Int32Array.from(row.keys()).sort();
  for (const target of targets) connections.push({ from, to: endpoints[target]!.id, allow: row.get(target)! });
}

/** Pods shown as one endpoint, with the classes of their pods. */
interface Group {
  readonly endpoint: PodGroupEndpoint;
  readonly classIds: ReadonlySet<number>;
}

function groupPods(pods: readonly Pod[], classOfPod: Int32Array, level: MapLevel): Group[] {
  const byId = new Map<string, { endpoint: PodGroupEndpoint; classIds: Set<number>; pods: string[] }>();
  pods.forEach((pod, index) => {
    const endpoint = ENDPOINT_OF[level](pod);
    let group = byId.get(endpoint.id);
    if (!group) {
      group = { endpoint, classIds: new Set(), pods: [] };
      byId.set(endpoint.id, group);
    }
    group.classIds.add(classOfPod[index]!);
    group.pods.push(`${pod.namespace}/${pod.name}`);
  });
  return [...byId.values()]
    .sort((a, b) => compareStrings(a.endpoint.id, b.endpoint.id))
    .map((g) => ({ endpoint: { ...g.endpoint, pods: g.pods }, classIds: g.classIds }));
}

const ENDPOINT_OF = {
  pod: podEndpoint,
  workload: workloadEndpoint,
  namespace: namespaceEndpoint,
} as const satisfies Record<MapLevel, (pod: Pod) => PodGroupEndpoint>;

/** At namespace level a namespace's pods are one endpoint; traffic inside it is a self pair, not listed. */
function namespaceEndpoint(pod: Pod): PodGroupEndpoint {
  return { id: pod.namespace, kind: 'Namespace', namespace: pod.namespace, name: pod.namespace, pods: [] };
}

function podEndpoint(pod: Pod): PodGroupEndpoint {
  return { id: `${pod.namespace}/${pod.name}`, kind: 'Pod', namespace: pod.namespace, name: pod.name, pods: [] };
}

/** The workload endpoint a pod belongs to at workload level (its `pods` left empty). */
export function workloadEndpoint(pod: Pod): PodGroupEndpoint {
  // A static (mirror) pod's controller is its Node, which is not a workload: show the pod itself.
  if (!pod.owner || pod.owner.kind === 'Node') {
    return { id: `${pod.namespace}/pod/${pod.name}`, kind: 'Pod', namespace: pod.namespace, name: pod.name, pods: [] };
  }
  const id = `${pod.namespace}/${pod.owner.kind.toLowerCase()}/${pod.owner.name}`;
  return { id, kind: pod.owner.kind, namespace: pod.namespace, name: pod.owner.name, pods: [] };
}

function externalEndpoint(atom: ExternalAtom): MapEndpoint {
  return { id: atom.id, kind: 'External', start: atom.startText, end: atom.endText, cidrs: atom.cidrs };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

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
  const pairs = expandToGroups(edges, groups, classes.length, endpoints.length);
  return { level: options.level, endpoints, connections: toConnections(pairs, endpoints) };
}

/**
 * Class edges -> endpoint pairs. Endpoint indexes: groups first (sorted by id), then external
 * atoms in address order; a pair's key is from * count + to.
 */
function expandToGroups(edges: ClassConnections, groups: readonly Group[], classCount: number, count: number): Map<number, PortSet> {
  const groupsOfClass: number[][] = Array.from({ length: classCount }, () => []);
  groups.forEach((group, id) => {
    for (const c of group.classIds) groupsOfClass[c]!.push(id);
  });
  const pairs = new Map<number, PortSet>();
  const add = (from: number, to: number, ports: PortSet): void => {
    const key = from * count + to;
    const existing = pairs.get(key);
    pairs.set(key, existing === undefined ? ports : unionPorts(existing, ports));
  };
  for (const edge of edges.podToPod) {
    for (const g1 of groupsOfClass[edge.from]!) {
      for (const g2 of groupsOfClass[edge.to]!) {
        if (g1 !== g2) add(g1, g2, edge.ports); // a pod or workload to itself is never listed
      }
    }
  }
  const atomIndex = (atom: number): number => groups.length + atom;
  expandExternal(edges.podToExternal, groupsOfClass, (g, atom, ports) => add(g, atomIndex(atom), ports), false);
  expandExternal(edges.externalToPod, groupsOfClass, (g, atom, ports) => add(atomIndex(atom), g, ports), true);
  return pairs;
}

/** Sorting the integer keys orders connections by (from, to) endpoint index. */
function toConnections(pairs: ReadonlyMap<number, PortSet>, endpoints: readonly MapEndpoint[]): MapConnection[] {
  const count = endpoints.length;
  const keys = Float64Array.from(pairs.keys()).sort();
  const connections: MapConnection[] = new Array(keys.length);
  keys.forEach((key, i) => {
    const from = Math.floor(key / count);
    connections[i] = { from: endpoints[from]!.id, to: endpoints[key - from * count]!.id, allow: pairs.get(key)! };
  });
  return connections;
}

function expandExternal(
  edges: readonly ClassEdge[],
  groupsOfClass: readonly number[][],
  add: (group: number, atom: number, ports: PortSet) => void,
  inbound: boolean,
): void {
  for (const edge of edges) {
    const classId = inbound ? edge.to : edge.from;
    const atom = inbound ? edge.from : edge.to;
    for (const g of groupsOfClass[classId]!) add(g, atom, edge.ports);
  }
}

/** Pods shown as one endpoint, with the classes of their pods. */
interface Group {
  readonly endpoint: PodGroupEndpoint;
  readonly classIds: ReadonlySet<number>;
}

function groupPods(pods: readonly Pod[], classOfPod: Int32Array, level: MapLevel): Group[] {
  const byId = new Map<string, { endpoint: PodGroupEndpoint; classIds: Set<number>; pods: string[] }>();
  pods.forEach((pod, index) => {
    const endpoint = level === 'pod' ? podEndpoint(pod) : workloadEndpoint(pod);
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

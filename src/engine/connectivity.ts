import { isEmptyPortSet, unionPorts, type PortSet } from '../algebra/port-set.js';
import type { Pod } from '../model/cluster.js';
import type { CompiledCluster } from './compile.js';
import { ClassConnectivity } from './class-connectivity.js';
import { externalAtoms, type ExternalAtom } from './external-atoms.js';
import { podClasses } from './pod-classes.js';
import type { ConnectivityMap, MapConnection, MapEndpoint, MapLevel, PodGroupEndpoint } from './types.js';

export interface ConnectivityOptions {
  readonly level: MapLevel;
}

/** A group of pods shown as one endpoint: a pod, or all pods of one workload. */
interface Group {
  readonly endpoint: PodGroupEndpoint;
  readonly classIds: Set<number>;
}

/**
 * Who can reach whom: computed between equivalence classes of pods and external atoms,
 * then expanded to pods or workloads. Pairs that allow nothing and self pairs are omitted.
 */
export function connectivity(compiled: CompiledCluster, options: ConnectivityOptions): ConnectivityMap {
  const atoms = externalAtoms(compiled.cluster);
  const { classes, classOfPod } = podClasses(compiled, atoms);
  const matrix = new ClassConnectivity(compiled, classes, atoms);
  const groups = groupPods(compiled.cluster.pods, classOfPod, options.level);
  const connections: MapConnection[] = [];
  for (const from of groups) {
    for (const to of groups) {
      if (from === to) continue; // a pod or workload to itself is never listed
      const allow = unionOver(from.classIds, to.classIds, (a, b) => matrix.podToPod(a, b));
      if (!isEmptyPortSet(allow)) connections.push({ from: from.endpoint.id, to: to.endpoint.id, allow });
    }
  }
  atoms.forEach((atom, atomId) => {
    for (const group of groups) {
      const out = unionOver(group.classIds, [atomId], (c) => matrix.podToExternal(c, atomId));
      if (!isEmptyPortSet(out)) connections.push({ from: group.endpoint.id, to: atom.id, allow: out });
      const inbound = unionOver(group.classIds, [atomId], (c) => matrix.externalToPod(atomId, c));
      if (!isEmptyPortSet(inbound)) connections.push({ from: atom.id, to: group.endpoint.id, allow: inbound });
    }
  });
  connections.sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
  const endpoints: MapEndpoint[] = [...groups.map((g) => g.endpoint), ...atoms.map(externalEndpoint)];
  return { level: options.level, endpoints, connections };
}

function unionOver(
  left: Iterable<number>,
  right: Iterable<number>,
  portsOf: (a: number, b: number) => PortSet,
): PortSet {
  let result: PortSet | undefined;
  for (const a of left) {
    for (const b of right) {
      const ports = portsOf(a, b);
      result = result === undefined ? ports : unionPorts(result, ports);
    }
  }
  return result ?? { TCP: [], UDP: [], SCTP: [] };
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

function workloadEndpoint(pod: Pod): PodGroupEndpoint {
  // A static (mirror) pod's controller is its Node, which is not a workload: show the pod itself.
  if (!pod.owner || pod.owner.kind === 'Node') return { id: `${pod.namespace}/pod/${pod.name}`, kind: 'Pod', namespace: pod.namespace, name: pod.name, pods: [] };
  const kind = pod.owner.kind;
  const id = `${pod.namespace}/${pod.owner.kind.toLowerCase()}/${pod.owner.name}`;
  return { id, kind, namespace: pod.namespace, name: pod.owner.name, pods: [] };
}

function externalEndpoint(atom: ExternalAtom): MapEndpoint {
  return { id: atom.id, kind: 'External', start: atom.startText, end: atom.endText, cidrs: atom.cidrs };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

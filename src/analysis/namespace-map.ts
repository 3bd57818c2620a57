import { isAllPorts, unionPorts } from '../algebra/port-set.js';
import type { PortSet } from '../algebra/port-set.js';
import { workloadEndpoint } from '../engine/index.js';
import type { ClassConnectivity, CompiledCluster, ExternalEndpoint } from '../engine/index.js';
import type { ClassEdge } from '../engine/class-connectivity.js';

/** All the pods of one namespace, shown as one endpoint. */
export interface NamespaceEndpoint {
  /** The namespace's name. */
  readonly id: string;
  readonly kind: 'Namespace';
  readonly namespace: string;
  readonly name: string;
  readonly pods: number;
  readonly workloads: number;
  /** Whether every pod of the namespace is isolated (selected by a NetworkPolicy) for ingress / egress. */
  readonly isolated: { readonly ingress: boolean; readonly egress: boolean };
}

export interface NamespaceConnection {
  readonly from: string;
  readonly to: string;
  /** The ports some pod of `from` can reach on some pod of `to`. */
  readonly allow: PortSet;
  /** How many workload pairs (an address range counting as one end) connect. */
  readonly pairs: number;
}

/** The connectivity map with one endpoint per namespace, plus the external ranges. */
export interface NamespaceMap {
  readonly level: 'namespace';
  readonly endpoints: readonly (NamespaceEndpoint | ExternalEndpoint)[];
  readonly connections: readonly NamespaceConnection[];
}

/**
 * Aggregates the class-level connectivity to namespaces without expanding to workload pairs'
 * port sets: one port union per class edge, plus a count of the distinct workload pairs behind
 * each namespace pair. Traffic inside one namespace is a self pair and, as in the map, not listed.
 */
export function namespaceMap(compiled: CompiledCluster, classLevel: ClassConnectivity): NamespaceMap {
  const layout = namespaceLayout(compiled, classLevel);
  const { atoms, edges } = classLevel;
  const count = layout.namespaces.length + atoms.length;
  const atomIndex = (atom: number): number => layout.namespaces.length + atom;
  const totals = new Map<number, { ports: PortSet; pairs: number }>();
  const seen = new Set<number>();
  const workloadCount = layout.workloadNamespace.length;
  const add = (from: number, to: number, ports: PortSet, pairKey: number): void => {
    const key = from * count + to;
    let total = totals.get(key);
    if (total === undefined) totals.set(key, (total = { ports, pairs: 0 }));
    else if (total.ports !== ports && !isAllPorts(total.ports)) total.ports = unionPorts(total.ports, ports);
    if (!seen.has(pairKey)) {
      seen.add(pairKey);
      total.pairs++;
    }
  };
  for (const edge of edges.podToPod) {
    const from = layout.namespaceOfClass[edge.from]!;
    const to = layout.namespaceOfClass[edge.to]!;
    if (from === to) continue;
    for (const w1 of layout.workloadsOfClass[edge.from]!) {
      for (const w2 of layout.workloadsOfClass[edge.to]!) add(from, to, edge.ports, w1 * workloadCount + w2);
    }
  }
  // External pairs are keyed past every workload pair, outbound and inbound apart.
  const externalKey = (w: number, atom: number, inbound: boolean): number =>
    workloadCount * workloadCount + (w * atoms.length + atom) * 2 + (inbound ? 1 : 0);
  forExternal(edges.podToExternal, false, layout, (ns, atom, ports, w) => add(ns, atomIndex(atom), ports, externalKey(w, atom, false)));
  forExternal(edges.externalToPod, true, layout, (ns, atom, ports, w) => add(atomIndex(atom), ns, ports, externalKey(w, atom, true)));
  const endpoints = [...layout.namespaces, ...atoms.map((a): ExternalEndpoint => ({ id: a.id, kind: 'External', start: a.startText, end: a.endText, cidrs: a.cidrs }))];
  const keys = Float64Array.from(totals.keys()).sort();
  const connections = Array.from(keys, (key): NamespaceConnection => {
    const from = Math.floor(key / count);
    const total = totals.get(key)!;
    return { from: endpoints[from]!.id, to: endpoints[key - from * count]!.id, allow: total.ports, pairs: total.pairs };
  });
  return { level: 'namespace', endpoints, connections };
}

function forExternal(
  edges: readonly ClassEdge[],
  inbound: boolean,
  layout: NamespaceLayout,
  add: (namespace: number, atom: number, ports: PortSet, workload: number) => void,
): void {
  for (const edge of edges) {
    const classId = inbound ? edge.to : edge.from;
    const atom = inbound ? edge.from : edge.to;
    const namespace = layout.namespaceOfClass[classId]!;
    for (const w of layout.workloadsOfClass[classId]!) add(namespace, atom, edge.ports, w);
  }
}

interface NamespaceLayout {
  readonly namespaces: readonly NamespaceEndpoint[];
  /** Index into `namespaces` of each class (a class never spans namespaces). */
  readonly namespaceOfClass: Int32Array;
  /** The workload indexes of each class's pods. */
  readonly workloadsOfClass: readonly (readonly number[])[];
  readonly workloadNamespace: readonly number[];
}

/** Namespaces by name (declared ones and those of pods), workloads numbered, classes placed. */
function namespaceLayout(compiled: CompiledCluster, classLevel: ClassConnectivity): NamespaceLayout {
  const { pods } = compiled.cluster;
  const names = [...new Set([...compiled.cluster.namespaces.map((n) => n.name), ...pods.map((p) => p.namespace)])].sort(compareStrings);
  const nsIndex = new Map(names.map((name, i) => [name, i]));
  const tallies = names.map(() => ({ pods: 0, workloads: 0, ingress: 0, egress: 0 }));
  const workloadIndex = new Map<string, number>();
  const workloadNamespace: number[] = [];
  const workloadSets = classLevel.classes.map(() => new Set<number>());
  pods.forEach((pod, i) => {
    const ns = nsIndex.get(pod.namespace)!;
    const tally = tallies[ns]!;
    const id = workloadEndpoint(pod).id;
    let w = workloadIndex.get(id);
    if (w === undefined) {
      workloadIndex.set(id, (w = workloadNamespace.length));
      workloadNamespace.push(ns);
      tally.workloads++;
    }
    const podClass = classLevel.classes[classLevel.classOfPod[i]!]!;
    workloadSets[podClass.id]!.add(w);
    tally.pods++;
    if (podClass.ingressPolicies.length > 0) tally.ingress++;
    if (podClass.egressPolicies.length > 0) tally.egress++;
  });
  const namespaces = names.map((name, i): NamespaceEndpoint => {
    const t = tallies[i]!;
    const isolated = { ingress: t.pods > 0 && t.ingress === t.pods, egress: t.pods > 0 && t.egress === t.pods };
    return { id: name, kind: 'Namespace', namespace: name, name, pods: t.pods, workloads: t.workloads, isolated };
  });
  const namespaceOfClass = Int32Array.from(classLevel.classes, (c) => nsIndex.get(c.representative.namespace)!);
  return { namespaces, namespaceOfClass, workloadsOfClass: workloadSets.map((s) => [...s]), workloadNamespace };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

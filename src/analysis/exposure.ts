import { DIRECTIONS, type Direction } from '../model/common.js';
import type { Pod } from '../model/cluster.js';
import type { CompiledCluster } from '../engine/compile.js';
import type { MapLevel } from '../engine/types.js';
import {
  EVERY_PORT,
  NO_PORTS,
  equalExposurePorts,
  isNoPorts,
  numberedPorts,
  unionExposurePorts,
  type ExposurePorts,
} from './exposure-ports.js';
import { ALL_PORTS } from '../algebra/port-set.js';
import { compareRepresentatives, namespaceRequirements, podRequirements, type RepresentativePeer } from './exposure-peers.js';
import { exposedPorts } from './exposure-fold.js';
import { subjectRules, type SubjectRules } from './exposure-rules.js';
import { RepresentativeIndex, representativePeers } from './exposure-representatives.js';
import { exposureAtoms, externalExposures, type AddressBlock, type ExposureAtom } from './exposure-external.js';

export type { ExposurePorts, NamedPort } from './exposure-ports.js';
export type { NamespaceScope, PodScope, RepresentativePeer } from './exposure-peers.js';
export type { AddressBlock } from './exposure-external.js';

export interface ExposureOptions {
  readonly level: MapLevel;
}

/** Whom an exposure is to: every pod of the cluster, pods named by a rule's selectors, or addresses outside. */
export type ExposurePeer =
  | { readonly kind: 'entire-cluster' }
  | RepresentativePeer
  /**
   * Addresses outside the cluster: `cidrs`, the fewest CIDRs (IPv4 first, each family in address
   * order); `blocks`, the same addresses as a policy would write them, per family the shorter of
   * those CIDRs and one CIDR with `except`s.
   */
  | { readonly kind: 'external'; readonly cidrs: readonly string[]; readonly blocks: readonly AddressBlock[] };

export interface Exposure {
  readonly peer: ExposurePeer;
  /** Empty only for a representative peer shut out of what the entire cluster gets (an admin-tier deny). */
  readonly ports: ExposurePorts;
}

export interface DirectionExposure {
  readonly direction: Direction;
  /**
   * false: no policy of any tier selects the subject for this direction, so it is open to
   * everything (semantics §4: a pod is isolated only by a policy that selects it).
   */
  readonly protected: boolean;
  /** The policies that select it for this direction: `ns/name`, or `Kind/name` for cluster-wide ones. */
  readonly policies: readonly string[];
  /**
   * The entire cluster (when it gets any port); then every representative peer that gets other
   * ports than the entire cluster (any namespace first, then named ones, then selectors); then
   * ranges outside the cluster that get some port, grouped by equal ports (in address order of
   * their first range).
   */
  readonly exposures: readonly Exposure[];
}

/** One pod, or one workload's pods (their exposures united), with what it is exposed to. */
export interface SubjectExposure {
  /** As in the connectivity map: `ns/name`, or `ns/kind/name` at workload level. */
  readonly id: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly pods: readonly string[];
  /** Who may connect to it. */
  readonly ingress: DirectionExposure;
  /** Whom it may connect to. */
  readonly egress: DirectionExposure;
}

export interface ExposureReport {
  readonly level: MapLevel;
  /** Sorted by id. */
  readonly subjects: readonly SubjectExposure[];
}

/** What one pod (or pod class) gets in one direction, before the listing rules apply. */
interface DirectionFacts {
  readonly protected: boolean;
  readonly policies: readonly string[];
  readonly entire: ExposurePorts;
  /**
   * By index in the representative peers: those that some rule covers without covering the
   * entire cluster. Every other peer is judged by exactly the entire cluster's rules, so it gets
   * `entire` (and is never listed).
   */
  readonly representatives: ReadonlyMap<number, ExposurePorts>;
  /** Aligned with the atoms. */
  readonly atoms: readonly ExposurePorts[];
}

type Facts = Readonly<Record<Direction, DirectionFacts>>;

interface Context {
  readonly compiled: CompiledCluster;
  readonly representatives: readonly RepresentativePeer[];
  readonly index: RepresentativeIndex;
  readonly atoms: readonly ExposureAtom[];
  /** Pods selected by the same policies (with the same container ports, on ingress) get the same facts. */
  readonly byPolicies: Map<string, DirectionFacts>;
  /** Subjects that share facts share their atoms' ports too: group them into CIDRs once. */
  readonly externalByAtoms: WeakMap<readonly ExposurePorts[], readonly Exposure[]>;
}

/**
 * What each pod or workload is exposed to, without expanding: the entire cluster, pods named by
 * a rule's selectors (existing or not), addresses outside the cluster, each with its ports, per
 * direction; and whether any policy protects it at all. Derived from the rules as written and
 * judged by the subject's own policies, tier by tier (see exposedPorts).
 */
export function exposure(compiled: CompiledCluster, options: ExposureOptions): ExposureReport {
  const representatives = representativePeers(compiled);
  const context: Context = {
    compiled,
    representatives,
    index: new RepresentativeIndex(representatives),
    atoms: exposureAtoms(compiled.cluster),
    byPolicies: new Map(),
    externalByAtoms: new WeakMap(),
  };
  const factsByClass = new Map<string, Facts>();
  const groups = new Map<string, { endpoint: Omit<SubjectExposure, 'ingress' | 'egress'>; facts: Facts[] }>();
  for (const pod of compiled.cluster.pods) {
    const key = classKey(pod);
    let facts = factsByClass.get(key);
    if (facts === undefined) factsByClass.set(key, (facts = podFacts(context, pod)));
    const endpoint = subjectEndpoint(pod, options.level);
    const group = groups.get(endpoint.id) ?? { endpoint: { ...endpoint, pods: [] }, facts: [] };
    (group.endpoint.pods as string[]).push(`${pod.namespace}/${pod.name}`);
    group.facts.push(facts);
    groups.set(endpoint.id, group);
  }
  const subjects = [...groups.values()]
    .sort((a, b) => compareText(a.endpoint.id, b.endpoint.id))
    .map(({ endpoint, facts }) => {
      const merged = mergeFacts(facts);
      return { ...endpoint, ingress: describe(context, 'ingress', merged.ingress), egress: describe(context, 'egress', merged.egress) };
    });
  return { level: options.level, subjects };
}

function podFacts(context: Context, pod: Pod): Facts {
  const [ingress, egress] = DIRECTIONS.map((direction) => directionFacts(context, pod, direction)) as [DirectionFacts, DirectionFacts];
  return { ingress, egress };
}

function directionFacts(context: Context, pod: Pod, direction: Direction): DirectionFacts {
  const rules = subjectRules(context.compiled, pod, direction);
  // On ingress, named ports resolve on the pod's own container ports; on egress nothing depends on the pod.
  const key = `${direction}\u0000${rules.policies.join('\u0001')}\u0000${direction === 'ingress' ? portsKey(pod) : ''}`;
  let facts = context.byPolicies.get(key);
  if (facts === undefined) context.byPolicies.set(key, (facts = computeFacts(context, rules)));
  return facts;
}

function computeFacts(context: Context, rules: SubjectRules): DirectionFacts {
  if (rules.policies.length === 0) {
    // semantics §4: not isolated, and no cluster-wide policy speaks: everything is allowed.
    const toPods = rules.direction === 'egress' ? EVERY_PORT : numberedPorts(ALL_PORTS);
    return { protected: false, policies: [], entire: toPods, representatives: new Map(), atoms: context.atoms.map(() => numberedPorts(ALL_PORTS)) };
  }
  const representatives = new Map<number, ExposurePorts>();
  for (const index of coveredRepresentatives(context, rules)) {
    const peer = context.representatives[index]!;
    const target = { kind: 'pods', namespaces: namespaceRequirements(peer.namespaces), pods: podRequirements(peer.pods) } as const;
    representatives.set(index, exposedPorts(rules, target));
  }
  return {
    protected: true,
    policies: rules.policies,
    entire: exposedPorts(rules, { kind: 'pods', namespaces: [], pods: [] }),
    representatives,
    atoms: context.atoms.map((atom) => exposedPorts(rules, { kind: 'addresses', addresses: atom.addresses })),
  };
}

/** Representative peers that a rule of the subject covers without covering the entire cluster. */
function coveredRepresentatives(context: Context, rules: SubjectRules): Set<number> {
  const found = new Set<number>();
  for (const rule of [...rules.admin, ...(rules.networkPolicy ?? []), ...rules.baseline]) {
    for (const peer of rule.peers ?? []) {
      if (peer.kind !== 'pods' || (peer.namespaces.length === 0 && peer.pods.length === 0)) continue;
      for (const index of context.index.coveredBy(peer)) found.add(index);
    }
  }
  return found;
}

/** A workload's pods: protected when every pod is; each peer gets what some pod gives it. */
function mergeFacts(list: readonly Facts[]): Facts {
  const [first, ...rest] = list as [Facts, ...Facts[]];
  if (rest.length === 0 || rest.every((f) => f === first)) return first;
  const merge = (direction: Direction): DirectionFacts => {
    const all = list.map((f) => f[direction]);
    const representatives = new Map<number, ExposurePorts>();
    for (const index of new Set(all.flatMap((f) => [...f.representatives.keys()]))) {
      representatives.set(index, all.reduce((acc, f) => unionExposurePorts(acc, f.representatives.get(index) ?? f.entire), NO_PORTS));
    }
    return {
      protected: all.every((f) => f.protected),
      policies: [...new Set(all.flatMap((f) => f.policies))],
      entire: all.reduce((acc, f) => unionExposurePorts(acc, f.entire), NO_PORTS),
      representatives,
      atoms: all[0]!.atoms.map((_, i) => all.reduce((acc, f) => unionExposurePorts(acc, f.atoms[i]!), NO_PORTS)),
    };
  };
  return { ingress: merge('ingress'), egress: merge('egress') };
}

/**
 * The listing rules: the entire cluster when it gets a port; a representative peer only when
 * it gets other ports than the entire cluster (more, or fewer when an admin-tier rule carves it
 * out), since otherwise the entire-cluster line already says it; external ranges that get a port.
 */
function describe(context: Context, direction: Direction, facts: DirectionFacts): DirectionExposure {
  const exposures: Exposure[] = [];
  if (!isNoPorts(facts.entire)) exposures.push({ peer: { kind: 'entire-cluster' }, ports: facts.entire });
  const listed = [...facts.representatives]
    .map(([i, ports]) => ({ peer: context.representatives[i]!, ports }))
    .filter(({ ports }) => !equalExposurePorts(ports, facts.entire) && !(isNoPorts(ports) && isNoPorts(facts.entire)))
    .sort((a, b) => compareRepresentatives(a.peer, b.peer));
  let external = context.externalByAtoms.get(facts.atoms);
  if (external === undefined) context.externalByAtoms.set(facts.atoms, (external = externalExposures(context.atoms, facts.atoms)));
  exposures.push(...listed, ...external);
  return { direction, protected: facts.protected, policies: facts.policies, exposures };
}

/** Pods no rule can tell apart for exposure: same namespace, labels, container ports, hostNetwork. */
function classKey(pod: Pod): string {
  const labels = Object.keys(pod.labels)
    .sort()
    .map((k) => `${k}=${pod.labels[k]}`)
    .join('\u0001');
  return [pod.namespace, labels, portsKey(pod), pod.hostNetwork ? 'h' : ''].join('\u0000');
}

function portsKey(pod: Pod): string {
  return pod.ports
    .map((p) => `${p.name ?? ''}:${p.containerPort}/${p.protocol}`)
    .sort()
    .join(',');
}

/** The connectivity map's endpoint for a pod (docs/map-json.md): the same ids, so outputs can be joined. */
function subjectEndpoint(pod: Pod, level: MapLevel): Omit<SubjectExposure, 'ingress' | 'egress' | 'pods'> {
  if (level === 'pod') return { id: `${pod.namespace}/${pod.name}`, kind: 'Pod', namespace: pod.namespace, name: pod.name };
  if (!pod.owner || pod.owner.kind === 'Node') {
    return { id: `${pod.namespace}/pod/${pod.name}`, kind: 'Pod', namespace: pod.namespace, name: pod.name };
  }
  const id = `${pod.namespace}/${pod.owner.kind.toLowerCase()}/${pod.owner.name}`;
  return { id, kind: pod.owner.kind, namespace: pod.namespace, name: pod.owner.name };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

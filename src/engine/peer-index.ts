import { containsIP, parseIP, type IPSet } from '../algebra/ip-set.js';
import { selectorMatches } from '../algebra/label-selector.js';
import type { LabelSelector } from '../model/label-selector.js';
import { seenBySelectors, type CompiledCluster, type CompiledPeer } from './compile.js';
import type { CompiledClusterPeer } from './compile-cluster-policies.js';
import type { ExternalAtom } from './external-atoms.js';
import type { PodClass } from './pod-classes.js';

/** What one peer matches: pod classes and external atoms, as ascending id lists. */
export interface PeerTargets {
  readonly classes: readonly number[];
  readonly atoms: readonly number[];
}

/**
 * Resolves peers to the classes and atoms they match, looking selectors up against candidates
 * (the classes of the matched namespaces) instead of scanning everything, with caches keyed by
 * selector text so that the many policies sharing a selector are matched once.
 */
export class PeerIndex {
  private readonly compiled: CompiledCluster;
  private readonly atoms: readonly ExternalAtom[];
  private readonly classesByNamespace = new Map<string, PodClass[]>();
  private readonly classesWithIPs: PodClass[];
  /** Classes whose IPs `networks` peers of cluster-wide policies see (ANP semantics §3.3). */
  private readonly classesWithIPsForNetworks: PodClass[];
  private readonly namespacesBySelector = new Map<string, string[]>();
  /** "key=value" -> namespaces carrying that label. */
  private readonly namespacesByLabel = new Map<string, string[]>();
  /** podSelector text -> namespace -> matching class ids. */
  private readonly classesBySelector = new Map<string, Map<string, number[]>>();
  private readonly targetsByPeer = new Map<CompiledPeer, PeerTargets>();
  private readonly targetsByBlock = new Map<string, PeerTargets>();
  private readonly targetsByNetworks = new Map<string, PeerTargets>();
  private readonly targetsByClusterPeer = new Map<CompiledClusterPeer, PeerTargets>();

  constructor(compiled: CompiledCluster, classes: readonly PodClass[], atoms: readonly ExternalAtom[]) {
    this.compiled = compiled;
    this.atoms = atoms;
    for (const c of classes) {
      if (!seenBySelectors(compiled, c.representative)) continue;
      const list = this.classesByNamespace.get(c.representative.namespace);
      if (list) list.push(c);
      else this.classesByNamespace.set(c.representative.namespace, [c]);
    }
    for (const [name, labels] of compiled.namespaceLabels) {
      for (const [key, value] of Object.entries(labels)) {
        const list = this.namespacesByLabel.get(`${key}=${value}`);
        if (list) list.push(name);
        else this.namespacesByLabel.set(`${key}=${value}`, [name]);
      }
    }
    const withIPs = classes.filter((c) => c.representative.ips.length > 0);
    this.classesWithIPs = compiled.options.ipBlockMatchesPodIPs ? withIPs : [];
    this.classesWithIPsForNetworks = compiled.options.networksMatchPodIPs ? withIPs : [];
  }

  /** What a peer of a cluster-wide policy matches (ANP semantics §3.3), cached per peer. */
  clusterTargets(peer: CompiledClusterPeer): PeerTargets {
    let targets = this.targetsByClusterPeer.get(peer);
    if (!targets) {
      targets = this.resolveClusterPeer(peer);
      this.targetsByClusterPeer.set(peer, targets);
    }
    return targets;
  }

  private resolveClusterPeer(peer: CompiledClusterPeer): PeerTargets {
    switch (peer.kind) {
      case 'pods': {
        const podSelectorKey = JSON.stringify(peer.podSelector);
        const classes: number[] = [];
        for (const ns of this.matchingNamespaces(peer.namespaceSelector)) {
          for (const id of this.matchingClasses(ns, peer.podSelector, podSelectorKey)) classes.push(id);
        }
        return { classes: classes.sort((a, b) => a - b), atoms: [] };
      }
      case 'networks': {
        const key = blockKey(peer.addresses);
        let targets = this.targetsByNetworks.get(key);
        if (!targets) {
          targets = { classes: classesInside(this.classesWithIPsForNetworks, peer.addresses), atoms: this.atomsInside(peer.addresses) };
          this.targetsByNetworks.set(key, targets);
        }
        return targets;
      }
      case 'nothing':
        return { classes: [], atoms: [] };
    }
  }

  /** Cached per peer: a policy's peers are looked up once, whatever number of pods it selects. */
  targets(peer: CompiledPeer, policyNamespace: string): PeerTargets {
    let targets = this.targetsByPeer.get(peer);
    if (!targets) {
      targets = this.resolve(peer, policyNamespace);
      this.targetsByPeer.set(peer, targets);
    }
    return targets;
  }

  private resolve(peer: CompiledPeer, policyNamespace: string): PeerTargets {
    if (peer.kind === 'ipBlock') return this.blockTargets(peer.addresses);
    const namespaces =
      peer.namespaceSelector === null ? [policyNamespace] : this.matchingNamespaces(peer.namespaceSelector);
    const podSelectorKey = JSON.stringify(peer.podSelector);
    const classes: number[] = [];
    for (const ns of namespaces) {
      for (const id of this.matchingClasses(ns, peer.podSelector, podSelectorKey)) classes.push(id);
    }
    return { classes: classes.sort((a, b) => a - b), atoms: [] };
  }

  private matchingNamespaces(selector: LabelSelector): string[] {
    const key = JSON.stringify(selector);
    let names = this.namespacesBySelector.get(key);
    if (!names) {
      names = [];
      for (const name of this.namespaceCandidates(selector)) {
        if (selectorMatches(selector, this.compiled.namespaceLabels.get(name)!)) names.push(name);
      }
      this.namespacesBySelector.set(key, names);
    }
    return names;
  }

  /**
   * Namespaces that can match: those carrying one of the values an equality or In requirement
   * demands (the smallest such list), else all of them. The caller still checks the selector.
   */
  private namespaceCandidates(selector: LabelSelector): Iterable<string> {
    let best: string[] | undefined;
    const consider = (key: string, values: readonly string[]): void => {
      const lists = [...new Set(values)].map((value) => this.namespacesByLabel.get(`${key}=${value}`) ?? []);
      const list = lists.length === 1 ? lists[0]! : lists.flat();
      if (best === undefined || list.length < best.length) best = list;
    };
    for (const [key, value] of Object.entries(selector.matchLabels)) consider(key, [value]);
    for (const r of selector.matchExpressions) if (r.operator === 'In') consider(r.key, r.values);
    return best ?? this.compiled.namespaceLabels.keys();
  }

  private matchingClasses(namespace: string, selector: LabelSelector, selectorKey: string): number[] {
    let byNamespace = this.classesBySelector.get(selectorKey);
    if (!byNamespace) {
      byNamespace = new Map();
      this.classesBySelector.set(selectorKey, byNamespace);
    }
    let ids = byNamespace.get(namespace);
    if (!ids) {
      ids = (this.classesByNamespace.get(namespace) ?? [])
        .filter((c) => selectorMatches(selector, c.representative.labels))
        .map((c) => c.id);
      byNamespace.set(namespace, ids);
    }
    return ids;
  }

  private blockTargets(addresses: IPSet): PeerTargets {
    const key = blockKey(addresses);
    let targets = this.targetsByBlock.get(key);
    if (!targets) {
      targets = { classes: classesInside(this.classesWithIPs, addresses), atoms: this.atomsInside(addresses) };
      this.targetsByBlock.set(key, targets);
    }
    return targets;
  }

  /** Atoms are cut at every block boundary, so each lies wholly inside or outside a block. */
  private atomsInside(addresses: IPSet): number[] {
    const ids: number[] = [];
    for (const family of ['IPv4', 'IPv6'] as const) {
      for (const [start, end] of addresses[family]) {
        for (let id = this.firstAtomAtOrAfter(family, start); id < this.atoms.length; id++) {
          const atom = this.atoms[id]!;
          if (atom.family !== family || atom.start > end) break;
          ids.push(id);
        }
      }
    }
    return ids;
  }

  private firstAtomAtOrAfter(family: 'IPv4' | 'IPv6', value: bigint): number {
    let lo = 0;
    let hi = this.atoms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const atom = this.atoms[mid]!;
      const before = atom.family !== family ? atom.family === 'IPv4' : atom.start < value;
      if (before) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Ids of the classes with an IP inside `addresses`, ascending. */
function classesInside(classes: readonly PodClass[], addresses: IPSet): number[] {
  const inside = (ip: string): boolean => {
    const parsed = parseIP(ip);
    return parsed !== undefined && containsIP(addresses, parsed);
  };
  return classes.filter((c) => c.representative.ips.some(inside)).map((c) => c.id);
}

function blockKey(addresses: IPSet): string {
  const part = (intervals: IPSet['IPv4']) => intervals.map(([s, e]) => `${s}-${e}`).join(',');
  return `${part(addresses.IPv4)}|${part(addresses.IPv6)}`;
}

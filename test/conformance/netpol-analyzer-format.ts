/**
 * An adapter for conformance only: netwarden's workload-level ConnectivityMap written in
 * netpol-analyzer's `list -o txt` line grammar (corpus/netpol-analyzer/README.md, "Exact grammar
 * of the txt connlist output"), so its goldens can be compared line by line.
 *
 *   line  := SRC " => " DST " : " CONNS
 *   peer  := ns "/" name "[" Kind "]"  |  start "-" end "[External]"
 *   CONNS := "All Connections" | PROTO " " ranges ("," PROTO " " ranges)*   (SCTP < TCP < UDP)
 */
import type { ConnectivityMap, MapEndpoint } from '../../src/engine/index.js';
import type { NetworkPolicy } from '../../src/model/network-policy.js';
import type { ClusterPolicy } from '../../src/model/cluster-policy.js';
import { compareBytes } from './corpus.js';
import { blockIntervals, cidrInterval, disjointRanges, formatRange, parseIPv4, rangeIndexOf, type Interval } from './ipv4-ranges.js';

type Ranges = readonly (readonly [number, number])[];
type ExternalEndpoint = Extract<MapEndpoint, { readonly start: string }>;
type GroupEndpoint = Exclude<MapEndpoint, ExternalEndpoint>;

export function isExternal(endpoint: MapEndpoint): endpoint is ExternalEndpoint {
  return endpoint.kind === 'External';
}
/** Structurally the engine's PortSet: per protocol, sorted disjoint inclusive ranges. */
export interface PortRanges {
  readonly TCP: Ranges;
  readonly UDP: Ranges;
  readonly SCTP: Ranges;
}

const PROTOCOL_ORDER = ['SCTP', 'TCP', 'UDP'] as const; // sorted as strings, as upstream prints them

function isFull(ranges: Ranges): boolean {
  return ranges.length === 1 && ranges[0]![0] === 1 && ranges[0]![1] === 65535;
}

/** CONNS of one line: "All Connections", "TCP 80,UDP 53,5000-6000", or "" when empty. */
export function formatConns(ports: PortRanges): string {
  if (PROTOCOL_ORDER.every((p) => isFull(ports[p]))) return 'All Connections';
  return PROTOCOL_ORDER.filter((p) => ports[p].length > 0)
    .map((p) => `${p} ${ports[p].map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',')}`)
    .join(',');
}

/** A peer as netpol-analyzer names it; `name`/`namespace` are what --focusworkload matches. */
export interface ConnlistPeer {
  readonly text: string;
  readonly name: string;
  readonly namespace: string;
}

export interface ConnlistLine {
  readonly src: ConnlistPeer;
  readonly dst: ConnlistPeer;
  readonly conns: string;
}

export interface FocusOptions {
  readonly focusworkload: readonly string[];
  readonly focusworkloadPeer: readonly string[];
  readonly focusDirection: '' | 'ingress' | 'egress';
}

export const NO_FOCUS: FocusOptions = { focusworkload: [], focusworkloadPeer: [], focusDirection: '' };

export interface ConnlistResult {
  readonly lines: string[];
  /** Things the adapter had to leave out (e.g. IPv6 ranges), for failure messages. */
  readonly notes: string[];
}

/** The whole txt connlist (sorted lines) for a workload-level map and the policies behind it. */
export function connlistLines(
  map: ConnectivityMap,
  policies: readonly NetworkPolicy[],
  focus: FocusOptions = NO_FOCUS,
  clusterPolicies: readonly ClusterPolicy[] = [],
): ConnlistResult {
  const notes: string[] = [];
  const endpoints = new Map(map.endpoints.map((e) => [e.id, e]));
  const lines: ConnlistLine[] = [];
  const external = new ExternalPeers(map, policies, clusterPolicies, notes);
  for (const connection of map.connections) {
    const from = endpoints.get(connection.from);
    const to = endpoints.get(connection.to);
    if (from === undefined || to === undefined) throw new Error(`connection names an unknown endpoint: ${connection.from} -> ${connection.to}`);
    if (isExternal(from) || isExternal(to)) external.add(from, to, connection.allow);
    else lines.push({ src: workloadPeer(from), dst: workloadPeer(to), conns: formatConns(connection.allow) });
  }
  lines.push(...external.lines());
  const text = lines
    .filter((line) => includePair(line.src, line.dst, focus))
    .map((line) => `${line.src.text} => ${line.dst.text} : ${line.conns}`)
    .sort(compareBytes);
  return { lines: text, notes };
}

/** An owner reference without a kind is shown as [Pod] upstream (k8s.WorkloadPeer.Kind()). */
function workloadPeer(e: GroupEndpoint): ConnlistPeer {
  const kind = e.kind === '' ? 'Pod' : e.kind;
  return { text: `${e.namespace}/${e.name}[${kind}]`, name: e.name, namespace: e.namespace };
}

function ipPeer(range: Interval): ConnlistPeer {
  return { text: `${formatRange(range)}[External]`, name: '', namespace: '' };
}

/**
 * netpol-analyzer's focus filters (pkg/netpol/connlist/connlist.go includePairOfWorkloads):
 * a peer is a focus workload when its name or ns/name equals one of the values; with a focus
 * direction, the focus workload must be the destination (ingress) or source (egress); the other
 * end must then be one of the focus-workload peers, if any were given. IP peers have an empty name.
 */
export function includePair(src: ConnlistPeer, dst: ConnlistPeer, focus: FocusOptions): boolean {
  const isFocus = (peer: ConnlistPeer, list: readonly string[]): boolean =>
    list.length === 0 || list.some((v) => v === peer.name || v === `${peer.namespace}/${peer.name}`);
  const isFocusPeer = (peer: ConnlistPeer): boolean =>
    focus.focusworkload.length === 0 || isFocus(peer, focus.focusworkloadPeer);
  if (focus.focusDirection === 'ingress' && !isFocus(dst, focus.focusworkload)) return false;
  if (focus.focusDirection === 'egress' && !isFocus(src, focus.focusworkload)) return false;
  return (isFocus(src, focus.focusworkload) && isFocusPeer(dst)) || (isFocus(dst, focus.focusworkload) && isFocusPeer(src));
}

type Direction = 'to-external' | 'from-external';

/**
 * netwarden cuts the address space at every ipBlock boundary of every policy; netpol-analyzer
 * cuts sources only at ingress-rule blocks and destinations only at egress-rule blocks (its
 * GetIPBlockPeersLists). Its ranges are therefore unions of netwarden atoms: one line per
 * upstream range when every atom inside it has the same ports, else one line per atom (which
 * then shows up in the diff as a disagreement worth reading).
 */
class ExternalPeers {
  readonly #ranges: Record<Direction, Interval[]>;
  readonly #atomsInRange: Record<Direction, Map<number, string[]>>;
  readonly #atomRange = new Map<string, Interval>();
  /** direction -> workload text -> atom id -> conns */
  readonly #conns: Record<Direction, Map<string, { peer: ConnlistPeer; byAtom: Map<string, string> }>>;
  readonly #notes: string[];

  constructor(map: ConnectivityMap, policies: readonly NetworkPolicy[], clusterPolicies: readonly ClusterPolicy[], notes: string[]) {
    this.#notes = notes;
    this.#ranges = {
      'from-external': disjointRanges(referencedBlocks(policies, 'ingress', notes)),
      'to-external': disjointRanges([...referencedBlocks(policies, 'egress', notes), ...networkBlocks(clusterPolicies, notes)]),
    };
    this.#atomsInRange = { 'from-external': new Map(), 'to-external': new Map() };
    this.#conns = { 'from-external': new Map(), 'to-external': new Map() };
    for (const endpoint of map.endpoints) {
      if (!isExternal(endpoint)) continue;
      const start = parseIPv4(endpoint.start);
      const end = parseIPv4(endpoint.end);
      if (start === undefined || end === undefined) continue; // IPv6 atoms: netpol-analyzer lists IPv4 only
      this.#atomRange.set(endpoint.id, [start, end]);
      for (const direction of ['from-external', 'to-external'] as const) {
        const index = rangeIndexOf(this.#ranges[direction], start);
        const list = this.#atomsInRange[direction].get(index) ?? [];
        list.push(endpoint.id);
        this.#atomsInRange[direction].set(index, list);
      }
    }
  }

  add(from: MapEndpoint, to: MapEndpoint, allow: PortRanges): void {
    let direction: Direction;
    let atom: ExternalEndpoint;
    let workload: GroupEndpoint;
    if (isExternal(from) && !isExternal(to)) [direction, atom, workload] = ['from-external', from, to];
    else if (isExternal(to) && !isExternal(from)) [direction, atom, workload] = ['to-external', to, from];
    else return; // external to external: never listed
    if (!this.#atomRange.has(atom.id)) {
      this.#notes.push(`left out a connection with non-IPv4 range ${atom.id}`);
      return;
    }
    const peer = workloadPeer(workload);
    const entry = this.#conns[direction].get(peer.text) ?? { peer, byAtom: new Map<string, string>() };
    entry.byAtom.set(atom.id, formatConns(allow));
    this.#conns[direction].set(peer.text, entry);
  }

  lines(): ConnlistLine[] {
    const out: ConnlistLine[] = [];
    for (const direction of ['from-external', 'to-external'] as const) {
      for (const { peer, byAtom } of this.#conns[direction].values()) {
        this.#ranges[direction].forEach((range, index) => {
          const atoms = this.#atomsInRange[direction].get(index) ?? [];
          const conns = atoms.map((id) => byAtom.get(id) ?? '');
          const uniform = conns.every((c) => c === conns[0]);
          const pieces: [Interval, string][] = uniform
            ? [[range, conns[0] ?? '']]
            : atoms.map((id, i) => [this.#atomRange.get(id)!, conns[i]!]);
          for (const [r, c] of pieces) {
            if (c === '') continue;
            out.push(direction === 'from-external' ? { src: ipPeer(r), dst: peer, conns: c } : { src: peer, dst: ipPeer(r), conns: c });
          }
        });
      }
    }
    return out;
  }
}

/** IPv4 intervals of every ipBlock in the policies' ingress (from) or egress (to) rules. */
function referencedBlocks(policies: readonly NetworkPolicy[], side: 'ingress' | 'egress', notes: string[]): Interval[] {
  const blocks: Interval[] = [];
  for (const policy of policies) {
    for (const rule of policy[side]) {
      if (rule.peers.kind === 'any') continue;
      for (const peer of rule.peers.items) {
        if (peer.kind !== 'ipBlock') continue;
        const intervals = blockIntervals(peer.cidr, peer.except);
        if (intervals === undefined) notes.push(`ipBlock ${peer.cidr} is not IPv4; left out of the ranges`);
        else blocks.push(...intervals);
      }
    }
  }
  return blocks;
}

/** IPv4 intervals of every `networks` CIDR of the cluster-wide policies (egress rules only have them). */
function networkBlocks(policies: readonly ClusterPolicy[], notes: string[]): Interval[] {
  const blocks: Interval[] = [];
  for (const policy of policies) {
    for (const rule of policy.egress) {
      for (const peer of rule.peers) {
        if (peer.kind !== 'networks') continue;
        for (const cidr of peer.cidrs) {
          const interval = cidrInterval(cidr);
          if (interval === undefined) notes.push(`networks ${cidr} is not IPv4; left out of the ranges`);
          else blocks.push(interval);
        }
      }
    }
  }
  return blocks;
}

// What changed between two connectivity maps of the same level: connections added, removed and
// changed (ports gained and lost), and endpoints found on one side only. Pure: maps in, data out.

import { EMPTY_PORT_SET, equalPortSets, subtractPorts, type PortSet } from '../algebra/port-set.js';
import { isExternalEndpoint } from '../engine/types.js';
import type { ConnectivityMap, MapConnection, MapEndpoint, MapLevel } from '../engine/types.js';
import { commonRanges } from './diff-external-ranges.js';

export type ConnectionChangeKind = 'added' | 'removed' | 'changed';

/** The order changes are listed in, and the order of their groups in every output. */
export const CONNECTION_CHANGE_KINDS = ['added', 'removed', 'changed'] as const satisfies readonly ConnectionChangeKind[];

export interface ConnectionChange {
  readonly change: ConnectionChangeKind;
  readonly from: string;
  readonly to: string;
  /** What the first map allowed (empty for `added`). */
  readonly before: PortSet;
  /** What the second map allows (empty for `removed`). */
  readonly after: PortSet;
  /** after minus before. */
  readonly gained: PortSet;
  /** before minus after. */
  readonly lost: PortSet;
}

/** Whether an endpoint is in both maps, or only in the first (`removed`) or the second (`added`). */
export type EndpointPresence = 'both' | 'removed' | 'added';

export interface DiffEndpoint {
  /** The second map's endpoint when it has one (its pod list is the current one), else the first's. */
  readonly endpoint: MapEndpoint;
  readonly presence: EndpointPresence;
}

export interface ConnectivityDiff {
  readonly level: MapLevel;
  /**
   * Every endpoint of either map: pods or workloads sorted by id, then the address ranges outside
   * the cluster, cut at the boundaries of both maps (see diff-external-ranges.ts), in address order.
   */
  readonly endpoints: readonly DiffEndpoint[];
  /** Grouped as CONNECTION_CHANGE_KINDS, each group in endpoint order (by source, then destination). */
  readonly changes: readonly ConnectionChange[];
  /** Connections both maps allow on exactly the same ports, in endpoint order. */
  readonly unchanged: readonly MapConnection[];
}

/**
 * Compares `before` with `after`, pair by pair. Both maps must have the same level (a workload
 * map and a pod map name different things); a mismatch is a bug in the caller and throws.
 */
export function diffConnectivity(before: ConnectivityMap, after: ConnectivityMap): ConnectivityDiff {
  if (before.level !== after.level) throw new Error(`cannot compare a ${before.level} map with a ${after.level} map`);
  const ranges = commonRanges(before, after);
  const endpoints: DiffEndpoint[] = [
    ...podGroups(before, after),
    ...ranges.ranges.map(({ endpoint, presence }) => ({ endpoint, presence: rangePresence(presence) })),
  ];
  const index = new Map(endpoints.map((e, i) => [e.endpoint.id, i]));
  const count = endpoints.length;
  const pairs = new Map<number, { before: PortSet; after: PortSet }>();
  const record = (connections: readonly MapConnection[], side: 'before' | 'after'): void => {
    for (const { from, to, allow } of connections) {
      const key = indexOf(index, from) * count + indexOf(index, to);
      const pair = pairs.get(key) ?? { before: EMPTY_PORT_SET, after: EMPTY_PORT_SET };
      pair[side] = allow;
      pairs.set(key, pair);
    }
  };
  record(ranges.before, 'before');
  record(ranges.after, 'after');
  const groups: Record<ConnectionChangeKind, ConnectionChange[]> = { added: [], removed: [], changed: [] };
  const unchanged: MapConnection[] = [];
  for (const key of Float64Array.from(pairs.keys()).sort()) {
    const pair = pairs.get(key)!;
    const from = endpoints[Math.floor(key / count)]!.endpoint.id;
    const to = endpoints[key % count]!.endpoint.id;
    if (equalPortSets(pair.before, pair.after)) {
      unchanged.push({ from, to, allow: pair.after });
      continue;
    }
    const change = changeOf(pair.before, pair.after);
    const gained = subtractPorts(pair.after, pair.before);
    const lost = subtractPorts(pair.before, pair.after);
    groups[change].push({ change, from, to, before: pair.before, after: pair.after, gained, lost });
  }
  return { level: after.level, endpoints, changes: CONNECTION_CHANGE_KINDS.flatMap((kind) => groups[kind]), unchanged };
}

/** True when the maps differ: a connection changed, or an endpoint is on one side only. */
export function hasChanges(diff: ConnectivityDiff): boolean {
  return diff.changes.length > 0 || diff.endpoints.some((e) => e.presence !== 'both');
}

/** Endpoint presence by id, for formatters that note new and lost endpoints beside a change. */
export function presenceById(diff: ConnectivityDiff): ReadonlyMap<string, EndpointPresence> {
  return new Map(diff.endpoints.map((e) => [e.endpoint.id, e.presence]));
}

function changeOf(before: PortSet, after: PortSet): ConnectionChangeKind {
  if (equalPortSets(before, EMPTY_PORT_SET)) return 'added';
  if (equalPortSets(after, EMPTY_PORT_SET)) return 'removed';
  return 'changed';
}

/** Pods or workloads of both maps, by id (the order of the map's own endpoints). */
function podGroups(before: ConnectivityMap, after: ConnectivityMap): DiffEndpoint[] {
  const byId = new Map<string, DiffEndpoint>();
  for (const endpoint of before.endpoints) {
    if (!isExternalEndpoint(endpoint)) byId.set(endpoint.id, { endpoint, presence: 'removed' });
  }
  for (const endpoint of after.endpoints) {
    if (isExternalEndpoint(endpoint)) continue;
    byId.set(endpoint.id, { endpoint, presence: byId.has(endpoint.id) ? 'both' : 'added' });
  }
  return [...byId.values()].sort((a, b) => compareStrings(a.endpoint.id, b.endpoint.id));
}

function rangePresence(presence: 'both' | 'before' | 'after'): EndpointPresence {
  return presence === 'before' ? 'removed' : presence === 'after' ? 'added' : 'both';
}

function indexOf(index: ReadonlyMap<string, number>, id: string): number {
  const found = index.get(id);
  if (found === undefined) throw new Error(`connection names an endpoint the map does not list: ${id}`);
  return found;
}

/** Code-unit order, as the map sorts its endpoints. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

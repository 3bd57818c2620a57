// The words every text output of a connectivity diff shares (table, csv, markdown): the note
// beside a change, and the summary line.

import type { ConnectionChange, ConnectivityDiff, EndpointPresence } from '../analysis/diff.js';
import { isEmptyPortSet } from '../algebra/port-set.js';
import { formatPortSet } from './ports-text.js';

/**
 * What a change row adds to its BEFORE and AFTER cells: the ports gained and lost (for a changed
 * connection), and which end is new or was removed (netpol-analyzer's workloads-diff-info).
 */
export function changeNote(change: ConnectionChange, presence: ReadonlyMap<string, EndpointPresence>): string {
  const parts: string[] = [];
  if (change.change === 'changed') {
    if (!isEmptyPortSet(change.gained)) parts.push(`gained ${formatPortSet(change.gained)}`);
    if (!isEmptyPortSet(change.lost)) parts.push(`lost ${formatPortSet(change.lost)}`);
  }
  const ends = (wanted: EndpointPresence): string[] =>
    [['FROM', change.from] as const, ['TO', change.to] as const].filter(([, id]) => presence.get(id) === wanted).map(([end]) => end);
  const added = ends('added');
  if (added.length > 0) parts.push(`${added.join(' and ')} ${added.length === 1 ? 'is' : 'are'} new`);
  const removed = ends('removed');
  if (removed.length > 0) parts.push(`${removed.join(' and ')} ${removed.length === 1 ? 'was' : 'were'} removed`);
  return parts.join('; ');
}

/**
 * `2 changed connections: 1 added, 0 removed, 1 changed; 8 unchanged (workload level).`, counting
 * `changes`: the rows shown (compactChanges), where touching address ranges are one row.
 */
export function summaryLine(diff: ConnectivityDiff, changes: readonly ConnectionChange[]): string {
  const count = (kind: ConnectionChange['change']): number => changes.filter((c) => c.change === kind).length;
  const scope = `(${diff.level} level)`;
  const unchanged = `${diff.unchanged.length} unchanged`;
  if (changes.length === 0) return `No connection changed; ${unchanged} ${scope}.`;
  const total = `${changes.length} changed connection${changes.length === 1 ? '' : 's'}`;
  return `${total}: ${count('added')} added, ${count('removed')} removed, ${count('changed')} changed; ${unchanged} ${scope}.`;
}

/** Ids of the endpoints found in one map only, in endpoint order. */
export function endpointsWith(diff: ConnectivityDiff, presence: Exclude<EndpointPresence, 'both'>): string[] {
  return diff.endpoints.filter((e) => e.presence === presence).map((e) => e.endpoint.id);
}

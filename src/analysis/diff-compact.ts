// A connectivity diff for reading: touching address ranges that changed in the same way towards
// the same endpoint become one row. The diff itself keeps one row per common range (its ids are
// endpoints); the text outputs read this one instead, as netpol-analyzer merges touching blocks.

import { formatIP, intervalToCIDRs, type IPFamily } from '../algebra/ip-set.js';
import { portSetKey } from '../algebra/port-set.js';
import { isExternalEndpoint } from '../engine/types.js';
import type { ConnectionChange, ConnectivityDiff } from './diff.js';
import { addressOf } from './diff-external-ranges.js';

interface Range {
  readonly family: IPFamily;
  readonly start: bigint;
  end: bigint;
}

/**
 * The diff's changes, in the same order, with the rows of one endpoint and one kind of change
 * (same ports before and after) towards or from touching address ranges merged into one row
 * at the place of the first. A merged range is named as the map names ranges: one CIDR, or
 * `first-last`.
 */
export function compactChanges(diff: ConnectivityDiff): ConnectionChange[] {
  const ranges = new Map<string, Range>();
  for (const { endpoint } of diff.endpoints) {
    if (!isExternalEndpoint(endpoint)) continue;
    const start = addressOf(endpoint.start);
    const end = addressOf(endpoint.end);
    if (start !== undefined && end !== undefined) ranges.set(endpoint.id, { family: start.family, start: start.value, end: end.value });
  }
  const groups = new Map<string, { first: ConnectionChange; toExternal: boolean; merged: Range[] }>();
  const order: (ConnectionChange | string)[] = [];
  for (const change of diff.changes) {
    const toRange = ranges.get(change.to);
    const fromRange = ranges.get(change.from);
    const range = toRange ?? fromRange;
    if (range === undefined) {
      order.push(change);
      continue;
    }
    const other = toRange !== undefined ? change.from : change.to;
    const key = [change.change, toRange !== undefined ? '>' : '<', other, range.family, portSetKey(change.before), portSetKey(change.after)].join('\u0000');
    let group = groups.get(key);
    if (group === undefined) {
      groups.set(key, (group = { first: change, toExternal: toRange !== undefined, merged: [] }));
      order.push(key);
    }
    const last = group.merged[group.merged.length - 1];
    if (last !== undefined && last.end + 1n === range.start) last.end = range.end;
    else group.merged.push({ ...range });
  }
  return order.flatMap((entry) => {
    if (typeof entry !== 'string') return [entry];
    const { first, toExternal, merged } = groups.get(entry)!;
    return merged.map((range) => (toExternal ? { ...first, to: rangeId(range) } : { ...first, from: rangeId(range) }));
  });
}

function rangeId({ family, start, end }: Range): string {
  const cidrs = intervalToCIDRs(family, start, end);
  return cidrs.length === 1 && cidrs[0] !== undefined ? cidrs[0] : `${formatIP(family, start)}-${formatIP(family, end)}`;
}

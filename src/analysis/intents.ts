// `netwarden test`: each intent checked on every (from, to) pair it stands for, with the engine's
// explanation of the first few pairs that break it (docs/test.md).
import type { Cluster } from '../model/cluster.js';
import type { NetworkPolicy } from '../model/network-policy.js';
import { EMPTY_PORT_SET } from '../algebra/port-set.js';
import type { PortSet } from '../algebra/port-set.js';
import { compileCluster } from '../engine/compile.js';
import type { CompiledCluster } from '../engine/compile.js';
import { connectivity } from '../engine/connectivity.js';
import { atomIndexOf, externalAtoms } from '../engine/external-atoms.js';
import type { ExternalAtom } from '../engine/external-atoms.js';
import type { Intent, IntentFile } from './intent.js';
import { resolveEnds, withIntentBoundaries } from './intent-ends.js';
import type { IntentEnd } from './intent-ends.js';
import { checkPair } from './intent-pairs.js';
import type { Explanation, PairContext, PairFinding } from './intent-pairs.js';

/** How many breaking pairs are explained; the rest are counted. */
export const SHOWN_PAIRS = 5;

/** pass: every pair as expected; fail: some pair is not; error: the intent could not be checked on this input. */
export type IntentOutcome = 'pass' | 'fail' | 'error';

export interface OffendingPair extends Explanation {
  readonly from: IntentEnd;
  readonly to: IntentEnd;
  readonly finding: PairFinding;
}

export interface IntentCheck {
  readonly intent: Intent;
  readonly outcome: IntentOutcome;
  /** The (from, to) pairs checked: a pod with itself is left out. */
  readonly pairCount: number;
  /** The first SHOWN_PAIRS pairs that break the intent, in order (from, then to). */
  readonly offending: readonly OffendingPair[];
  readonly offendingCount: number;
  /** Why the intent could not be checked (a selector names nothing, a port does not exist): distinct messages. */
  readonly errors: readonly string[];
}

export interface IntentReport {
  readonly file: string;
  readonly checks: readonly IntentCheck[];
  /** The analysed policies, so that explanations can quote the matching peer and port entry. */
  readonly policies: readonly NetworkPolicy[];
}

/** Checks every intent of `file` against `cluster`. Pure: same input, same report. */
export function checkIntents(cluster: Cluster, file: IntentFile): IntentReport {
  const compiled = compileCluster(cluster);
  const context: PairContext = { compiled, allowedPorts: lazyAllowedPorts(withIntentBoundaries(cluster, intentCidrs(file.intents))) };
  const checks = file.intents.map((intent) => {
    // Each intent's ranges are cut by the policies and its own CIDRs only, so that its pairs do not
    // depend on the other intents of the file.
    const atoms = externalAtoms(withIntentBoundaries(cluster, intentCidrs([intent])));
    return checkIntent(context, atoms, intent);
  });
  return { file: file.file, checks, policies: cluster.policies };
}

function checkIntent(context: PairContext, atoms: readonly ExternalAtom[], intent: Intent): IntentCheck {
  const from = resolveEnds(context.compiled, atoms, intent.from);
  const to = resolveEnds(context.compiled, atoms, intent.to);
  const endErrors = [...(from.ok ? [] : [`from: ${from.error}`]), ...(to.ok ? [] : [`to: ${to.error}`])];
  if (!from.ok || !to.ok) return { intent, outcome: 'error', pairCount: 0, offending: [], offendingCount: 0, errors: endErrors };
  const errors = new Set<string>();
  const offending: OffendingPair[] = [];
  let offendingCount = 0;
  let pairCount = 0;
  for (const source of from.ends) {
    for (const destination of to.ends) {
      if (source.kind === 'pod' && destination.kind === 'pod' && source.pod === destination.pod) continue; // a pod always reaches itself
      pairCount++;
      const result = checkPair(context, intent, to.service, source, destination);
      if (result.kind === 'unresolvable') {
        errors.add(result.error);
        continue;
      }
      if (result.connects === (intent.expect === 'allow')) continue;
      if (++offendingCount <= SHOWN_PAIRS) offending.push({ from: source, to: destination, finding: result.finding, ...result.explain() });
    }
  }
  const outcome = errors.size > 0 ? 'error' : offendingCount > 0 ? 'fail' : 'pass';
  return { intent, outcome, pairCount, offending, offendingCount, errors: [...errors] };
}

function intentCidrs(intents: readonly Intent[]): string[] {
  const cidrs = new Set<string>();
  for (const { from, to } of intents) for (const end of [from, to]) if (end.kind === 'ip') cidrs.add(end.cidr);
  return [...cidrs];
}

/**
 * Every port each pair allows, from the pod-level connectivity map of the cluster with every
 * intent's range boundaries (so that each intent's ranges are unions of the map's): computed on
 * the first intent without a port, then looked up. A range is looked up by its first address.
 */
function lazyAllowedPorts(bounded: Cluster): (from: IntentEnd, to: IntentEnd) => PortSet {
  let map: { readonly byPair: Map<string, Map<string, PortSet>>; readonly atoms: readonly ExternalAtom[] } | undefined;
  return (from, to) => {
    map ??= { byPair: pairsOf(compileCluster(bounded)), atoms: externalAtoms(bounded) };
    const { byPair, atoms } = map;
    const id = (end: IntentEnd): string => (end.kind === 'pod' ? end.id : (atoms[atomIndexOf(atoms, end.ip)]?.id ?? end.id));
    return byPair.get(id(from))?.get(id(to)) ?? EMPTY_PORT_SET;
  };
}
function pairsOf(compiled: CompiledCluster): Map<string, Map<string, PortSet>> {
  const byPair = new Map<string, Map<string, PortSet>>();
  for (const { from, to, allow } of connectivity(compiled, { level: 'pod' }).connections) {
    let row = byPair.get(from);
    if (row === undefined) byPair.set(from, (row = new Map()));
    row.set(to, allow);
  }
  return byPair;
}

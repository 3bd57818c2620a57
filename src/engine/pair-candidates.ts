import { isEmptyPortSet, type PortSet } from '../algebra/port-set.js';
import type { DirectionAllow } from './class-connectivity.js';
import type { TierOutcome, TierView } from './tier-views.js';

/** Destinations sharing one ingress tier view, split by what they do for sources it does not decide. */
interface ViewDestinations {
  readonly view: TierView;
  /** Not isolated by NetworkPolicy: the view's outcome alone decides. */
  readonly open: number[];
  /** Isolated, and accepting some ports from every source (rules without from). */
  readonly isolatedBroad: number[];
  /** Isolated, every one. */
  readonly isolated: number[];
}

/**
 * For each source class, the destination classes whose ingress may accept something from it
 * (semantics §4, ANP semantics §7.2), found without looking at every destination: destinations
 * with the same cluster-wide ingress view are judged together by the view's outcome for the source.
 * A superset: the caller computes the ports of each pair.
 */
export class PairCandidates {
  /** Destinations without a tier view that accept from every source. */
  private readonly plainBroad: number[] = [];
  /** Source -> destinations whose NetworkPolicy ingress rules name it. */
  private readonly listedBy: number[][];
  private readonly views: ViewDestinations[] = [];
  private readonly stamp: Int32Array;
  private generation = 0;

  constructor(ingress: readonly DirectionAllow[], ingressBase: readonly PortSet[]) {
    this.listedBy = Array.from({ length: ingress.length }, () => []);
    this.stamp = new Int32Array(ingress.length);
    const byView = new Map<TierView, ViewDestinations>();
    ingress.forEach((allow, destination) => {
      for (const source of allow.byClass.keys()) this.listedBy[source]!.push(destination);
      const broad = !isEmptyPortSet(ingressBase[destination]!);
      if (allow.tiers === undefined) {
        if (broad) this.plainBroad.push(destination);
        return;
      }
      let group = byView.get(allow.tiers);
      if (!group) byView.set(allow.tiers, (group = { view: allow.tiers, open: [], isolatedBroad: [], isolated: [] }));
      if (!allow.isolated) group.open.push(destination);
      else {
        group.isolated.push(destination);
        if (broad) group.isolatedBroad.push(destination);
      }
    });
    this.views = [...byView.values()];
  }

  /** Destinations that may accept from `source`, each once. */
  accepting(source: number): number[] {
    const out: number[] = [];
    const mark = ++this.generation;
    const add = (list: readonly number[]): void => {
      for (const id of list) {
        if (this.stamp[id] !== mark) {
          this.stamp[id] = mark;
          out.push(id);
        }
      }
    };
    add(this.plainBroad);
    add(this.listedBy[source]!); // NetworkPolicy rules naming the source: always worth a look
    for (const group of this.views) {
      const index = group.view.byClass.get(source);
      const outcome: TierOutcome | undefined = index === undefined ? undefined : group.view.outcomes[index];
      // Not named by the view: NetworkPolicy decides as without cluster-wide policies (all when not isolated).
      if (outcome === undefined || !isEmptyPortSet(outcome.withoutNetworkPolicy)) add(group.open);
      if (outcome !== undefined && !isEmptyPortSet(outcome.adminAllowed)) add(group.isolated);
      else if (outcome === undefined || !isEmptyPortSet(outcome.toNetworkPolicy)) add(group.isolatedBroad);
    }
    return out;
  }
}

/**
 * Destinations an isolated source without from-less rules may send to: those its NetworkPolicy
 * rules name, and those an admin rule allows (its egress view's outcome), each once.
 */
export function listedDestinations(out: DirectionAllow): number[] {
  const ids = [...out.byClass.keys()];
  const allowed = out.tiers?.adminAllowedClasses ?? [];
  if (allowed.length === 0) return ids;
  const seen = new Set(ids);
  for (const remote of allowed) if (!seen.has(remote)) ids.push(remote);
  return ids;
}

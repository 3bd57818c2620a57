// The snapshot as connectivity() sees it (one pod per class, one address per external atom), for
// the rules that judge cluster-wide policies (ANP semantics §7.2): built once per lint run, and
// only when a rule asks for it.

import { isAllPorts } from '../../algebra/port-set.js';
import type { Pod } from '../../model/cluster.js';
import type { Direction } from '../../model/common.js';
import type { CompiledCluster } from '../../engine/compile.js';
import type { CompiledClusterPolicy } from '../../engine/compile-cluster-policies.js';
import { externalAtoms, type ExternalAtom } from '../../engine/external-atoms.js';
import { PeerIndex } from '../../engine/peer-index.js';
import { podClasses, type PodClass } from '../../engine/pod-classes.js';
import { TierViews } from '../../engine/tier-views.js';
import type { Endpoint } from '../../engine/types.js';

/** What the tiers leave open for one pod that no NetworkPolicy selects, per direction. */
export interface TierGuard {
  /** Cluster-wide policies that select the pod and have rules for the direction, in evaluation order. */
  readonly policies: readonly CompiledClusterPolicy[];
  /** Whether the pipeline allows every port to every remote end in that direction. */
  readonly open: boolean;
}

export class ClusterScene {
  readonly atoms: readonly ExternalAtom[];
  readonly classes: readonly PodClass[];
  /** One pod per class. */
  readonly subjects: readonly Endpoint[];
  /** The subjects, then one address per external atom. */
  readonly remotes: readonly Endpoint[];
  private readonly classOfPod = new Map<Pod, PodClass>();
  /** Pods per class id. */
  private readonly classSizes: number[];
  private readonly compiled: CompiledCluster;
  private views: TierViews | undefined;

  constructor(compiled: CompiledCluster) {
    this.compiled = compiled;
    this.atoms = externalAtoms(compiled.cluster);
    const classes = podClasses(compiled, this.atoms);
    this.classes = classes.classes;
    this.classSizes = this.classes.map(() => 0);
    compiled.cluster.pods.forEach((pod, index) => {
      const id = classes.classOfPod[index]!;
      this.classOfPod.set(pod, this.classes[id]!);
      this.classSizes[id]!++;
    });
    this.subjects = this.classes.map((c): Endpoint => ({ kind: 'pod', pod: c.representative }));
    this.remotes = [...this.subjects, ...this.atoms.map((a): Endpoint => ({ kind: 'external', ip: a.representative }))];
  }

  /**
   * Whether subject -> remote stands for a connection between two pods: not when both are the
   * representative of a class of one pod, since a pod reaching itself skips the tiers (ANP semantics §7.5).
   */
  isConnection(subject: Endpoint, remote: Endpoint): boolean {
    if (subject.kind !== 'pod' || remote.kind !== 'pod' || subject.pod !== remote.pod) return true;
    const own = this.classOfPod.get(subject.pod);
    return own !== undefined && this.classSizes[own.id]! > 1;
  }

  /**
   * For a pod no NetworkPolicy isolates in `direction`: whether the admin and baseline tiers deny
   * it anything, towards any pod class or address (ANP semantics §7.2: without NetworkPolicy, what
   * the admin tier passes or leaves goes to the baseline tier, then to the default allow).
   */
  guardOf(pod: Pod, direction: Direction): TierGuard {
    const subject = this.classOfPod.get(pod);
    if (subject === undefined) return { policies: [], open: true };
    const policies = direction === 'egress' ? subject.egressClusterPolicies : subject.ingressClusterPolicies;
    if (policies.length === 0) return { policies, open: true };
    this.views ??= new TierViews(new PeerIndex(this.compiled, this.classes, this.atoms), this.classes);
    const view = this.views.viewOf(subject, direction);
    if (view === undefined) return { policies, open: true };
    const denies = (outcome: number): boolean => !isAllPorts(view.outcomes[outcome]!.withoutNetworkPolicy);
    const towardsPods = [...view.byClass].some(([remote, outcome]) => (remote !== subject.id || this.classSizes[remote]! > 1) && denies(outcome));
    return { policies, open: !towardsPods && ![...view.byAtom.values()].some(denies) };
  }
}

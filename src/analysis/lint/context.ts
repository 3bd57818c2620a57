// What the rules look things up in: the loaded input, the compiled cluster, and memoised answers
// to "which pods does this policy select / this peer match".

import { ipSetOfBlock, containsIP, parseIP } from '../../algebra/ip-set.js';
import { selectorMatches } from '../../algebra/label-selector.js';
import { compileCluster, type CompiledCluster, type EngineOptions } from '../../engine/index.js';
import { labelsOfNamespace, policySelectsPod, seenBySelectors } from '../../engine/compile.js';
import type { Cluster, Namespace, Pod } from '../../model/cluster.js';
import type { Direction } from '../../model/common.js';
import type { LabelSelector } from '../../model/label-selector.js';
import type { NetworkPolicy, Peer, PolicyRule } from '../../model/network-policy.js';
import type { LoadProblem } from '../../model/problem.js';
import { ClusterScene } from './cluster-scene.js';
import { ruleUsage, type RuleUsage } from './cluster-rule-usage.js';
import type { RuleId, Severity, SkippedCheck } from './finding.js';

export interface LintOptions {
  /** Findings below this severity are not reported (and rules that only make them do not run). */
  readonly minSeverity: Severity;
  /** The cluster's pod network(s), e.g. 10.244.0.0/16: ipBlocks overlapping them are reported. */
  readonly podCIDRs: readonly string[];
  /**
   * The largest `candidate policies x (pods kept)^2` for which shadowed-policy runs (it computes the
   * connectivity once per policy); above it the check is skipped and says so.
   */
  readonly shadowBudget: number;
  /** Engine choices (semantics §5), as for `map` and `eval`. */
  readonly engine: Partial<EngineOptions>;
}

export const DEFAULT_LINT_OPTIONS: LintOptions = Object.freeze({
  minSeverity: 'note',
  podCIDRs: Object.freeze([]) as readonly string[],
  shadowBudget: 10_000_000,
  engine: Object.freeze({}),
});

/** What `lint` reads: the loaded cluster and the problems the loader found in the input. */
export interface LintInput {
  readonly cluster: Cluster;
  readonly problems: readonly LoadProblem[];
}

/** A rule of a policy that takes effect: its direction is listed in policyTypes (semantics §2.2). */
export interface ActiveRule {
  readonly direction: Direction;
  readonly rule: PolicyRule;
}

export class LintContext {
  readonly cluster: Cluster;
  readonly problems: readonly LoadProblem[];
  readonly options: LintOptions;
  readonly compiled: CompiledCluster;
  readonly skipped: SkippedCheck[] = [];
  private readonly podsByNamespace = new Map<string, Pod[]>();
  private readonly selected = new Map<NetworkPolicy, readonly Pod[]>();
  private scene: ClusterScene | undefined;
  private usage: RuleUsage | undefined;

  constructor(input: LintInput, options: LintOptions) {
    this.cluster = input.cluster;
    this.problems = input.problems;
    this.options = options;
    this.compiled = compileCluster(input.cluster, options.engine);
    for (const pod of input.cluster.pods) {
      const list = this.podsByNamespace.get(pod.namespace);
      if (list) list.push(pod);
      else this.podsByNamespace.set(pod.namespace, [pod]);
    }
  }

  /** Rules about pods judge nothing when the input has none (a folder of policies alone). */
  get hasPods(): boolean {
    return this.cluster.pods.length > 0;
  }

  podsIn(namespace: string): readonly Pod[] {
    return this.podsByNamespace.get(namespace) ?? [];
  }

  /** Pods the policy's podSelector selects (semantics §2.1; hostNetwork pods per §5.3). */
  selectedPods(policy: NetworkPolicy): readonly Pod[] {
    let pods = this.selected.get(policy);
    if (pods === undefined) {
      pods = this.podsIn(policy.namespace).filter((pod) => policySelectsPod(this.compiled, policy, pod));
      this.selected.set(policy, pods);
    }
    return pods;
  }

  /** Namespaces of the input (declared or only referenced) whose labels the selector matches. */
  namespacesMatching(selector: LabelSelector): readonly Namespace[] {
    return this.cluster.namespaces.filter((ns) => selectorMatches(selector, ns.labels));
  }

  /** Pods a peer of `policy` matches (semantics §2.5, §2.6: ipBlocks by pod IP when the engine says so). */
  peerPods(policy: NetworkPolicy, peer: Peer): readonly Pod[] {
    if (peer.kind === 'ipBlock') {
      const addresses = ipSetOfBlock(peer.cidr, peer.except);
      if (addresses === undefined || !this.compiled.options.ipBlockMatchesPodIPs) return [];
      return this.cluster.pods.filter((pod) =>
        pod.ips.some((ip) => {
          const parsed = parseIP(ip);
          return parsed !== undefined && containsIP(addresses, parsed);
        }),
      );
    }
    const inNamespace = (pod: Pod): boolean =>
      peer.namespaceSelector === null
        ? pod.namespace === policy.namespace
        : selectorMatches(peer.namespaceSelector, labelsOfNamespace(this.compiled, pod.namespace));
    return this.cluster.pods.filter(
      (pod) => seenBySelectors(this.compiled, pod) && inNamespace(pod) && selectorMatches(peer.podSelector, pod.labels),
    );
  }

  /** The rules of the directions the policy lists in policyTypes; the others are ignored (semantics §2.2). */
  activeRules(policy: NetworkPolicy): ActiveRule[] {
    const active: ActiveRule[] = [];
    for (const direction of policy.policyTypes) {
      for (const rule of policy[direction]) active.push({ direction, rule });
    }
    return active;
  }

  /** Whether the input has AdminNetworkPolicies, BaselineAdminNetworkPolicies or ClusterNetworkPolicies. */
  get hasClusterPolicies(): boolean {
    return this.compiled.tiers.admin.length + this.compiled.tiers.baseline.length > 0;
  }

  /** Pod classes and external atoms, as connectivity() sees them; built on first use. */
  get clusterScene(): ClusterScene {
    this.scene ??= new ClusterScene(this.compiled);
    return this.scene;
  }

  /** What each rule of a cluster-wide policy does on the snapshot, computed once for the rules that read it. */
  get clusterRuleUsage(): RuleUsage {
    this.usage ??= ruleUsage(this.compiled, this.clusterScene);
    return this.usage;
  }

  /** Records that a check did not run, for the report. */
  skip(ruleId: RuleId, reason: string): void {
    this.skipped.push({ ruleId, reason });
  }
}

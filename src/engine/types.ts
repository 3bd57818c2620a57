import type { Direction, Protocol } from '../model/common.js';
import type { Pod } from '../model/cluster.js';
import type { SourceRef } from '../model/source.js';
import type { ClusterAction, ClusterActionText, ClusterPolicyKind, ClusterTier } from '../model/cluster-policy.js';
import type { PortSet } from '../algebra/port-set.js';

/** Implementation-defined behaviour (semantics §5), chosen per run. */
export interface EngineOptions {
  /** semantics §2.6 / §5.1: whether ipBlock peers also match pod IPs. Default true. */
  readonly ipBlockMatchesPodIPs: boolean;
  /**
   * semantics §5.3: 'node-traffic' (default, most plugins): hostNetwork pods are neither isolated
   * by spec.podSelector nor matched by pod/namespace selectors; 'pods': they are treated like any pod.
   */
  readonly hostNetworkPods: 'node-traffic' | 'pods';
  /**
   * ANP semantics §3.3: whether the `networks` peers of cluster-wide policies match pod IPs.
   * Upstream says they do (default true); netpol-analyzer never matches pod IPs.
   */
  readonly networksMatchPodIPs: boolean;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = Object.freeze({
  ipBlockMatchesPodIPs: true,
  hostNetworkPods: 'node-traffic',
  networksMatchPodIPs: true,
});

/** One end of a connection: a pod of the cluster, or an address outside it. */
export type Endpoint =
  | { readonly kind: 'pod'; readonly pod: Pod }
  | { readonly kind: 'external'; readonly ip: string };

export interface Connection {
  readonly from: Endpoint;
  readonly to: Endpoint;
  /** Destination port (after Service resolution: the target port). */
  readonly port: number;
  readonly protocol: Protocol;
}

export interface PolicyRef {
  readonly namespace: string;
  readonly name: string;
  readonly source: SourceRef;
}

/** The rule (and within it, the peer and port entry) that allowed a connection in one direction. */
export interface RuleRef {
  readonly policy: PolicyRef;
  readonly direction: Direction;
  /** Index in spec.ingress / spec.egress. */
  readonly ruleIndex: number;
  /** Index in from/to; undefined when the rule has no from/to (every peer). */
  readonly peerIndex?: number;
  /** Index in ports; undefined when the rule has no ports (every port). */
  readonly portIndex?: number;
  readonly source: SourceRef;
}

export type DirectionReason =
  /** This end is not a pod (an external address): nothing to evaluate. */
  | 'not-a-pod'
  /** A pod may always reach itself (semantics §4.1). */
  | 'self'
  /** No policy selects the pod for this direction. */
  | 'not-isolated'
  | 'allowed-by-rule'
  | 'no-rule-matched'
  /** A rule of an admin or baseline cluster-wide policy decided (see `tiers`). */
  | 'cluster-policy';

/**
 * The tiers a direction is judged by, in order (ANP semantics §7.2, style rule 5): the admin tier
 * (AdminNetworkPolicy, ClusterNetworkPolicy tier Admin), NetworkPolicy, the baseline tier
 * (BaselineAdminNetworkPolicy, ClusterNetworkPolicy tier Baseline), then the default (allow).
 */
export type TierName = 'admin' | 'networkpolicy' | 'baseline' | 'default';

/** What one tier says: allow and deny are final; pass and no-match go on to the next tier. */
export type TierDecision = 'allow' | 'deny' | 'pass' | 'no-match';

export interface ClusterPolicyRef {
  readonly kind: ClusterPolicyKind;
  readonly name: string;
  readonly tier: ClusterTier;
  /** null for a BaselineAdminNetworkPolicy, which has no priority. */
  readonly priority: number | null;
  readonly source: SourceRef;
}

/** The rule of a cluster-wide policy that matched a connection in one direction. */
export interface ClusterRuleRef {
  readonly policy: ClusterPolicyRef;
  readonly direction: Direction;
  /** Index in spec.ingress / spec.egress. */
  readonly ruleIndex: number;
  /** The rule's `name`, when it has one. */
  readonly ruleName?: string;
  readonly action: ClusterAction;
  readonly actionText: ClusterActionText;
  /** Index of the first matching peer in from/to. */
  readonly peerIndex: number;
  /** Index of the first matching entry in ports/protocols; undefined when the rule has none (every port). */
  readonly portIndex?: number;
  readonly source: SourceRef;
}

/** The admin or the baseline tier's say on one direction. */
export interface ClusterTierStep {
  readonly tier: 'admin' | 'baseline';
  readonly decision: TierDecision;
  /** Policies of this tier that select the pod and have rules for this direction, in evaluation order. */
  readonly consulted: readonly ClusterPolicyRef[];
  /** The first matching rule; absent when the decision is no-match. */
  readonly rule?: ClusterRuleRef;
  /**
   * ANP semantics §7.4: rules of other policies with the same priority that also match with a
   * different action. Upstream leaves their order undefined; netwarden ordered by name, then kind.
   */
  readonly ambiguousWith?: readonly ClusterRuleRef[];
}

/** NetworkPolicy's say; its details are the direction verdict's isolated, selectingPolicies and allowedBy. */
export interface NetworkPolicyTierStep {
  readonly tier: 'networkpolicy';
  /** no-match: no NetworkPolicy isolates the pod for this direction. */
  readonly decision: 'allow' | 'deny' | 'no-match';
}

export interface DefaultTierStep {
  readonly tier: 'default';
  readonly decision: 'allow';
}

export type TierStep = ClusterTierStep | NetworkPolicyTierStep | DefaultTierStep;

export interface DirectionVerdict {
  readonly direction: Direction;
  readonly allowed: boolean;
  readonly reason: DirectionReason;
  readonly isolated: boolean;
  /** Policies whose podSelector selects this end and whose policyTypes include this direction. */
  readonly selectingPolicies: readonly PolicyRef[];
  /** Every rule that matched (all of them, not only the first). */
  readonly allowedBy: readonly RuleRef[];
  /**
   * The tiers consulted, in order; the last one decided. Empty when nothing was evaluated
   * (reason 'not-a-pod' or 'self'). isolated/selectingPolicies/allowedBy describe NetworkPolicy
   * whether or not its tier was reached.
   */
  readonly tiers: readonly TierStep[];
}

/** A verdict is data; formatters turn it into words. */
export interface Verdict {
  readonly connection: Connection;
  readonly allowed: boolean;
  /** Egress is evaluated at the source pod, ingress at the destination pod. */
  readonly egress: DirectionVerdict;
  readonly ingress: DirectionVerdict;
}

/** One endpoint per pod, per workload, or per namespace (all its pods). */
export type MapLevel = 'pod' | 'workload' | 'namespace';

/** Pods shown as one endpoint: a single pod, every pod of one workload, or every pod of one namespace. */
export interface PodGroupEndpoint {
  readonly id: string;
  /** 'Pod', 'Namespace', or the kind of the pods' controller (Deployment, ReplicaSet, StatefulSet, ...). */
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  /** Pod ids (ns/name) this endpoint stands for. */
  readonly pods: readonly string[];
}

/** A range of addresses outside the cluster that all policies treat alike. */
export interface ExternalEndpoint {
  readonly id: string;
  readonly kind: 'External';
  /** Inclusive address range, e.g. 0.0.0.0 and 9.255.255.255. */
  readonly start: string;
  readonly end: string;
  /** The same range as a minimal list of CIDRs. */
  readonly cidrs: readonly string[];
}

export type MapEndpoint = PodGroupEndpoint | ExternalEndpoint;

export function isExternalEndpoint(endpoint: MapEndpoint): endpoint is ExternalEndpoint {
  return !('namespace' in endpoint);
}

export interface MapConnection {
  readonly from: string;
  readonly to: string;
  readonly allow: PortSet;
}

/** Who can reach whom. A pair that is absent allows nothing; self pairs are omitted. */
export interface ConnectivityMap {
  readonly level: MapLevel;
  readonly endpoints: readonly MapEndpoint[];
  readonly connections: readonly MapConnection[];
}

import type { Protocol } from './common.js';
import type { LabelSelector } from './label-selector.js';
import type { SourceRef } from './source.js';

/**
 * The cluster-scoped policies of policy.networking.k8s.io (admin-network-policy-semantics.md,
 * "ANP semantics" below): AdminNetworkPolicy and BaselineAdminNetworkPolicy (v1alpha1) and
 * ClusterNetworkPolicy (v1alpha2), normalised into one form (ANP semantics §8).
 */
export const CLUSTER_POLICY_KINDS = ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy'] as const;
export type ClusterPolicyKind = (typeof CLUSTER_POLICY_KINDS)[number];

/** ANP semantics §1: ANP is the admin tier, BANP the baseline tier, CNP says which in spec.tier. */
export type ClusterTier = 'admin' | 'baseline';

/** What a matching rule does. CNP `Accept` is `allow` (ANP semantics §8.4); `actionText` keeps the word written. */
export type ClusterAction = 'allow' | 'deny' | 'pass';

/** The action as the API spells it, for explanations. */
export type ClusterActionText = 'Allow' | 'Accept' | 'Deny' | 'Pass';

export interface ClusterPolicy {
  readonly kind: ClusterPolicyKind;
  /** metadata.name (cluster-scoped: no namespace). */
  readonly name: string;
  readonly tier: ClusterTier;
  /**
   * spec.priority, 0..1000, lower first (ANP semantics §7.2). A BaselineAdminNetworkPolicy has
   * none: null, and it sorts as priority 0 (ANP semantics §8, "a synthetic priority").
   */
  readonly priority: number | null;
  readonly subject: ClusterSubject;
  /** spec.ingress in list order; empty: the policy is invisible on ingress (ANP semantics §7.2). */
  readonly ingress: readonly ClusterRule[];
  readonly egress: readonly ClusterRule[];
  readonly source: SourceRef;
  readonly raw: unknown;
}

/**
 * spec.subject (ANP semantics §3.2): `namespaces: S` is {namespaceSelector: S, podSelector: {}};
 * `form` keeps which one was written, for explanations.
 */
export interface ClusterSubject {
  readonly form: 'namespaces' | 'pods';
  readonly namespaceSelector: LabelSelector;
  readonly podSelector: LabelSelector;
}

export interface ClusterRule {
  /** 0-based index in spec.ingress / spec.egress. */
  readonly index: number;
  /** The rule's optional `name`. */
  readonly name?: string;
  readonly action: ClusterAction;
  readonly actionText: ClusterActionText;
  /** from/to: never empty after validation; the rule matches when any peer does (ANP semantics §3.3). */
  readonly peers: readonly ClusterPeer[];
  /** ports (v1alpha1) / protocols (v1alpha2); absent: every protocol and port (ANP semantics §4.1). */
  readonly ports: ClusterPortList;
  readonly source: SourceRef;
}

export type ClusterPeer = ClusterPodPeer | ClusterNetworksPeer | ClusterNodesPeer | ClusterDomainNamesPeer;

/** `namespaces: S` or `pods: {namespaceSelector, podSelector}` (ANP semantics §3.3). */
export interface ClusterPodPeer {
  readonly kind: 'pods';
  readonly index: number;
  readonly form: 'namespaces' | 'pods';
  readonly namespaceSelector: LabelSelector;
  readonly podSelector: LabelSelector;
  readonly source: SourceRef;
}

/** `networks: [cidr...]`, egress only: any address in a CIDR, pods included (ANP semantics §3.3, §3.4). */
export interface ClusterNetworksPeer {
  readonly kind: 'networks';
  readonly index: number;
  /** As written (host bits allowed, ANP semantics §9.3); consumers mask them. */
  readonly cidrs: readonly string[];
  readonly source: SourceRef;
}

/** `nodes: S`, egress only (experimental). netwarden does not model Nodes: it matches nothing. */
export interface ClusterNodesPeer {
  readonly kind: 'nodes';
  readonly index: number;
  readonly nodeSelector: LabelSelector;
  readonly source: SourceRef;
}

/** `domainNames: [...]`, egress only (experimental). Without DNS data it matches nothing. */
export interface ClusterDomainNamesPeer {
  readonly kind: 'domainNames';
  readonly index: number;
  readonly names: readonly string[];
  readonly source: SourceRef;
}

export type ClusterPortList =
  | { readonly kind: 'any' }
  | { readonly kind: 'list'; readonly items: readonly ClusterPort[] };

/**
 * One port entry (ANP semantics §4.2, §4.3): a protocol and an inclusive destination port range
 * (portNumber: from == to), or a named port that takes number and protocol from the destination pod (§4.4).
 */
export type ClusterPort =
  | {
      readonly kind: 'range';
      readonly index: number;
      readonly protocol: Protocol;
      readonly from: number;
      readonly to: number;
      readonly source: SourceRef;
    }
  | { readonly kind: 'named'; readonly index: number; readonly name: string; readonly source: SourceRef };

/**
 * The API server's message for a BaselineAdminNetworkPolicy not named `default` (its CRD's CEL rule,
 * ANP semantics §2.2): the loader reports it, and lint reports it as baseline-not-default.
 */
export const BASELINE_NAME_MESSAGE = 'Only one baseline admin network policy with metadata.name="default" can be created in the cluster';

/** Short tag used in explanations: [ANP], [BANP], [CNP]. */
export function clusterPolicyTag(kind: ClusterPolicyKind): 'ANP' | 'BANP' | 'CNP' {
  return kind === 'AdminNetworkPolicy' ? 'ANP' : kind === 'BaselineAdminNetworkPolicy' ? 'BANP' : 'CNP';
}

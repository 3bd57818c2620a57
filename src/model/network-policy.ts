import type { Direction, Protocol } from './common.js';
import type { LabelSelector } from './label-selector.js';
import type { SourceRef } from './source.js';

/**
 * A networking.k8s.io/v1 NetworkPolicy after API-server defaulting (semantics §2.2, §2.7)
 * and validation. `raw` keeps the object as written, for explanations and lint.
 */
export interface NetworkPolicy {
  readonly namespace: string;
  readonly name: string;
  /** spec.podSelector; absent/null decode to the empty selector (semantics §2.1). */
  readonly podSelector: LabelSelector;
  /** Defaulted: Ingress always, plus Egress iff spec.egress is non-empty (semantics §2.2). Duplicates removed. */
  readonly policyTypes: readonly Direction[];
  readonly ingress: readonly PolicyRule[];
  readonly egress: readonly PolicyRule[];
  readonly source: SourceRef;
  readonly raw: unknown;
}

export interface PolicyRule {
  /** 0-based index in spec.ingress / spec.egress. */
  readonly index: number;
  /** from/to missing or empty: every peer (semantics §2.4). */
  readonly peers: PeerList;
  /** ports missing or empty: every port of every protocol (semantics §2.7). */
  readonly ports: PortList;
  readonly source: SourceRef;
}

export type PeerList =
  | { readonly kind: 'any' }
  | { readonly kind: 'list'; readonly items: readonly Peer[] };

export type Peer = PodPeer | IPBlockPeer;

export interface PodPeer {
  readonly kind: 'pods';
  readonly index: number;
  /** null: the policy's own namespace only. A selector: every namespace it matches. */
  readonly namespaceSelector: LabelSelector | null;
  /** Absent podSelector is normalised to the empty selector (all pods). */
  readonly podSelector: LabelSelector;
  /** Whether the peer spelled podSelector / namespaceSelector (for explanations). */
  readonly hasPodSelector: boolean;
  readonly source: SourceRef;
}

export interface IPBlockPeer {
  readonly kind: 'ipBlock';
  readonly index: number;
  /** As written (may be sloppy, e.g. host bits set); consumers mask it. */
  readonly cidr: string;
  readonly except: readonly string[];
  readonly source: SourceRef;
}

export type PortList =
  | { readonly kind: 'any' }
  | { readonly kind: 'list'; readonly items: readonly PolicyPort[] };

export interface PolicyPort {
  readonly index: number;
  /** Defaulted to TCP. */
  readonly protocol: Protocol;
  readonly port: PortSpec;
  readonly source: SourceRef;
}

export type PortSpec =
  | { readonly kind: 'all' }
  | { readonly kind: 'range'; readonly from: number; readonly to: number }
  | { readonly kind: 'named'; readonly name: string };

export function policyId(policy: { namespace: string; name: string }): string {
  return `${policy.namespace}/${policy.name}`;
}

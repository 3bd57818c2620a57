import type { Direction, Protocol } from '../model/common.js';
import type { Pod } from '../model/cluster.js';
import type { SourceRef } from '../model/source.js';
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
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = Object.freeze({ ipBlockMatchesPodIPs: true, hostNetworkPods: 'node-traffic' });

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
  | 'no-rule-matched';

export interface DirectionVerdict {
  readonly direction: Direction;
  readonly allowed: boolean;
  readonly reason: DirectionReason;
  readonly isolated: boolean;
  /** Policies whose podSelector selects this end and whose policyTypes include this direction. */
  readonly selectingPolicies: readonly PolicyRef[];
  /** Every rule that matched (all of them, not only the first). */
  readonly allowedBy: readonly RuleRef[];
}

/** A verdict is data; formatters turn it into words. */
export interface Verdict {
  readonly connection: Connection;
  readonly allowed: boolean;
  /** Egress is evaluated at the source pod, ingress at the destination pod. */
  readonly egress: DirectionVerdict;
  readonly ingress: DirectionVerdict;
}

export type MapLevel = 'pod' | 'workload';

/** Pods shown as one endpoint: a single pod, or every pod of one workload. */
export interface PodGroupEndpoint {
  readonly id: string;
  /** 'Pod', or the kind of the pods' controller (Deployment, ReplicaSet, StatefulSet, ...). */
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

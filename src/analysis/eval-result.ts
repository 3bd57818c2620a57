import type { NetworkPolicy } from '../model/network-policy.js';
import type { Endpoint, Verdict } from '../engine/types.js';

/**
 * How a name given on the command line became one end of the evaluated connection.
 * Formatters say so in the output, so that a reader knows which pod was judged.
 */
export type EndpointChoice =
  /** A pod named directly. */
  | { readonly kind: 'pod' }
  /** An address outside the cluster. */
  | { readonly kind: 'ip' }
  /** A workload: its first pod (by name) stands for all of them. */
  | { readonly kind: 'workload'; readonly workloadKind: string; readonly name: string; readonly podCount: number }
  /** A Service: its first backend pod (by name) stands for all of them. */
  | { readonly kind: 'service'; readonly name: string; readonly podCount: number };

export interface ResolvedEnd {
  /** The text given, e.g. default/svc/database. */
  readonly input: string;
  readonly endpoint: Endpoint;
  readonly choice: EndpointChoice;
}

/** How --port became the destination port that the verdict is about. */
export type PortChoice =
  /** A port number, used as given. */
  | { readonly kind: 'number' }
  /** A Service port (given by number or name) translated to the backend pod's target port. */
  | {
      readonly kind: 'service-port';
      readonly service: string;
      readonly port: number;
      readonly portName?: string;
      readonly targetPort: number | string;
    }
  /** The name of a container port of the destination pod. */
  | { readonly kind: 'container-port'; readonly name: string };

/** Everything `netwarden eval` reports: the verdict and how its inputs were chosen. */
export interface EvalResult {
  readonly from: ResolvedEnd;
  readonly to: ResolvedEnd;
  readonly portChoice: PortChoice;
  readonly verdict: Verdict;
  /** The analysed policies, so that explanations can quote the matching peer and port entry. */
  readonly policies: readonly NetworkPolicy[];
}


// What an intents file says (docs/test.md): expectations about who may reach whom, in the users'
// words, checked by `netwarden test` against the analysed cluster.
import { assertNever } from '../model/common.js';
import type { Protocol } from '../model/common.js';
import type { LabelSelector } from '../model/label-selector.js';
import type { WorkloadKind } from '../model/cluster.js';
import type { SourceRef } from '../model/source.js';
import { formatSelector } from '../algebra/label-selector.js';

export type IntentExpectation = 'allow' | 'deny';

/** The namespaces of a `pods` selector: one by name, or those whose labels a selector matches. */
export type NamespaceChoice =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'selector'; readonly selector: LabelSelector };

/** One end of an intent: the pods (or outside addresses) it stands for, each checked. */
export type IntentSelector =
  /** `{namespace | namespaceSelector, podSelector?}`: the pods of those namespaces that podSelector matches (absent: all). */
  | { readonly kind: 'pods'; readonly namespaces: NamespaceChoice; readonly podSelector: LabelSelector }
  /** `{workload: ns/kind/name}`: the workload's pods. */
  | { readonly kind: 'workload'; readonly namespace: string; readonly workloadKind: WorkloadKind; readonly name: string }
  /** `{service: ns/name}`: the Service's backend pods; as `to` with a port, the port is a Service port. */
  | { readonly kind: 'service'; readonly namespace: string; readonly name: string }
  /** `{pod: ns/name}`: one pod. */
  | { readonly kind: 'pod'; readonly namespace: string; readonly name: string }
  /** `{ip: address or CIDR}`: the addresses outside the cluster in this range (canonical CIDR text). */
  | { readonly kind: 'ip'; readonly cidr: string };

/** A destination port: a number, or a name (of a Service port when `to` is a Service, else of a container port). */
export type IntentPort = { readonly kind: 'number'; readonly port: number } | { readonly kind: 'name'; readonly name: string };

export interface Intent {
  /** As written, or made up from the ends, port and expectation when the file gives none. */
  readonly name: string;
  readonly from: IntentSelector;
  readonly to: IntentSelector;
  /** Absent: any port (docs/test.md says exactly what allow and deny then mean). */
  readonly port?: IntentPort;
  /** Absent: TCP with a port (or the Service port's protocol); every protocol without one. */
  readonly protocol?: Protocol;
  readonly expect: IntentExpectation;
  readonly source: SourceRef;
}

/** An intents file, read and checked. */
export interface IntentFile {
  readonly file: string;
  readonly intents: readonly Intent[];
}

/** A selector in a few words, for made-up intent names: `pods app=web in default`, `default/svc/db`. */
export function describeSelector(selector: IntentSelector): string {
  switch (selector.kind) {
    case 'pods': {
      const pods = formatSelector(selector.podSelector);
      const where = selector.namespaces.kind === 'name' ? selector.namespaces.name : namespacesText(selector.namespaces.selector);
      return `${pods === '' ? 'all pods' : `pods ${pods}`} in ${where}`;
    }
    case 'workload':
      return `${selector.namespace}/${selector.workloadKind.toLowerCase()}/${selector.name}`;
    case 'service':
      return `${selector.namespace}/svc/${selector.name}`;
    case 'pod':
      return `${selector.namespace}/pod/${selector.name}`;
    case 'ip':
      return selector.cidr;
    default:
      return assertNever(selector);
  }
}

function namespacesText(selector: LabelSelector): string {
  const text = formatSelector(selector);
  return text === '' ? 'every namespace' : `namespaces ${text}`;
}

/** `TCP/80`, `port http`, `any port` (of `protocol`, or of any protocol). */
export function describePort(port: IntentPort | undefined, protocol: Protocol | undefined): string {
  if (port === undefined) return protocol === undefined ? 'any port' : `any ${protocol} port`;
  const text = port.kind === 'number' ? `${port.port}` : port.name;
  return protocol === undefined ? `port ${text}` : `${protocol}/${text}`;
}

/**
 * The JSON of every dashboard API response (docs/dashboard.md, "API"). Type-only: the server
 * builds these documents and the browser app reads them with `import type`. Field names are the
 * contract; fields are only ever added.
 */

/** Ports per protocol as the map's `allow` (docs/map-json.md): inclusive [from, to] ranges, only protocols with a port. */
export type PortsJson = { TCP?: [number, number][]; UDP?: [number, number][]; SCTP?: [number, number][] };

export type Severity = 'error' | 'warning';

/** A load problem: `text` is the line the CLI prints for it (`file:line: field: message`). */
export interface ProblemView {
  severity: Severity;
  file: string;
  line?: number;
  field?: string;
  message: string;
  text: string;
}

export interface NamespaceView {
  name: string;
  labels: Record<string, string>;
  podCount: number;
  workloadCount: number;
}

export interface IsolationView {
  ingress: boolean;
  egress: boolean;
}

export interface WorkloadView {
  /** As the map's workload endpoint id: `ns/kind/name`, kind lowercase (`ns/pod/name` for a bare pod). */
  id: string;
  /** As Kubernetes spells it (`Deployment`, ...), or `Pod` for a pod without a workload. */
  kind: string;
  namespace: string;
  name: string;
  labels: Record<string, string>;
  podCount: number;
  /** The pods' names; omitted when the cluster has more than 2,000 pods in total. */
  pods?: string[];
  /** Whether some policy selects the workload's pods for ingress / egress. */
  isolated: IsolationView;
}

export type PolicyKind = 'NetworkPolicy' | 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy' | 'ClusterNetworkPolicy';

export interface PolicyView {
  /** `ns/name` for a NetworkPolicy, `kind/name` for a cluster-scoped one. */
  id: string;
  kind: PolicyKind;
  namespace?: string;
  name: string;
  file: string;
  line: number;
  priority?: number;
  tier?: string;
  selects: { pods: number; workloads: string[] };
  /** Plain-English sentences (src/analysis/policy-summary.ts). */
  summary: string[];
  /** The policy's document text as in its file. */
  yaml: string;
}

export interface ClusterView {
  version: 1;
  /** Grows by one on every reload (--watch). */
  generation: number;
  sources: string[];
  counts: { namespaces: number; pods: number; workloads: number; policies: number; clusterPolicies: number };
  problems: ProblemView[];
  namespaces: NamespaceView[];
  workloads: WorkloadView[];
  policies: PolicyView[];
}

export type MapLevel = 'namespace' | 'workload' | 'pod';

/** A pod or workload endpoint, as in docs/map-json.md. */
export interface MapPodEndpointView {
  id: string;
  kind: string;
  namespace: string;
  name: string;
  isolated?: IsolationView;
}

/** A namespace-level endpoint: `id` is the namespace's name. */
export interface MapNamespaceEndpointView {
  id: string;
  kind: 'Namespace';
  namespace: string;
  name: string;
  pods: number;
  workloads: number;
  isolated?: IsolationView;
}

/** A range of addresses outside the cluster. */
export interface MapExternalEndpointView {
  id: string;
  kind: 'External';
  cidrs: string[];
}

export type MapEndpointView = MapPodEndpointView | MapNamespaceEndpointView | MapExternalEndpointView;

export interface MapConnectionView {
  from: string;
  to: string;
  allow: PortsJson;
  /** Every port of TCP, UDP and SCTP is allowed ("allowed" rather than "partly allowed"). */
  full: boolean;
  /** At namespace level: how many workload pairs (external ranges counting as one end each) connect. */
  pairs?: number;
}

export interface MapView {
  level: MapLevel;
  endpoints: MapEndpointView[];
  connections: MapConnectionView[];
}

// ---- Exposure: exactly what `netwarden exposure -o json` prints (docs/exposure.md, "JSON"). ----

export interface SelectorJson {
  matchLabels: Record<string, string>;
  matchExpressions: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values: string[] }[];
}

export type ExposurePeerJson =
  | { kind: 'entire-cluster' }
  | {
      kind: 'representative';
      namespaces: { kind: 'all' } | { kind: 'named'; name: string } | { kind: 'labelled'; selector: SelectorJson };
      pods: { kind: 'all' } | { kind: 'labelled'; selector: SelectorJson };
    }
  | { kind: 'external'; cidrs: string[]; blocks: { cidr: string; except: string[] }[] };

/** As the map's `allow`, plus the named ports whose number is unknown (`protocol` absent for a cluster-wide policy's namedPort). */
export type ExposurePortsJson = PortsJson & { named?: { protocol?: 'TCP' | 'UDP' | 'SCTP'; name: string }[] };

export interface ExposureDirectionJson {
  /** false: no policy of any tier selects the subject for this direction (open to everything). */
  protected: boolean;
  policies: string[];
  exposures: { peer: ExposurePeerJson; ports: ExposurePortsJson }[];
}

export interface ExposureSubjectJson {
  id: string;
  kind: string;
  namespace: string;
  name: string;
  pods: string[];
  ingress: ExposureDirectionJson;
  egress: ExposureDirectionJson;
}

/** GET /api/exposure?level=workload|pod. */
export interface ExposureView {
  level: 'workload' | 'pod';
  /** Sorted by id. */
  subjects: ExposureSubjectJson[];
}

// ---- Explain: `result` is exactly what `netwarden eval -o json` prints (docs/eval.md). ----

export type EvalEndpointJson =
  | { kind: 'Pod'; id: string; namespace: string; name: string }
  | { kind: 'External'; ip: string };

export type EvalChoiceJson =
  | { kind: 'pod' }
  | { kind: 'ip' }
  | { kind: 'workload'; workloadKind: string; name: string; podCount: number }
  | { kind: 'service'; name: string; podCount: number };

export type EvalPortChoiceJson =
  | { kind: 'number' }
  | { kind: 'service-port'; service: string; port: number; portName?: string; targetPort: number | string }
  | { kind: 'container-port'; name: string };

export interface EvalPolicyRefJson {
  namespace: string;
  name: string;
  file: string;
  line: number;
}

export interface EvalRuleRefJson {
  policy: EvalPolicyRefJson;
  ruleIndex: number;
  peerIndex?: number;
  portIndex?: number;
  file: string;
  line: number;
}

export interface EvalClusterPolicyRefJson {
  kind: string;
  name: string;
  priority: number;
  file: string;
  line: number;
}

export interface EvalClusterRuleRefJson {
  policy: EvalClusterPolicyRefJson;
  direction: 'ingress' | 'egress';
  ruleIndex: number;
  ruleName?: string;
  action: string;
  peerIndex: number;
  portIndex?: number;
  file: string;
  line: number;
}

export type EvalTierStepJson =
  | { tier: 'networkpolicy' | 'default'; decision: string }
  | {
      tier: string;
      decision: string;
      consulted: EvalClusterPolicyRefJson[];
      rule?: EvalClusterRuleRefJson;
      ambiguousWith?: EvalClusterRuleRefJson[];
    };

export interface EvalDirectionJson {
  allowed: boolean;
  reason: string;
  isolated: boolean;
  selectingPolicies: EvalPolicyRefJson[];
  allowedBy: EvalRuleRefJson[];
  tiers: EvalTierStepJson[];
}

export interface EvalResultJson {
  allowed: boolean;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  port: number;
  from: { input: string; endpoint: EvalEndpointJson; choice: EvalChoiceJson };
  to: { input: string; endpoint: EvalEndpointJson; choice: EvalChoiceJson };
  portChoice: EvalPortChoiceJson;
  egress: EvalDirectionJson;
  ingress: EvalDirectionJson;
}

export interface ExplainPolicyView {
  id: string;
  kind: PolicyKind;
  file: string;
  line: number;
  yaml: string;
  /** The file line number of the document's first line (line `firstLine + i` is `yaml`'s line i). */
  firstLine: number;
  /** File line numbers to highlight: the deciding rule/peer/port lines, else the policy's first line. */
  highlight: number[];
}

export interface ExplainView {
  result: EvalResultJson;
  /** What `netwarden eval` prints as text. */
  text: string;
  policies: ExplainPolicyView[];
}

// ---- What-if: `diff` is exactly what `netwarden diff -o json` prints (docs/diff.md). ----

export interface WhatIfEdit {
  /** The policy to replace (PolicyView.id); absent to add the documents in `text`. */
  policyId?: string;
  /** YAML documents; empty text deletes the policy `policyId`. */
  text: string;
}

export interface WhatIfRequest {
  level?: MapLevel;
  edits: WhatIfEdit[];
}

export type DiffEndpointJson = (MapPodEndpointView | MapExternalEndpointView) & { presence: 'both' | 'added' | 'removed' };

export interface DiffChangeJson {
  change: 'added' | 'removed' | 'changed';
  from: string;
  to: string;
  before: PortsJson;
  after: PortsJson;
  gained: PortsJson;
  lost: PortsJson;
}

export interface DiffJson {
  level: MapLevel;
  summary: { added: number; removed: number; changed: number; unchanged: number; endpointsAdded: number; endpointsRemoved: number };
  endpoints: DiffEndpointJson[];
  changes: DiffChangeJson[];
}

export interface WhatIfView {
  /** Problems of the edited documents; `file` is "what-if". */
  problems: ProblemView[];
  map: MapView;
  diff: DiffJson;
  policies: PolicyView[];
}

/** `data` of an `event: reload` on /api/events. */
export interface ReloadEvent {
  generation: number;
}

/** Every error response. */
export interface ErrorView {
  error: string;
}

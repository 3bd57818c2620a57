// netwarden's public library API: an explicit list, nothing re-exported wholesale (style rule 14).

// load: manifests -> Cluster model
export { loadSources, loadDocuments, nodeLoadIO } from './load/index.js';
export type { LoadIO } from './load/index.js';
export { formatProblem } from './model/problem.js';
export type { LoadProblem } from './model/problem.js';

// model
export type { Protocol, Direction, Labels } from './model/common.js';
export type { SourceRef } from './model/source.js';
export type { LabelSelector } from './model/label-selector.js';
export type { Cluster, Namespace, Pod, Workload, WorkloadKind, Service, ServicePort, ContainerPort } from './model/cluster.js';
export type { NetworkPolicy, PolicyRule, Peer, PolicyPort } from './model/network-policy.js';
export type {
  ClusterPolicy,
  ClusterPolicyKind,
  ClusterTier,
  ClusterAction,
  ClusterActionText,
  ClusterSubject,
  ClusterRule,
  ClusterPeer,
  ClusterPort,
  ClusterPortList,
} from './model/cluster-policy.js';

// engine: verdicts and the connectivity map
export { compileCluster, evaluate, connectivity, classConnectivity, expandConnectivity, DEFAULT_ENGINE_OPTIONS } from './engine/index.js';
export type {
  ClassConnectivity,
  CompiledCluster,
  ConnectivityOptions,
  EngineOptions,
  Endpoint,
  Connection,
  Verdict,
  DirectionVerdict,
  DirectionReason,
  PolicyRef,
  RuleRef,
  TierName,
  TierDecision,
  TierStep,
  ClusterTierStep,
  NetworkPolicyTierStep,
  DefaultTierStep,
  ClusterPolicyRef,
  ClusterRuleRef,
  MapLevel,
  MapEndpoint,
  MapConnection,
  ConnectivityMap,
} from './engine/index.js';
export type { PortSet, PortRange } from './algebra/port-set.js';

// analysis: built on the engine
export { diffConnectivity, hasChanges, CONNECTION_CHANGE_KINDS } from './analysis/diff.js';
export type { ConnectivityDiff, ConnectionChange, ConnectionChangeKind, DiffEndpoint, EndpointPresence } from './analysis/diff.js';
export { compactChanges } from './analysis/diff-compact.js';

// analysis: naming a connection as eval does, summaries and the namespace level (the dashboard's too)
export { parseEndpointSpec, resolveEndpoint } from './analysis/resolve-endpoint.js';
export type { EndpointSpec, EndpointResolution } from './analysis/resolve-endpoint.js';
export { parsePortArg, resolvePort } from './analysis/resolve-port.js';
export type { PortArg, ResolvedPort } from './analysis/resolve-port.js';
export { evaluateNamedConnection } from './analysis/evaluate-ends.js';
export type { NamedConnection } from './analysis/evaluate-ends.js';
export type { Result } from './analysis/result.js';
export { summarizePolicy, summarizeClusterPolicy, selectorText } from './analysis/policy-summary.js';
export { namespaceMap } from './analysis/namespace-map.js';
export type { NamespaceMap, NamespaceEndpoint, NamespaceConnection } from './analysis/namespace-map.js';

// report: one formatter per output format
export { formatters, MAP_OUTPUTS, EVAL_OUTPUTS, DIFF_OUTPUTS } from './report/index.js';
export type { Formatter, MapOutput, EvalOutput, DiffOutput, EvalResult, ResolvedEnd, EndpointChoice, PortChoice } from './report/index.js';

// analysis: what each pod or workload is exposed to (netwarden exposure)
export { exposure } from './analysis/exposure.js';
export type {
  ExposureReport,
  ExposureOptions,
  SubjectExposure,
  DirectionExposure,
  Exposure,
  ExposurePeer,
  ExposurePorts,
  NamedPort,
  RepresentativePeer,
  NamespaceScope,
  PodScope,
  AddressBlock,
} from './analysis/exposure.js';
export { EXPOSURE_OUTPUTS } from './report/index.js';
export type { ExposureOutput } from './report/index.js';

// analysis: intent tests (netwarden test)
export { parseIntentFile } from './analysis/intent-file.js';
export type { IntentFileResult } from './analysis/intent-file.js';
export type { Intent, IntentFile, IntentSelector, IntentPort, IntentExpectation, NamespaceChoice } from './analysis/intent.js';
export { checkIntents, SHOWN_PAIRS } from './analysis/intents.js';
export type { IntentReport, IntentCheck, IntentOutcome, OffendingPair } from './analysis/intents.js';
export type { IntentEnd } from './analysis/intent-ends.js';
export type { PairFinding, IntentPortChoice } from './analysis/intent-pairs.js';
export { TEST_OUTPUTS } from './report/index.js';
export type { TestOutput } from './report/index.js';

// analysis: lint (netwarden lint), docs/lint.md
export {
  lint,
  DEFAULT_LINT_OPTIONS,
  RULE_IDS,
  SEVERITIES,
  hasFailingFindings,
  countBySeverity,
  ruleInfos,
} from './analysis/lint/index.js';
export type { Finding, LintInput, LintOptions, LintResult, RuleId, RuleInfo, Severity, SkippedCheck } from './analysis/lint/index.js';
export { LINT_OUTPUTS } from './report/index.js';
export type { LintOutput } from './report/index.js';

/**
 * Which netpol-analyzer goldens netwarden is compared against, and why the others are not.
 * Driven by corpus/netpol-analyzer/index.json; the reasons are listed in docs/conformance.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { readJson } from './corpus.js';
import { GO_OBJECT_FIXTURES, GO_OBJECTS_KIND } from './netpol-analyzer-go-objects.js';

export interface GoldenOptions {
  readonly focusworkload?: readonly string[];
  readonly focusworkload_peer?: readonly string[];
  readonly focus_direction?: string;
  readonly focus_conn?: string;
  readonly exposure?: boolean;
  readonly explain?: boolean;
  readonly multiple_networks?: boolean;
  readonly mode?: string;
  readonly protocol?: string;
  readonly port?: string;
}

export interface Golden {
  readonly file: string;
  readonly kind: string;
  readonly inputs: readonly string[];
  readonly format: string;
  readonly options: GoldenOptions;
  readonly compared?: boolean;
  readonly exists_in_corpus?: boolean;
}

export interface EvalCase {
  readonly input: string;
  readonly source_namespace: string;
  readonly source_pod?: string;
  readonly source_workload?: string;
  readonly destination_namespace: string;
  readonly destination_pod?: string;
  readonly destination_workload?: string;
  readonly protocol: string;
  readonly port: string;
  readonly expected_allowed: boolean;
}

export interface CorpusIndex {
  readonly expected_outputs: readonly Golden[];
  readonly eval_cases: readonly EvalCase[];
}

/**
 * netpol-analyzer never matches an ipBlock against pod IPs: manifests' pods get a placeholder
 * IP and "the pod IP never affects results; only ipBlock peers (external ranges) do" (corpus
 * README). That is one of the two behaviours semantics §2.6/§5.1 allows, so it is chosen here.
 */
export const NETPOL_ANALYZER_ENGINE_OPTIONS = { ipBlockMatchesPodIPs: false, hostNetworkPods: 'pods', networksMatchPodIPs: false } as const;

export function readIndex(dir: string): CorpusIndex {
  return readJson(join(dir, 'index.json')) as CorpusIndex;
}

/** Why a golden that is not a plain txt connlist is left out (counted, not run). */
export function notComparableReason(golden: Golden): string | undefined {
  const o = golden.options;
  if (golden.kind === 'diff') return 'diff analysis (run by netpol-analyzer-diff.test.ts)';
  if (golden.kind === 'explain' || o.explain === true) return 'explain output (netwarden explains in its own format)';
  if (golden.kind === 'eval_connections_map') return 'pod-level eval map (run by netpol-analyzer-eval.test.ts)';
  if (golden.kind === GO_OBJECTS_KIND) {
    // inputs built in Go code upstream: run on the fixture folder that restates them as manifests
    if (GO_OBJECT_FIXTURES[golden.file] === undefined) return 'inputs built in Go code, no fixture folder for them';
  } else if (golden.kind !== 'connlist') {
    return `kind ${golden.kind}`;
  }
  if (golden.compared === false || golden.format === 'svg') return 'svg (never compared upstream either)';
  if (o.exposure === true) return 'exposure analysis (txt: run by netpol-analyzer-exposure.test.ts)';
  if ((o.focus_conn ?? '') !== '') return 'focus-conn output (a different line shape)';
  if (o.multiple_networks === true) return 'multi-network output (UDN/NAD sections)';
  // every plain json/csv/md/dot golden has a txt twin from the same run (checked against index.json)
  if (golden.format !== 'txt') return 'json/csv/md/dot rendering of a plain run (its txt twin is the candidate)';
  if (golden.exists_in_corpus === false) return 'golden file missing from the corpus';
  return undefined;
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob']);
const ADMIN_KINDS = new Set(['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy']);
/** Kinds netwarden models for connectivity. */
const MODELLED_KINDS = new Set(['Namespace', 'Pod', 'Service', 'NetworkPolicy', ...WORKLOAD_KINDS, ...ADMIN_KINDS]);
/** Kinds that cannot change v1 pod-to-pod connectivity (both tools skip or only use them for ingress). */
const IRRELEVANT_KINDS = new Set([
  'ConfigMap', 'Secret', 'ServiceAccount', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding',
  'IngressClass', 'Endpoints', 'EndpointSlice', 'PersistentVolumeClaim', 'PodDisruptionBudget',
  'HorizontalPodAutoscaler', 'Ingress', 'Route',
]);
const MULTI_NETWORK_KINDS = new Set([
  'UserDefinedNetwork', 'ClusterUserDefinedNetwork', 'NetworkAttachmentDefinition', 'VirtualMachine', 'MultiNetworkPolicy',
]);

/** Object kinds in an input folder, the way the cli-runtime builder reads it (Lists flattened). */
export function inputKinds(dir: string): Set<string> {
  const kinds = new Set<string>();
  for (const file of manifestFiles(dir)) {
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
      let value: unknown;
      try {
        value = doc.toJS();
      } catch {
        continue; // a broken document: upstream warns and goes on; the loader reports it
      }
      collectKinds(value, kinds);
    }
  }
  return kinds;
}

function collectKinds(value: unknown, kinds: Set<string>): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  const object = value as { kind?: unknown; items?: unknown };
  const kind = typeof object.kind === 'string' ? object.kind : '';
  if (kind.endsWith('List') && Array.isArray(object.items)) {
    const itemKind = kind === 'List' ? '' : kind.slice(0, -'List'.length);
    for (const item of object.items) {
      const it = item as { kind?: unknown } | null;
      collectKinds(typeof it?.kind === 'string' ? it : { ...it, kind: itemKind }, kinds);
    }
  } else if (kind !== '') {
    kinds.add(kind);
  }
}

function manifestFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ya?ml|json)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Why an input folder cannot be compared yet, from the kinds it holds. */
export function inputExclusion(kinds: ReadonlySet<string>): string | undefined {
  const present = (set: ReadonlySet<string>): string[] => [...kinds].filter((k) => set.has(k)).sort();
  if (present(MULTI_NETWORK_KINDS).length > 0) return `uses multi-network kinds ${present(MULTI_NETWORK_KINDS).join(', ')}`;
  const unknown = [...kinds].filter((k) => !MODELLED_KINDS.has(k) && !IRRELEVANT_KINDS.has(k)).sort();
  if (unknown.length > 0) return `holds kinds netwarden does not model: ${unknown.join(', ')}`;
  return undefined;
}

const INVALID_NAME =
  "holds a NetworkPolicy whose metadata.name has '_', which the API server rejects; netwarden reports it and " +
  'leaves it out, netpol-analyzer analyses it (with the name made valid, the lines agree)';

/**
 * Input folders that netwarden reads differently from netpol-analyzer on purpose. Their goldens
 * are still run: while they differ the test is skipped with this reason; if one starts to agree,
 * the test fails so that the entry is removed.
 */
export const INPUT_CONVENTIONS: Readonly<Record<string, string>> = {
  'tests/document_with_syntax_error':
    'a YAML syntax error in the middle of the file: netpol-analyzer keeps only the documents before it, ' +
    'netwarden keeps every valid document (house style rule 8)',
  'tests/example_pods_w_same_owner_and_labels_gap_with_good_match_expression': INVALID_NAME,
  'tests/example_pods_w_same_owner_and_labels_gap_with_good_match_expression2': INVALID_NAME,
  'tests/example_pods_w_same_owner_and_labels_gap_with_policy_selector_not_in_gap': INVALID_NAME,
  'tests/netpol_named_port_test_2':
    "spells a field 'containerport': Go's decoder matches field names case-insensitively, the API server " +
    'does not and rejects the Deployment for a missing containerPort, as netwarden does',
};


/** Feature tags that come from the input's kinds and the golden's options. */
export function inputTags(kinds: ReadonlySet<string>, options: GoldenOptions): string[] {
  const tags: string[] = [];
  if ([...kinds].some((k) => WORKLOAD_KINDS.has(k))) tags.push('workloads');
  if (kinds.has('Pod')) tags.push('live-pods');
  if (kinds.has('Ingress') || kinds.has('Route')) tags.push('ingress-controller');
  if (kinds.has('AdminNetworkPolicy')) tags.push('anp');
  if (kinds.has('BaselineAdminNetworkPolicy')) tags.push('banp');
  if ((options.focusworkload ?? []).length > 0) tags.push('focus-workload');
  if ((options.focus_direction ?? '') !== '') tags.push('focus-direction');
  if ((options.focusworkload_peer ?? []).length > 0) tags.push('focus-workload-peer');
  return tags;
}

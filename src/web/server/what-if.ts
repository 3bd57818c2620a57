import { diffConnectivity } from '../../analysis/diff.js';
import { loadDocuments } from '../../load/index.js';
import type { Cluster } from '../../model/cluster.js';
import type { ClusterPolicy } from '../../model/cluster-policy.js';
import type { NetworkPolicy } from '../../model/network-policy.js';
import { formatters } from '../../report/index.js';
import type { DiffJson, MapLevel, ProblemView, WhatIfEdit, WhatIfView } from '../api-types.js';
import { HttpError } from './http-io.js';
import { checkLevel, connectivityAt, mapView } from './map-view.js';
import { clusterPolicyId, networkPolicyId } from './policy-views.js';
import { problemView, snapshotOf } from './snapshot.js';
import type { Snapshot } from './snapshot.js';

/** The name the edits' problems and texts are filed under. */
export const WHAT_IF_FILE = 'what-if';

interface WhatIfRequestBody {
  readonly level?: MapLevel;
  readonly edits: readonly WhatIfEdit[];
}

/**
 * POST /api/whatif: the loaded cluster with policies replaced, deleted or added, its map and the
 * diff against the loaded one (as `netwarden diff -o json`). Nothing is written to disk. The
 * edits' texts are loaded as one input, joined by `---` lines, so a single edit's problems carry
 * its own line numbers. An edit with errors changes nothing: the problems come back with the
 * unchanged map and an empty diff.
 */
export function whatIf(snapshot: Snapshot, body: unknown): WhatIfView {
  const request = parseRequest(body);
  const level = request.level ?? snapshot.defaultLevel;
  checkLevel(snapshot, level);
  let policies: NetworkPolicy[] = [...snapshot.cluster.policies];
  let clusterPolicies: ClusterPolicy[] = [...(snapshot.cluster.clusterPolicies ?? [])];
  for (const edit of request.edits) {
    if (edit.policyId === undefined) continue;
    const before = policies.length + clusterPolicies.length;
    policies = policies.filter((p) => networkPolicyId(p) !== edit.policyId);
    clusterPolicies = clusterPolicies.filter((p) => clusterPolicyId(p) !== edit.policyId);
    if (policies.length + clusterPolicies.length === before) throw new HttpError(400, `no policy ${edit.policyId} in the loaded cluster`);
  }
  const text = request.edits.map((e) => e.text).filter((t) => t.trim() !== '').join('\n---\n');
  const loaded = text === '' ? undefined : loadDocuments([{ file: WHAT_IF_FILE, text }], { defaultNamespace: snapshot.namespace });
  const problems: ProblemView[] = (loaded?.problems ?? []).filter((p) => p.message !== 'no Kubernetes objects in this file').map(problemView);
  if (loaded !== undefined) {
    problems.push(...ignoredObjects(loaded.cluster));
    policies = replaceById(policies, loaded.cluster.policies, networkPolicyId);
    clusterPolicies = replaceById(clusterPolicies, loaded.cluster.clusterPolicies ?? [], clusterPolicyId);
  }
  if (problems.some((p) => p.severity === 'error')) return unchanged(snapshot, level, problems);
  const cluster: Cluster = { ...snapshot.cluster, policies, clusterPolicies };
  const texts = text === '' ? snapshot.texts : snapshot.texts.overlay(WHAT_IF_FILE, text);
  const edited = snapshotOf(cluster, snapshot.problems, texts, snapshot);
  return { problems, map: mapView(edited, level), diff: diffJson(snapshot, edited, level), policies: edited.clusterView.policies };
}

function parseRequest(body: unknown): WhatIfRequestBody {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { edits?: unknown }).edits)) {
    throw new HttpError(400, 'expected {"edits": [{"policyId"?: string, "text": string}, ...], "level"?: "namespace"|"workload"|"pod"}');
  }
  const { edits, level } = body as { edits: unknown[]; level?: unknown };
  if (level !== undefined && level !== 'namespace' && level !== 'workload' && level !== 'pod') {
    throw new HttpError(400, `level ${String(level)}: expected namespace, workload or pod`);
  }
  const checked = edits.map((edit, i): WhatIfEdit => {
    const { policyId, text } = (edit ?? {}) as { policyId?: unknown; text?: unknown };
    if (typeof text !== 'string' || (policyId !== undefined && typeof policyId !== 'string')) {
      throw new HttpError(400, `edits[${i}]: expected {"policyId"?: string, "text": string}`);
    }
    return policyId === undefined ? { text } : { policyId, text };
  });
  return level === undefined ? { edits: checked } : { edits: checked, level };
}

/** An added policy with the id of one already there replaces it, as `kubectl apply` would. */
function replaceById<T>(current: readonly T[], added: readonly T[], id: (p: T) => string): T[] {
  const ids = new Set(added.map(id));
  return [...current.filter((p) => !ids.has(id(p))), ...added];
}

/** What-if changes policies only: pods, workloads and Services in an edit are reported and left out. */
function ignoredObjects(cluster: Cluster): ProblemView[] {
  const count = cluster.pods.length + cluster.services.length + cluster.namespaces.filter((n) => n.declared).length;
  if (count === 0) return [];
  const message = `${count} object(s) other than policies ignored: what-if applies NetworkPolicies and cluster-wide policies only`;
  return [{ severity: 'warning', file: WHAT_IF_FILE, message, text: `${WHAT_IF_FILE}: warning: ${message}` }];
}

function unchanged(snapshot: Snapshot, level: MapLevel, problems: ProblemView[]): WhatIfView {
  return { problems, map: mapView(snapshot, level), diff: diffJson(snapshot, snapshot, level), policies: snapshot.clusterView.policies };
}

/** `netwarden diff -o json` between the two, at workload level (pod level when the map is). */
function diffJson(before: Snapshot, after: Snapshot, level: MapLevel): DiffJson {
  const diffLevel = level === 'pod' ? 'pod' : 'workload';
  const diff = diffConnectivity(connectivityAt(before, diffLevel), connectivityAt(after, diffLevel));
  let text = '';
  for (const chunk of formatters.diff.json(diff)) text += chunk;
  return JSON.parse(text) as DiffJson;
}

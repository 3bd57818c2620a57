import { summarizeClusterPolicy, summarizePolicy } from '../../analysis/policy-summary.js';
import type { Cluster } from '../../model/cluster.js';
import type { ClusterPolicy } from '../../model/cluster-policy.js';
import type { NetworkPolicy } from '../../model/network-policy.js';
import type { PolicyView } from '../api-types.js';
import type { ClusterIndex } from './cluster-index.js';
import type { SourceTexts } from './source-texts.js';

/** `ns/name` for a NetworkPolicy, `kind/name` for a cluster-scoped policy (the contract's policy ids). */
export function networkPolicyId(policy: NetworkPolicy): string {
  return `${policy.namespace}/${policy.name}`;
}

export function clusterPolicyId(policy: ClusterPolicy): string {
  return `${policy.kind}/${policy.name}`;
}

/** Every policy of the cluster, NetworkPolicies first, each in input order. */
export function policyViews(cluster: Cluster, index: ClusterIndex, texts: SourceTexts): PolicyView[] {
  const views: PolicyView[] = cluster.policies.map((policy) => ({
    id: networkPolicyId(policy),
    kind: 'NetworkPolicy',
    namespace: policy.namespace,
    name: policy.name,
    file: policy.source.file,
    line: policy.source.line,
    selects: selection(policy, index),
    summary: summarizePolicy(policy),
    yaml: texts.documentAt(policy.source)?.text ?? '',
  }));
  for (const policy of cluster.clusterPolicies ?? []) {
    views.push({
      id: clusterPolicyId(policy),
      kind: policy.kind,
      name: policy.name,
      file: policy.source.file,
      line: policy.source.line,
      ...(policy.priority === null ? {} : { priority: policy.priority }),
      tier: policy.tier,
      selects: selection(policy, index),
      summary: summarizeClusterPolicy(policy),
      yaml: texts.documentAt(policy.source)?.text ?? '',
    });
  }
  return views;
}

/** The pods the policy selects (as the engine's classes record it) and their workloads' ids. */
function selection(policy: unknown, index: ClusterIndex): PolicyView['selects'] {
  let pods = 0;
  const workloads = new Set<number>();
  for (const c of index.classesOfPolicy.get(policy) ?? []) {
    const members = index.podsOfClass[c]!;
    pods += members.length;
    for (const p of members) workloads.add(index.workloadOfPod[p]!);
  }
  return { pods, workloads: [...workloads].sort((a, b) => a - b).map((w) => index.workloads[w]!.id) };
}

import type { Labels } from '../model/common.js';
import type { Cluster, Pod } from '../model/cluster.js';
import type { LabelSelector } from '../model/label-selector.js';
import type { NetworkPolicy, PolicyPort, PolicyRule } from '../model/network-policy.js';
import { ipSetOfBlock, type IPSet, EMPTY_IP_SET } from '../algebra/ip-set.js';
import { selectorMatches } from '../algebra/label-selector.js';
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions, type PolicyRef } from './types.js';
import { compileTiers, type CompiledTiers } from './compile-cluster-policies.js';

/** A peer ready for matching: selectors kept, ipBlocks turned into address sets once. */
export type CompiledPeer =
  | {
      readonly kind: 'pods';
      readonly index: number;
      readonly namespaceSelector: LabelSelector | null;
      readonly podSelector: LabelSelector;
    }
  | { readonly kind: 'ipBlock'; readonly index: number; readonly addresses: IPSet };

export interface CompiledRule {
  readonly rule: PolicyRule;
  /** null: from/to absent or empty, every peer matches (semantics §2.4). */
  readonly peers: readonly CompiledPeer[] | null;
  /** null: ports absent or empty, every port matches (semantics §2.7). */
  readonly ports: readonly PolicyPort[] | null;
}

export interface CompiledPolicy {
  readonly policy: NetworkPolicy;
  readonly ref: PolicyRef;
  /** Rules of the directions listed in policyTypes; the others are ignored (semantics §2.2). */
  readonly ingress: readonly CompiledRule[] | null;
  readonly egress: readonly CompiledRule[] | null;
}

/** The cluster with policies compiled into matchers once (cyclonus style), plus lookups. */
export interface CompiledCluster {
  readonly cluster: Cluster;
  readonly options: EngineOptions;
  readonly policies: readonly CompiledPolicy[];
  readonly policiesByNamespace: ReadonlyMap<string, readonly CompiledPolicy[]>;
  readonly namespaceLabels: ReadonlyMap<string, Labels>;
  readonly podsById: ReadonlyMap<string, Pod>;
  /** The cluster-wide policies of the admin and baseline tiers, each in evaluation order. */
  readonly tiers: CompiledTiers;
}

const NO_LABELS: Labels = Object.freeze({});

export function compileCluster(cluster: Cluster, options: Partial<EngineOptions> = {}): CompiledCluster {
  const policies = cluster.policies.map(compilePolicy);
  const policiesByNamespace = new Map<string, CompiledPolicy[]>();
  for (const compiled of policies) {
    const list = policiesByNamespace.get(compiled.policy.namespace);
    if (list) list.push(compiled);
    else policiesByNamespace.set(compiled.policy.namespace, [compiled]);
  }
  return {
    cluster,
    options: { ...DEFAULT_ENGINE_OPTIONS, ...options },
    policies,
    policiesByNamespace,
    namespaceLabels: new Map(cluster.namespaces.map((ns) => [ns.name, ns.labels])),
    podsById: new Map(cluster.pods.map((pod) => [`${pod.namespace}/${pod.name}`, pod])),
    tiers: compileTiers(cluster.clusterPolicies ?? []),
  };
}

export function labelsOfNamespace(compiled: CompiledCluster, namespace: string): Labels {
  // The loader declares every referenced namespace; fall back to the label the API server sets.
  return compiled.namespaceLabels.get(namespace) ?? { 'kubernetes.io/metadata.name': namespace, ...NO_LABELS };
}

/** semantics §2.1/§4: a policy selects pods of its own namespace through spec.podSelector. */
export function policySelectsPod(compiled: CompiledCluster, policy: NetworkPolicy, pod: Pod): boolean {
  return (
    seenBySelectors(compiled, pod) && pod.namespace === policy.namespace && selectorMatches(policy.podSelector, pod.labels)
  );
}

/** semantics §5.3: whether pod/namespace selectors (as subject or as peer) can see this pod. */
export function seenBySelectors(compiled: CompiledCluster, pod: Pod): boolean {
  return !pod.hostNetwork || compiled.options.hostNetworkPods === 'pods';
}

function compilePolicy(policy: NetworkPolicy): CompiledPolicy {
  return {
    policy,
    ref: { namespace: policy.namespace, name: policy.name, source: policy.source },
    ingress: policy.policyTypes.includes('ingress') ? policy.ingress.map(compileRule) : null,
    egress: policy.policyTypes.includes('egress') ? policy.egress.map(compileRule) : null,
  };
}

function compileRule(rule: PolicyRule): CompiledRule {
  const peers: CompiledPeer[] | null =
    rule.peers.kind === 'any'
      ? null
      : rule.peers.items.map((peer) =>
          peer.kind === 'pods'
            ? { kind: 'pods', index: peer.index, namespaceSelector: peer.namespaceSelector, podSelector: peer.podSelector }
            : { kind: 'ipBlock', index: peer.index, addresses: ipSetOfBlock(peer.cidr, peer.except) ?? EMPTY_IP_SET },
        );
  return { rule, peers, ports: rule.ports.kind === 'any' ? null : rule.ports.items };
}

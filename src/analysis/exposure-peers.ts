import type { LabelRequirement, LabelSelector } from '../model/label-selector.js';
import { formatSelector } from '../algebra/label-selector.js';

/** The label every namespace carries with its own name (the API server sets it). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** Which namespaces a rule's peer names: any, one by name, or those whose labels match. */
export type NamespaceScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'named'; readonly name: string }
  | { readonly kind: 'labelled'; readonly selector: LabelSelector };

/** Which pods of those namespaces: any, or those whose labels match. */
export type PodScope = { readonly kind: 'all' } | { readonly kind: 'labelled'; readonly selector: LabelSelector };

/**
 * Pods a rule names by selectors, as the rule states them, whether or not any such pod exists
 * in the input: a pod created tomorrow with these labels, in a namespace with these labels, is
 * one of them. (netpol-analyzer calls this a representative peer.)
 */
export interface RepresentativePeer {
  readonly kind: 'representative';
  /** Canonical: two peers that name the same pods by the same requirements have the same key. */
  readonly key: string;
  readonly namespaces: NamespaceScope;
  readonly pods: PodScope;
}

/**
 * A selector's requirements in one canonical form: `k: v` in matchLabels is `k In [v]`
 * (semantics §3), values sorted without repeats, requirements sorted and without repeats.
 * Each requirement is one string, so comparing selectors is comparing string lists.
 */
export type Requirements = readonly string[];

export function requirementsOf(selector: LabelSelector): Requirements {
  const keys = Object.keys(selector.matchLabels).map((key) => requirementKey(key, 'In', [selector.matchLabels[key] ?? '']));
  for (const r of selector.matchExpressions) keys.push(requirementKey(r.key, r.operator, r.values));
  return sortedUnique(keys);
}

function requirementKey(key: string, operator: LabelRequirement['operator'], values: readonly string[]): string {
  return [key, operator, ...sortedUnique(values)].join('\u0000');
}

/** The namespace part as requirements: a name is the namespace-name label (semantics §3). */
export function namespaceRequirements(scope: NamespaceScope): Requirements {
  switch (scope.kind) {
    case 'all':
      return [];
    case 'named':
      return [requirementKey(NAMESPACE_NAME_LABEL, 'In', [scope.name])];
    case 'labelled':
      return requirementsOf(scope.selector);
  }
}

export function podRequirements(scope: PodScope): Requirements {
  return scope.kind === 'all' ? [] : requirementsOf(scope.selector);
}

/**
 * A peer's namespace part: `namespaceSelector` absent is the policy's own namespace (semantics
 * §2.5); `{}` is every namespace; a selector that says only "the namespace named X" is X.
 */
export function namespaceScope(selector: LabelSelector | null, policyNamespace: string): NamespaceScope {
  if (selector === null) return { kind: 'named', name: policyNamespace };
  const requirements = requirementsOf(selector);
  if (requirements.length === 0) return { kind: 'all' };
  const name = singleName(selector);
  return name === undefined ? { kind: 'labelled', selector } : { kind: 'named', name };
}

function singleName(selector: LabelSelector): string | undefined {
  const labels = Object.keys(selector.matchLabels);
  if (labels.length === 1 && labels[0] === NAMESPACE_NAME_LABEL && selector.matchExpressions.length === 0) {
    return selector.matchLabels[NAMESPACE_NAME_LABEL];
  }
  if (labels.length > 0 || selector.matchExpressions.length !== 1) return undefined;
  const only = selector.matchExpressions[0]!;
  const values = new Set(only.values);
  return only.key === NAMESPACE_NAME_LABEL && only.operator === 'In' && values.size === 1 ? [...values][0] : undefined;
}

export function podScope(selector: LabelSelector): PodScope {
  return requirementsOf(selector).length === 0 ? { kind: 'all' } : { kind: 'labelled', selector };
}

export function representativePeer(namespaces: NamespaceScope, pods: PodScope): RepresentativePeer {
  const key = `${namespaceRequirements(namespaces).join('\u0001')}\u0002${podRequirements(pods).join('\u0001')}`;
  return { kind: 'representative', key, namespaces, pods };
}

/**
 * Reading order: by namespace part (any namespace, then named ones by name, then selectors by
 * their text), then by pod part (any pod, then selectors by their text).
 */
export function compareRepresentatives(a: RepresentativePeer, b: RepresentativePeer): number {
  return compareText(namespaceOrder(a.namespaces), namespaceOrder(b.namespaces)) || compareText(podOrder(a.pods), podOrder(b.pods));
}

function namespaceOrder(scope: NamespaceScope): string {
  return scope.kind === 'all' ? '0' : scope.kind === 'named' ? `1${scope.name}` : `2${formatSelector(scope.selector)}`;
}

function podOrder(scope: PodScope): string {
  return scope.kind === 'all' ? '0' : `1${formatSelector(scope.selector)}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every pod in every namespace: the empty namespace and pod parts. */
export function isEntireCluster(namespaces: NamespaceScope, pods: PodScope): boolean {
  return namespaces.kind === 'all' && pods.kind === 'all';
}

/**
 * Whether a rule's peer (namespace and pod requirements) selects every pod `peer` stands for:
 * true when each of its requirements is also one of the peer's, so that a pod meeting the
 * peer's requirements meets the rule's. Sound, not complete: `app In [a,b]` is not seen to
 * contain `app In [a]`; such a rule then counts only through the peers it states itself.
 */
export function covers(
  rule: { readonly namespaces: Requirements; readonly pods: Requirements },
  peer: { readonly namespaces: Requirements; readonly pods: Requirements },
): boolean {
  return isSubset(rule.namespaces, peer.namespaces) && isSubset(rule.pods, peer.pods);
}

function isSubset(small: Requirements, large: Requirements): boolean {
  return small.length <= large.length && small.every((r) => large.includes(r));
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

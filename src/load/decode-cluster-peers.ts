// Subjects and peers of AdminNetworkPolicy, BaselineAdminNetworkPolicy and ClusterNetworkPolicy
// rules (ANP semantics §2, §3, §9), checked as their CRDs do and normalised: `namespaces: S`
// becomes {namespaceSelector: S, podSelector: {}}; CIDRs are kept as written.

import { EVERYTHING, type LabelSelector } from '../model/label-selector.js';
import type { ClusterPeer, ClusterSubject } from '../model/cluster-policy.js';
import { parseCIDRText } from '../algebra/cidr.js';
import type { Site } from './positions.js';
import type { ProblemSink } from './problem-sink.js';
import { goQuote } from './field-errors.js';
import { decodeSelector, toLabelSelector } from './decode-label-selector.js';
import { validateSelector } from './validate-label-selector.js';
import { celError, checkPattern, checkSet, readBoundedList, readOneOf, requiredField } from './crd-checks.js';
import { child, readObject, readString, type Field } from './read-fields.js';

export type PeerMember = 'namespaces' | 'pods' | 'networks' | 'nodes' | 'domainNames';

/** Per kind and version (§2.1-§2.3, §8): which peer members exist and the list limits. */
export interface PeerRules {
  readonly members: readonly PeerMember[];
  readonly maxPeers: number;
  /** v1alpha1 NamespacedPod.namespaceSelector is required; v1alpha2's is optional (missing = all). */
  readonly namespaceSelectorRequired: boolean;
}

function sourceOf(site: Site): { file: string; line: number } {
  return { file: site.file, line: site.line };
}

/** A label selector that is present; its contents checked as the API server checks selectors (§9.5.1). */
export function readSelector(field: Field, sink: ProblemSink): LabelSelector | undefined {
  const before = sink.errorCount;
  const wire = decodeSelector(field, sink);
  if (wire === undefined) return undefined;
  validateSelector(wire, sink);
  return sink.errorCount > before ? undefined : toLabelSelector(wire);
}

/** spec.subject: exactly one of namespaces, pods (§3.2). */
export function decodeSubject(field: Field, namespaceSelectorRequired: boolean, sink: ProblemSink): ClusterSubject | undefined {
  if (!requiredField(field, sink)) return undefined;
  const member = readOneOf(field, ['namespaces', 'pods'] as const, sink);
  if (member === undefined) return undefined;
  if (member.key === 'namespaces') {
    const namespaceSelector = readSelector(member.field, sink);
    return namespaceSelector && { form: 'namespaces', namespaceSelector, podSelector: EVERYTHING };
  }
  const pods = decodeNamespacedPod(member.field, namespaceSelectorRequired, sink);
  return pods && { form: 'pods', ...pods };
}

function decodeNamespacedPod(
  field: Field,
  namespaceSelectorRequired: boolean,
  sink: ProblemSink,
): { namespaceSelector: LabelSelector; podSelector: LabelSelector } | undefined {
  const object = readObject(field, sink);
  if (object === undefined) return undefined;
  const nsField = child(object, 'namespaceSelector', field.site);
  const podField = child(object, 'podSelector', field.site);
  // The CRDs require podSelector (and, in v1alpha1, namespaceSelector), but manifests often leave
  // them out (netpol-analyzer's ANP tests do) and every Go reader decodes the missing struct as
  // {}: read them so, and say so.
  if (namespaceSelectorRequired && !present(nsField)) lenientSelector(nsField, 'namespaceSelector', 'all namespaces', sink);
  if (!present(podField)) lenientSelector(podField, 'podSelector', 'all pods', sink);
  const namespaceSelector = present(nsField) ? readSelector(nsField, sink) : EVERYTHING;
  const podSelector = present(podField) ? readSelector(podField, sink) : EVERYTHING;
  if (namespaceSelector === undefined || podSelector === undefined) return undefined;
  return { namespaceSelector, podSelector };
}

function lenientSelector(field: Field, name: string, meaning: string, sink: ProblemSink): void {
  sink.warning(field.site, 'validation', `Required value: the API server rejects a pods selector without ${name}; netwarden reads it as {} (${meaning})`);
}

function present(field: Field): boolean {
  return field.value !== undefined && field.value !== null;
}

/** from / to: 1..maxPeers peers, each with exactly one member (§3.3, §9.1). */
export function decodeClusterPeers(field: Field, rules: PeerRules, sink: ProblemSink): ClusterPeer[] {
  if (!requiredField(field, sink)) return [];
  const peers: ClusterPeer[] = [];
  (readBoundedList(field, 1, rules.maxPeers, sink) ?? []).forEach((entry, index) => {
    const peer = decodePeer(entry, index, rules, sink);
    if (peer !== undefined) peers.push(peer);
  });
  return peers;
}

function decodePeer(entry: Field, index: number, rules: PeerRules, sink: ProblemSink): ClusterPeer | undefined {
  const member = readOneOf(entry, rules.members, sink);
  if (member === undefined) return undefined;
  const source = sourceOf(entry.site);
  switch (member.key) {
    case 'namespaces': {
      const namespaceSelector = readSelector(member.field, sink);
      return namespaceSelector && { kind: 'pods', index, form: 'namespaces', namespaceSelector, podSelector: EVERYTHING, source };
    }
    case 'pods': {
      const pods = decodeNamespacedPod(member.field, rules.namespaceSelectorRequired, sink);
      return pods && { kind: 'pods', index, form: 'pods', ...pods, source };
    }
    case 'networks': {
      const cidrs = readStringSet(member.field, sink, (f, value) => checkCIDR(f, value, sink));
      return cidrs && { kind: 'networks', index, cidrs, source };
    }
    case 'nodes': {
      const nodeSelector = readSelector(member.field, sink);
      if (nodeSelector === undefined) return undefined;
      sink.warning(member.field.site, 'unsupported', 'nodes peers are not evaluated: netwarden does not model Nodes, so this peer matches nothing');
      return { kind: 'nodes', index, nodeSelector, source };
    }
    case 'domainNames': {
      const names = readStringSet(member.field, sink, (f, value) => checkPattern(f, value, DOMAIN_NAME, sink));
      if (names === undefined) return undefined;
      sink.warning(member.field.site, 'unsupported', 'domainNames peers are not evaluated: netwarden has no DNS data, so this peer matches nothing');
      return { kind: 'domainNames', index, names, source };
    }
  }
}

/** `networks` and `domainNames`: 1..25 strings, listType=set, each checked by `check`. */
function readStringSet(field: Field, sink: ProblemSink, check: (f: Field, value: string) => boolean): string[] | undefined {
  const before = sink.errorCount;
  const entries = readBoundedList(field, 1, 25, sink) ?? [];
  const values: string[] = [];
  for (const entry of entries) {
    const value = readString(entry, sink);
    if (value !== undefined && check(entry, value)) values.push(value);
  }
  checkSet(entries, entries.map((e) => (typeof e.value === 'string' ? e.value : JSON.stringify(e.value))), sink);
  return sink.errorCount > before ? undefined : values;
}

/**
 * §9.3: maxLength 43 and CEL isCIDR(), which parses with Go's netip.ParsePrefix (no leading zeros,
 * no zone) and rejects IPv4-mapped IPv6; host bits are allowed and masked.
 */
function checkCIDR(field: Field, value: string, sink: ProblemSink): boolean {
  if (value.length > 43) {
    sink.error(field.site, 'validation', 'Too long: may not be more than 43 bytes');
    return false;
  }
  const parsed = parseCIDRText(value);
  if (parsed === undefined || !parsed.standard || parsed.ipv4Mapped || !value.includes('/')) {
    celError(field.site, value, 'Invalid CIDR format provided', sink);
    return false;
  }
  if (parsed.network.hostBitsSet) {
    sink.warning(field.site, 'validation', `CIDR ${goQuote(value)} has host bits set; it matches ${goQuote(parsed.network.canonical)}`);
  }
  return true;
}

/** §9.3, the schema's pattern verbatim (including its `A-z` quirk). */
const DOMAIN_NAME = /^(\*\.)?([a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.)+[a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.?$/;

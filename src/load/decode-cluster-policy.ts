// AdminNetworkPolicy, BaselineAdminNetworkPolicy (policy.networking.k8s.io/v1alpha1) and
// ClusterNetworkPolicy (v1alpha2) -> the model's ClusterPolicy, checked as their CRDs (experimental
// channel: every field known) do (admin-network-policy-semantics.md §2, §9, "ANP semantics"), plus
// the checks the engine adds where upstream stores something meaningless (§9.5, §12).
// An invalid policy is reported and left out.

import type {
  ClusterAction,
  ClusterActionText,
  ClusterPolicy,
  ClusterPolicyKind,
  ClusterRule,
  ClusterTier,
} from '../model/cluster-policy.js';
import { BASELINE_NAME_MESSAGE } from '../model/cluster-policy.js';
import type { Site } from './positions.js';
import type { ProblemSink } from './problem-sink.js';
import type { InputObject } from './split-objects.js';
import { decodeMetadata } from './decode-metadata.js';
import { celError, readBoundedInt, readBoundedList, readEnum, readShortString, requiredField } from './crd-checks.js';
import { decodeClusterPeers, decodeSubject, type PeerMember, type PeerRules } from './decode-cluster-peers.js';
import { decodeClusterPorts, type ClusterApiVersion } from './decode-cluster-ports.js';
import { child, isPlainObject, readObject, type Field, type PlainObject } from './read-fields.js';
import { forbidden } from './field-errors.js';

/** What differs between the three kinds (§1, §2, §8). */
interface Profile {
  readonly version: ClusterApiVersion;
  readonly actions: readonly ClusterActionText[];
  /** Rules per direction, peers per rule, port entries per rule. */
  readonly limit: number;
  readonly egressMembers: readonly PeerMember[];
  /** Peer members that the experimental CEL rule forbids next to a named port (§9.2). */
  readonly ipMembers: readonly PeerMember[];
  readonly hasPriority: boolean;
}

const IN: readonly PeerMember[] = ['namespaces', 'pods'];
const PROFILES: Record<ClusterPolicyKind, Profile> = {
  AdminNetworkPolicy: {
    version: 'v1alpha1',
    actions: ['Allow', 'Deny', 'Pass'],
    limit: 100,
    egressMembers: [...IN, 'networks', 'nodes', 'domainNames'],
    ipMembers: ['networks', 'nodes', 'domainNames'],
    hasPriority: true,
  },
  BaselineAdminNetworkPolicy: {
    version: 'v1alpha1',
    actions: ['Allow', 'Deny'],
    limit: 100,
    egressMembers: [...IN, 'networks', 'nodes'],
    ipMembers: ['networks', 'nodes'],
    hasPriority: false,
  },
  ClusterNetworkPolicy: {
    version: 'v1alpha2',
    actions: ['Accept', 'Deny', 'Pass'],
    limit: 25,
    egressMembers: [...IN, 'networks', 'nodes', 'domainNames'],
    ipMembers: ['networks', 'nodes', 'domainNames'],
    hasPriority: true,
  },
};

const ACTIONS: Record<ClusterActionText, ClusterAction> = { Allow: 'allow', Accept: 'allow', Deny: 'deny', Pass: 'pass' };

export function decodeClusterPolicy(input: InputObject, kind: ClusterPolicyKind, sink: ProblemSink): ClusterPolicy | undefined {
  const before = sink.errorCount;
  const profile = PROFILES[kind];
  const meta = decodeMetadata(input.value, input.site, { namespaced: false, defaultNamespace: '', nameRule: 'dns1123-subdomain' }, sink);
  if (meta !== undefined && kind === 'BaselineAdminNetworkPolicy' && meta.name !== 'default') {
    const metaField = child(input.value, 'metadata', input.site);
    const nameField = child(isPlainObject(metaField.value) ? metaField.value : {}, 'name', metaField.site);
    celError(nameField.site, input.value, BASELINE_NAME_MESSAGE, sink);
  }
  const specField = child(input.value, 'spec', input.site);
  if (!requiredField(specField, sink)) return undefined;
  const spec = readObject(specField, sink) ?? {};
  const tier = readTier(kind, spec, specField.site, sink);
  const priority = profile.hasPriority ? readPriority(spec, specField.site, sink) : null;
  const subject = decodeSubject(child(spec, 'subject', specField.site), profile.version === 'v1alpha1', sink);
  const ingress = decodeRules(child(spec, 'ingress', specField.site), 'ingress', profile, sink);
  const egress = decodeRules(child(spec, 'egress', specField.site), 'egress', profile, sink);
  if (meta === undefined || tier === undefined || priority === undefined || subject === undefined || sink.errorCount > before) {
    return undefined;
  }
  return { kind, name: meta.name, tier, priority, subject, ingress, egress, source: { file: input.site.file, line: input.site.line }, raw: input.value };
}

function readTier(kind: ClusterPolicyKind, spec: PlainObject, site: Site, sink: ProblemSink): ClusterTier | undefined {
  if (kind === 'AdminNetworkPolicy') return 'admin';
  if (kind === 'BaselineAdminNetworkPolicy') return 'baseline';
  const field = child(spec, 'tier', site);
  if (!requiredField(field, sink)) return undefined;
  const tier = readEnum(field, ['Admin', 'Baseline'] as const, sink);
  return tier === undefined ? undefined : tier === 'Admin' ? 'admin' : 'baseline';
}

/** spec.priority: required, 0..1000 (§9.1). */
function readPriority(spec: PlainObject, site: Site, sink: ProblemSink): number | undefined {
  const field = child(spec, 'priority', site);
  if (!requiredField(field, sink)) return undefined;
  return readBoundedInt(field, 0, 1000, sink);
}

function decodeRules(field: Field, direction: 'ingress' | 'egress', profile: Profile, sink: ProblemSink): ClusterRule[] {
  const rules: ClusterRule[] = [];
  (readBoundedList(field, 0, profile.limit, sink) ?? []).forEach((entry, index) => {
    const rule = decodeRule(entry, index, direction, profile, sink);
    if (rule !== undefined) rules.push(rule);
  });
  return rules;
}

function decodeRule(entry: Field, index: number, direction: 'ingress' | 'egress', profile: Profile, sink: ProblemSink): ClusterRule | undefined {
  const before = sink.errorCount;
  const object = readObject(entry, sink);
  if (object === undefined) {
    if (entry.value === null) sink.error(entry.site, 'validation', `Invalid value: "null": ${entry.site.path} in body must be of type object: "null"`);
    return undefined;
  }
  const name = readShortString(child(object, 'name', entry.site), 100, sink);
  const actionField = child(object, 'action', entry.site);
  const actionText = requiredField(actionField, sink) ? readEnum(actionField, profile.actions, sink) : undefined;
  const members = direction === 'ingress' ? IN : profile.egressMembers;
  const rules: PeerRules = { members, maxPeers: profile.limit, namespaceSelectorRequired: profile.version === 'v1alpha1' };
  const peersField = child(object, direction === 'ingress' ? 'from' : 'to', entry.site);
  const peers = decodeClusterPeers(peersField, rules, sink);
  const ports = decodeClusterPorts(object, entry.site, profile.version, profile.limit, sink);
  if (direction === 'egress' && ports.kind === 'list' && ports.items.some((p) => p.kind === 'named')) {
    checkNamedPortWithIPPeers(entry.site, peersField, profile, sink);
  }
  if (actionText === 'Deny' || actionText === 'Pass') {
    for (const peer of peers) {
      // §9.5.4 / §12 #8: documented as Allow/Accept-only and meaningless elsewhere.
      if (peer.kind === 'domainNames') sink.error(entry.site, 'validation', forbidden(`domainNames peers are only supported in ${profile.actions[0]} rules`));
    }
  }
  if (actionText === undefined || sink.errorCount > before) return undefined;
  const source = { file: entry.site.file, line: entry.site.line };
  return { index, ...(name === undefined ? {} : { name }), action: ACTIONS[actionText], actionText, peers, ports, source };
}

/**
 * §9.2: the experimental CRDs reject a named port next to an IP-addressed peer (CEL); the standard
 * ClusterNetworkPolicy CRD stores it. netwarden cannot tell the channel, so it warns and evaluates
 * it as §4.4 says: the name resolves on pod destinations only (netpol-analyzer does the same).
 */
function checkNamedPortWithIPPeers(ruleSite: Site, peersField: Field, profile: Profile, sink: ProblemSink): void {
  const peers = Array.isArray(peersField.value) ? peersField.value : [];
  const hasIPPeer = peers.some((peer) => {
    if (typeof peer !== 'object' || peer === null) return false;
    return profile.ipMembers.some((m) => Object.hasOwn(peer, m) && (peer as PlainObject)[m] != null);
  });
  if (!hasIPPeer) return;
  const names = profile.ipMembers.join('/');
  sink.warning(
    ruleSite,
    'validation',
    `${names} peer cannot be set with namedPorts since there are no namedPorts for ${names} (experimental CRD rule); ` +
      'netwarden matches the named port on pod destinations only',
  );
}

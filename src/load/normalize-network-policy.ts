// A validated, defaulted NetworkPolicy wire form -> the model NetworkPolicy (style rule 3:
// normalise once, here). Every list and selector gets its one meaning.

import type { Direction, Protocol } from '../model/common.js';
import { EVERYTHING } from '../model/label-selector.js';
import type { NetworkPolicy, Peer, PeerList, PolicyPort, PolicyRule, PortList, PortSpec } from '../model/network-policy.js';
import type { SourceRef } from '../model/source.js';
import type { Site } from './positions.js';
import { toLabelSelector } from './decode-label-selector.js';
import type { PeerWire, PolicyWire, PortWire, RuleWire } from './decode-network-policy.js';

function sourceOf(site: Site): SourceRef {
  return { file: site.file, line: site.line };
}

export function normalizeNetworkPolicy(policy: PolicyWire, raw: unknown): NetworkPolicy {
  // semantics §2.2: the (possibly defaulted) list, duplicates removed.
  const policyTypes: Direction[] = [];
  for (const type of policy.policyTypes.values) {
    const direction: Direction = type === 'Egress' ? 'egress' : 'ingress';
    if (!policyTypes.includes(direction)) policyTypes.push(direction);
  }
  return {
    namespace: policy.meta.namespace,
    name: policy.meta.name,
    podSelector: toLabelSelector(policy.podSelector),
    policyTypes,
    ingress: policy.ingress.map(normalizeRule),
    egress: policy.egress.map(normalizeRule),
    source: sourceOf(policy.site),
    raw,
  };
}

function normalizeRule(rule: RuleWire): PolicyRule {
  // semantics §2.4: missing or empty from/to matches every peer.
  const peers: PeerList =
    rule.peers === undefined || rule.peers.length === 0 ? { kind: 'any' } : { kind: 'list', items: rule.peers.map(normalizePeer) };
  // semantics §2.7: missing or empty ports matches every port of every protocol.
  const ports: PortList =
    rule.ports === undefined || rule.ports.length === 0 ? { kind: 'any' } : { kind: 'list', items: rule.ports.map(normalizePort) };
  return { index: rule.index, peers, ports, source: sourceOf(rule.site) };
}

function normalizePeer(peer: PeerWire): Peer {
  const source = sourceOf(peer.site);
  if (peer.ipBlock) {
    const except = peer.ipBlock.except.map((f) => f.value as string);
    return { kind: 'ipBlock', index: peer.index, cidr: peer.ipBlock.cidr, except, source };
  }
  // semantics §2.5: absent podSelector = all pods; absent namespaceSelector = own namespace only.
  return {
    kind: 'pods',
    index: peer.index,
    namespaceSelector: peer.namespaceSelector ? toLabelSelector(peer.namespaceSelector) : null,
    podSelector: peer.podSelector ? toLabelSelector(peer.podSelector) : EVERYTHING,
    hasPodSelector: peer.podSelector !== undefined,
    source,
  };
}

function normalizePort(port: PortWire): PolicyPort {
  let spec: PortSpec;
  if (typeof port.port === 'number') spec = { kind: 'range', from: port.port, to: port.endPort ?? port.port };
  else if (typeof port.port === 'string') spec = { kind: 'named', name: port.port };
  else spec = { kind: 'all' };
  // Validation has rejected anything but TCP, UDP and SCTP.
  return { index: port.index, protocol: port.protocol as Protocol, port: spec, source: sourceOf(port.site) };
}

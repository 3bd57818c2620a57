import type { ClusterPeer, ClusterPolicy, ClusterPortList, ClusterRule } from '../model/cluster-policy.js';
import type { Direction } from '../model/common.js';
import type { LabelSelector } from '../model/label-selector.js';
import type { NetworkPolicy, Peer, PolicyRule, PortList } from '../model/network-policy.js';

/**
 * A policy in plain English, one sentence per direction or rule, for the dashboard's policies
 * panel: `pods app=database in default accept ingress only from pods app=backend in default, on any port`.
 * The words follow the semantics: a NetworkPolicy's policyTypes isolate (semantics §2.2, §4), an
 * empty rule list denies that direction, a rule without from/to matches every peer (§2.4) and one
 * without ports every port (§2.7); a cluster-wide policy's rules act in its tier (ANP semantics §7).
 */
export function summarizePolicy(policy: NetworkPolicy): string[] {
  const subject = `${podsText(policy.podSelector)} in ${policy.namespace}`;
  return policy.policyTypes.flatMap((direction) => directionSentences(policy, subject, direction));
}

function directionSentences(policy: NetworkPolicy, subject: string, direction: Direction): string[] {
  const rules = direction === 'ingress' ? policy.ingress : policy.egress;
  const verb = direction === 'ingress' ? 'accept ingress' : 'may send egress';
  const preposition = direction === 'ingress' ? 'from' : 'to';
  if (rules.length === 0) return [`${subject} ${direction === 'ingress' ? 'accept no ingress' : 'may send no egress'}`];
  if (rules.some((rule) => rule.peers.kind === 'any' && rule.ports.kind === 'any')) {
    return [`${subject} ${direction === 'ingress' ? 'accept all ingress' : 'may send all egress'} (a rule with no ${preposition} and no ports)`];
  }
  return rules.map((rule, i) => {
    const peers = peersText(rule, policy.namespace, preposition);
    return `${subject} ${i === 0 ? '' : 'also '}${verb} ${i === 0 && rule.peers.kind === 'list' ? 'only ' : ''}${peers}, ${portsText(rule.ports)}`;
  });
}

function peersText(rule: PolicyRule, namespace: string, preposition: 'from' | 'to'): string {
  if (rule.peers.kind === 'any') return `${preposition} anywhere`;
  return `${preposition} ${rule.peers.items.map((peer) => peerText(peer, namespace)).join(' or ')}`;
}

function peerText(peer: Peer, namespace: string): string {
  if (peer.kind === 'ipBlock') {
    const except = peer.except.length === 0 ? '' : ` except ${peer.except.join(', ')}`;
    return `addresses ${peer.cidr}${except}`;
  }
  // semantics §2.3: without namespaceSelector the peer is in the policy's own namespace.
  return `${podsText(peer.podSelector)} in ${namespacesText(peer.namespaceSelector ?? undefined, namespace)}`;
}

function portsText(ports: PortList): string {
  if (ports.kind === 'any') return 'on any port';
  const items = ports.items.map((item) => {
    if (item.port.kind === 'all') return `any ${item.protocol} port`;
    if (item.port.kind === 'named') return `${item.protocol} port named ${item.port.name}`;
    const { from, to } = item.port;
    return `${item.protocol}/${from === to ? from : `${from}-${to}`}`;
  });
  return `on ${items.join(', ')}`;
}

/** A cluster-wide policy: whom it applies to, then one sentence per rule in evaluation order. */
export function summarizeClusterPolicy(policy: ClusterPolicy): string[] {
  const priority = policy.priority === null ? '' : `, priority ${policy.priority}`;
  const head = `applies to ${subjectText(policy)} (${policy.tier} tier${priority})`;
  const rules = [
    ...policy.ingress.map((rule) => clusterRuleText(rule, 'ingress')),
    ...policy.egress.map((rule) => clusterRuleText(rule, 'egress')),
  ];
  return [head, ...rules];
}

function subjectText(policy: ClusterPolicy): string {
  const { subject } = policy;
  return `${podsText(subject.podSelector)} in ${namespacesText(subject.namespaceSelector)}`;
}

function clusterRuleText(rule: ClusterRule, direction: Direction): string {
  const name = rule.name === undefined ? '' : `rule ${rule.name}: `;
  const peers = rule.peers.map(clusterPeerText).join(' or ');
  const action = rule.action === 'pass' ? 'pass (the next tier decides)' : rule.actionText.toLowerCase();
  return `${name}${direction} ${direction === 'ingress' ? 'from' : 'to'} ${peers}, ${clusterPortsText(rule.ports)}: ${action}`;
}

function clusterPeerText(peer: ClusterPeer): string {
  switch (peer.kind) {
    case 'pods':
      return `${podsText(peer.podSelector)} in ${namespacesText(peer.namespaceSelector)}`;
    case 'networks':
      return `addresses ${peer.cidrs.join(', ')}`;
    case 'nodes':
      return `nodes ${selectorText(peer.nodeSelector) || '(any)'} (not modelled: matches nothing)`;
    case 'domainNames':
      return `domains ${peer.names.join(', ')} (not resolved: matches nothing)`;
  }
}

function clusterPortsText(ports: ClusterPortList): string {
  if (ports.kind === 'any') return 'on any port';
  const items = ports.items.map((item) =>
    item.kind === 'named' ? `port named ${item.name}` : `${item.protocol}/${item.from === item.to ? item.from : `${item.from}-${item.to}`}`,
  );
  return `on ${items.join(', ')}`;
}

/** `pods app=web`, or `all pods` for the empty selector. */
function podsText(selector: LabelSelector): string {
  const text = selectorText(selector);
  return text === '' ? 'all pods' : `pods ${text}`;
}

/** `namespaces team=shop`, `any namespace` for the empty selector, or the policy's own namespace. */
function namespacesText(selector: LabelSelector | undefined, ownNamespace?: string): string {
  if (selector === undefined) return ownNamespace ?? 'any namespace';
  const text = selectorText(selector);
  return text === '' ? 'any namespace' : `namespaces ${text}`;
}

/** kubectl's selector syntax: `app=web, tier in (a, b), !legacy`; '' for the empty selector. */
export function selectorText(selector: LabelSelector): string {
  const labels = Object.entries(selector.matchLabels).map(([key, value]) => `${key}=${value}`);
  const expressions = selector.matchExpressions.map((e) => {
    if (e.operator === 'Exists') return e.key;
    if (e.operator === 'DoesNotExist') return `!${e.key}`;
    return `${e.key} ${e.operator === 'In' ? 'in' : 'notin'} (${e.values.join(', ')})`;
  });
  return [...labels, ...expressions].join(', ');
}

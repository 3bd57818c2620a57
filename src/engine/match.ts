import type { Protocol } from '../model/common.js';
import type { Pod } from '../model/cluster.js';
import type { PolicyPort } from '../model/network-policy.js';
import { containsIP, parseIP } from '../algebra/ip-set.js';
import { selectorMatches } from '../algebra/label-selector.js';
import {
  ALL_PORTS,
  EMPTY_PORT_SET,
  allPortsOf,
  portSetOf,
  unionPorts,
  type PortSet,
} from '../algebra/port-set.js';
import { labelsOfNamespace, seenBySelectors, type CompiledCluster, type CompiledPeer, type CompiledRule } from './compile.js';
import type { Endpoint } from './types.js';

/**
 * Whether one peer of a rule of a policy in `policyNamespace` matches the remote end
 * (semantics §2.5, §2.6, §6 peersMatch).
 */
export function peerMatches(
  compiled: CompiledCluster,
  peer: CompiledPeer,
  policyNamespace: string,
  remote: Endpoint,
): boolean {
  if (peer.kind === 'ipBlock') {
    if (remote.kind === 'external') return ipInSet(peer, remote.ip);
    // semantics §5.1: whether ipBlocks see pod IPs is an engine option.
    return compiled.options.ipBlockMatchesPodIPs && remote.pod.ips.some((ip) => ipInSet(peer, ip));
  }
  if (remote.kind !== 'pod' || !seenBySelectors(compiled, remote.pod)) return false; // semantics §2.5, §5.3
  const pod = remote.pod;
  const namespaceMatches =
    peer.namespaceSelector === null
      ? pod.namespace === policyNamespace
      : selectorMatches(peer.namespaceSelector, labelsOfNamespace(compiled, pod.namespace));
  return namespaceMatches && selectorMatches(peer.podSelector, pod.labels);
}

function ipInSet(peer: CompiledPeer & { kind: 'ipBlock' }, ip: string): boolean {
  const parsed = parseIP(ip);
  return parsed !== undefined && containsIP(peer.addresses, parsed);
}

/** Indexes of the peers of `rule` that match `remote`; null when the rule matches every peer. */
export function matchingPeers(
  compiled: CompiledCluster,
  rule: CompiledRule,
  policyNamespace: string,
  remote: Endpoint,
): readonly number[] | null {
  if (rule.peers === null) return null;
  return rule.peers.filter((peer) => peerMatches(compiled, peer, policyNamespace, remote)).map((peer) => peer.index);
}

/** semantics §2.7/§2.8/§6 portsMatch for one port entry. */
export function portEntryMatches(entry: PolicyPort, destination: Endpoint, port: number, protocol: Protocol): boolean {
  if (entry.protocol !== protocol) return false;
  const spec = entry.port;
  switch (spec.kind) {
    case 'all':
      return true;
    case 'range':
      return spec.from <= port && port <= spec.to;
    case 'named':
      return destination.kind === 'pod' && namedPortNumbers(destination.pod, spec.name, protocol).includes(port);
  }
}

/**
 * semantics §2.8: a name resolves on the destination pod to every container port with that name
 * and the entry's protocol; a different protocol, or a non-pod destination, resolves to nothing.
 */
export function namedPortNumbers(pod: Pod, name: string, protocol: Protocol): number[] {
  return pod.ports.filter((p) => p.name === name && p.protocol === protocol).map((p) => p.containerPort);
}

/** Everything a rule's port list allows towards `destination`, named ports resolved. */
export function rulePortSet(rule: CompiledRule, destination: Endpoint): PortSet {
  if (rule.ports === null) return ALL_PORTS;
  let result = EMPTY_PORT_SET;
  for (const entry of rule.ports) result = unionPorts(result, portEntrySet(entry, destination));
  return result;
}

function portEntrySet(entry: PolicyPort, destination: Endpoint): PortSet {
  const spec = entry.port;
  switch (spec.kind) {
    case 'all':
      return allPortsOf(entry.protocol);
    case 'range':
      return portSetOf(entry.protocol, spec.from, spec.to);
    case 'named': {
      if (destination.kind !== 'pod') return EMPTY_PORT_SET;
      let result = EMPTY_PORT_SET;
      for (const n of namedPortNumbers(destination.pod, spec.name, entry.protocol)) {
        result = unionPorts(result, portSetOf(entry.protocol, n, n));
      }
      return result;
    }
  }
}

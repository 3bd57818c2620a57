import type { Protocol } from '../model/common.js';
import type { Pod } from '../model/cluster.js';
import type { ClusterPort } from '../model/cluster-policy.js';
import { containsIP, parseIP } from '../algebra/ip-set.js';
import { selectorMatches } from '../algebra/label-selector.js';
import { ALL_PORTS, EMPTY_PORT_SET, portSetOf, unionPorts, type PortSet } from '../algebra/port-set.js';
import { labelsOfNamespace, seenBySelectors, type CompiledCluster } from './compile.js';
import type { CompiledClusterPeer, CompiledClusterPolicy, CompiledClusterRule } from './compile-cluster-policies.js';
import type { Endpoint } from './types.js';

/**
 * ANP semantics §3.2: the subject selects pods by namespace labels and pod labels; host-network
 * pods are never subjects (unless the engine treats them as pods, semantics §5.3).
 */
export function clusterPolicySelects(compiled: CompiledCluster, policy: CompiledClusterPolicy, pod: Pod): boolean {
  const { subject } = policy.policy;
  return (
    seenBySelectors(compiled, pod) &&
    selectorMatches(subject.podSelector, pod.labels) &&
    selectorMatches(subject.namespaceSelector, labelsOfNamespace(compiled, pod.namespace))
  );
}

/** ANP semantics §3.3: whether one peer matches the remote end. */
export function clusterPeerMatches(compiled: CompiledCluster, peer: CompiledClusterPeer, remote: Endpoint): boolean {
  switch (peer.kind) {
    case 'pods': {
      if (remote.kind !== 'pod' || !seenBySelectors(compiled, remote.pod)) return false;
      const { pod } = remote;
      return (
        selectorMatches(peer.namespaceSelector, labelsOfNamespace(compiled, pod.namespace)) &&
        selectorMatches(peer.podSelector, pod.labels)
      );
    }
    case 'networks': {
      // §3.3 consequence 2: networks is not "external only"; pod IPs match too (engine option).
      const inside = (ip: string): boolean => {
        const parsed = parseIP(ip);
        return parsed !== undefined && containsIP(peer.addresses, parsed);
      };
      if (remote.kind === 'external') return inside(remote.ip);
      return compiled.options.networksMatchPodIPs && remote.pod.ips.some(inside);
    }
    case 'nothing':
      return false;
  }
}

/** Index of the first peer of `rule` that matches, or undefined. */
export function firstMatchingPeer(compiled: CompiledCluster, rule: CompiledClusterRule, remote: Endpoint): number | undefined {
  return rule.peers.find((peer) => clusterPeerMatches(compiled, peer, remote))?.index;
}

/** ANP semantics §4: one port entry against the connection's destination port. */
export function clusterPortMatches(entry: ClusterPort, destination: Endpoint, port: number, protocol: Protocol): boolean {
  if (entry.kind === 'range') return entry.protocol === protocol && entry.from <= port && port <= entry.to;
  // §4.4: the name takes number and protocol from the destination pod's container ports.
  return (
    destination.kind === 'pod' &&
    destination.pod.ports.some((p) => p.name === entry.name && p.containerPort === port && p.protocol === protocol)
  );
}

/** Every port a rule's port part matches towards `destination`, named ports resolved (§4.4). */
export function clusterRulePortSet(rule: CompiledClusterRule, destination: Endpoint): PortSet {
  if (rule.ports === null) return ALL_PORTS;
  let result = EMPTY_PORT_SET;
  for (const entry of rule.ports) {
    if (entry.kind === 'range') {
      result = unionPorts(result, portSetOf(entry.protocol, entry.from, entry.to));
    } else if (destination.kind === 'pod') {
      for (const p of destination.pod.ports) {
        if (p.name === entry.name) result = unionPorts(result, portSetOf(p.protocol, p.containerPort, p.containerPort));
      }
    }
  }
  return result;
}

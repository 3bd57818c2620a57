// Which probes to send: every (source host, destination host, port/protocol) the cluster makes
// relevant, and which ports every host must listen on for them. Pure.
import type { Cluster, Pod } from '../model/cluster.js';
import type { Protocol } from '../model/common.js';
import { parseAddress } from './addresses.js';
import type { Family } from './addresses.js';
import type { PortRef, Probe } from './dataplane.js';
import type { LabHost, Topology } from './topology.js';

export interface PlannedProbe extends Probe {
  /** The host whose address `to` is: the one that should answer. */
  readonly toHost: number;
  readonly family: Family;
}

export interface ProbePlan {
  readonly probes: readonly PlannedProbe[];
  /** Ports each host must listen on, by host index. */
  readonly listen: ReadonlyMap<number, readonly PortRef[]>;
}

export interface ProbeSelection {
  /** Probe exactly these ports on every destination (`--ports`); otherwise the relevant ones. */
  readonly ports?: readonly PortRef[];
  /** Protocols the kernel can carry; probes of others are left out (e.g. SCTP without kernel support). */
  readonly protocols: readonly Protocol[];
}

const FALLBACK: readonly PortRef[] = [{ protocol: 'TCP', port: 80 }];

/**
 * Relevant ports of a destination pod: its container ports, and both ends of every numeric port
 * or range a policy (NetworkPolicy or cluster-wide) names (named ports resolve to container ports, already listed). A cluster
 * that declares no port at all is probed on TCP/80. External hosts: all of those.
 */
export function planProbes(cluster: Cluster, topology: Topology, selection: ProbeSelection): ProbePlan {
  const policyPorts = policyPortEnds(cluster);
  const everyContainerPort = unique(cluster.pods.flatMap(containerPorts));
  const podsById = new Map(cluster.pods.map((pod) => [`${pod.namespace}/${pod.name}`, pod]));
  const allowed = (p: PortRef): boolean => selection.protocols.includes(p.protocol);
  const portsOf = (host: LabHost): PortRef[] => {
    if (selection.ports !== undefined) return selection.ports.filter(allowed);
    const pod = host.kind === 'pod' ? podsById.get(host.identity) : undefined;
    let ports = unique(pod === undefined ? [...everyContainerPort, ...policyPorts] : [...containerPorts(pod), ...policyPorts]);
    if (ports.length === 0) ports = unique([...everyContainerPort, ...FALLBACK]);
    return ports.filter(allowed);
  };
  const listen = new Map(topology.hosts.map((host) => [host.index, portsOf(host)]));
  const probes: PlannedProbe[] = [];
  for (const from of topology.hosts) {
    for (const to of topology.hosts) {
      if (from === to || (from.kind === 'external' && to.kind === 'external')) continue;
      for (const address of to.addresses) {
        const family = parseAddress(address)?.family;
        if (family === undefined || !from.addresses.some((a) => parseAddress(a)?.family === family)) continue;
        for (const port of listen.get(to.index) ?? []) probes.push({ from: from.index, to: address, toHost: to.index, family, ...port });
      }
    }
  }
  return { probes, listen };
}

function containerPorts(pod: Pod): PortRef[] {
  return pod.ports.map((p) => ({ protocol: p.protocol, port: p.containerPort }));
}

function policyPortEnds(cluster: Cluster): PortRef[] {
  const out: PortRef[] = [];
  for (const policy of cluster.policies) {
    for (const rule of [...policy.ingress, ...policy.egress]) {
      if (rule.ports.kind === 'any') continue;
      for (const entry of rule.ports.items) {
        if (entry.port.kind !== 'range') continue;
        out.push({ protocol: entry.protocol, port: entry.port.from }, { protocol: entry.protocol, port: entry.port.to });
      }
    }
  }
  for (const policy of cluster.clusterPolicies ?? []) {
    for (const rule of [...policy.ingress, ...policy.egress]) {
      if (rule.ports.kind === 'any') continue;
      for (const entry of rule.ports.items) {
        if (entry.kind === 'range') out.push({ protocol: entry.protocol, port: entry.from }, { protocol: entry.protocol, port: entry.to });
      }
    }
  }
  return out;
}

const PROTOCOL_ORDER: Record<Protocol, number> = { TCP: 0, UDP: 1, SCTP: 2 };

function unique(ports: readonly PortRef[]): PortRef[] {
  const seen = new Map<string, PortRef>();
  for (const p of ports) seen.set(`${p.protocol}/${p.port}`, { protocol: p.protocol, port: p.port });
  return [...seen.values()].sort((a, b) => PROTOCOL_ORDER[a.protocol] - PROTOCOL_ORDER[b.protocol] || a.port - b.port);
}

/** Parses `--ports`: `80,443/TCP,53/UDP` (TCP when no protocol is given). */
export function parsePortList(text: string): { ports: PortRef[]; errors: string[] } {
  const ports: PortRef[] = [];
  const errors: string[] = [];
  for (const item of text.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const match = /^([0-9]{1,5})(?:\/(TCP|UDP|SCTP))?$/i.exec(item);
    const port = Number(match?.[1]);
    if (match === null || port < 1 || port > 65535) {
      errors.push(`--ports: "${item}" is not PORT or PORT/PROTOCOL (1-65535, TCP, UDP or SCTP)`);
      continue;
    }
    ports.push({ port, protocol: (match[2]?.toUpperCase() ?? 'TCP') as Protocol });
  }
  if (ports.length === 0 && errors.length === 0) errors.push('--ports: no port given');
  return { ports: unique(ports), errors };
}

// Builders for model objects, so tests state their case in a few lines (kube-network-policies' makeX style).
import type { Cluster, ContainerPort, Namespace, Pod } from '../../src/model/cluster.js';
import type { Direction, Labels, Protocol } from '../../src/model/common.js';
import type { LabelRequirement, LabelSelector } from '../../src/model/label-selector.js';
import type {
  IPBlockPeer,
  NetworkPolicy,
  Peer,
  PodPeer,
  PolicyPort,
  PolicyRule,
  PortSpec,
} from '../../src/model/network-policy.js';

const here = { file: 'test.yaml', line: 1 };

export function selector(matchLabels: Labels = {}, matchExpressions: LabelRequirement[] = []): LabelSelector {
  return { matchLabels, matchExpressions };
}

export function namespace(name: string, labels: Labels = {}): Namespace {
  return { name, labels: { ...labels, 'kubernetes.io/metadata.name': name }, declared: true };
}

export function pod(id: string, labels: Labels = {}, extra: Partial<Pod> = {}): Pod {
  const [ns, name] = id.split('/') as [string, string];
  return { namespace: ns, name, labels, ports: [], ips: [], hostNetwork: false, ...extra };
}

export function port(containerPort: number, name?: string, protocol: Protocol = 'TCP'): ContainerPort {
  return name === undefined ? { containerPort, protocol } : { containerPort, protocol, name };
}

export function podPeer(
  podSelector: LabelSelector | undefined,
  namespaceSelector: LabelSelector | null = null,
): Omit<PodPeer, 'index'> {
  return {
    kind: 'pods',
    podSelector: podSelector ?? selector(),
    hasPodSelector: podSelector !== undefined,
    namespaceSelector,
    source: here,
  };
}

export function ipBlock(cidr: string, except: string[] = []): Omit<IPBlockPeer, 'index'> {
  return { kind: 'ipBlock', cidr, except, source: here };
}

export type PortInput = { protocol?: Protocol; port?: number | string; endPort?: number };

function policyPort(input: PortInput, index: number): PolicyPort {
  const protocol = input.protocol ?? 'TCP';
  let spec: PortSpec = { kind: 'all' };
  if (typeof input.port === 'string') spec = { kind: 'named', name: input.port };
  else if (typeof input.port === 'number') spec = { kind: 'range', from: input.port, to: input.endPort ?? input.port };
  return { index, protocol, port: spec, source: here };
}

/** A rule; `peers`/`ports` undefined = absent (all). */
export function rule(peers?: Omit<Peer, 'index'>[], ports?: PortInput[]): Omit<PolicyRule, 'index'> {
  return {
    peers: peers && peers.length > 0 ? { kind: 'list', items: peers.map((p, index) => ({ ...p, index }) as Peer) } : { kind: 'any' },
    ports: ports && ports.length > 0 ? { kind: 'list', items: ports.map(policyPort) } : { kind: 'any' },
    source: here,
  };
}

export interface PolicyInput {
  podSelector?: LabelSelector;
  policyTypes?: Direction[];
  ingress?: Omit<PolicyRule, 'index'>[];
  egress?: Omit<PolicyRule, 'index'>[];
}

/** A policy after defaulting: policyTypes default to ingress (+ egress iff egress rules exist). */
export function policy(id: string, input: PolicyInput): NetworkPolicy {
  const [ns, name] = id.split('/') as [string, string];
  const egress = (input.egress ?? []).map((r, index) => ({ ...r, index }));
  const defaulted: Direction[] = egress.length > 0 ? ['ingress', 'egress'] : ['ingress'];
  return {
    namespace: ns,
    name,
    podSelector: input.podSelector ?? selector(),
    policyTypes: input.policyTypes ?? defaulted,
    ingress: (input.ingress ?? []).map((r, index) => ({ ...r, index })),
    egress,
    source: { file: `${name}.yaml`, line: 1 },
    raw: {},
  };
}

export function cluster(parts: { namespaces?: Namespace[]; pods?: Pod[]; policies?: NetworkPolicy[] }): Cluster {
  const pods = parts.pods ?? [];
  const declared = parts.namespaces ?? [];
  const names = new Set(declared.map((n) => n.name));
  const implicit = [...new Set(pods.map((p) => p.namespace))].filter((n) => !names.has(n)).map((n) => ({
    ...namespace(n),
    declared: false,
  }));
  return { namespaces: [...declared, ...implicit], pods, workloads: [], services: [], policies: parts.policies ?? [] };
}

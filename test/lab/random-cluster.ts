// Seeded random small clusters for the kernel-vs-engine differential test and the soak. Every
// cluster has the same shape (six pods at fixed dual-stack addresses, so that the lab's namespaces
// are built once and only the rulesets change) and random everything else: namespaces and their
// labels, pod labels, container ports (named, UDP, SCTP, repeated names), and 1-4 policies with
// ingress and egress rules, pod/namespace selectors, ipBlocks with excepts (at pod addresses and at
// the external hosts), numeric ports, endPort ranges, named ports and protocol-only entries.
import type { Cluster, ContainerPort, Pod } from '../../src/model/cluster.js';
import type { Direction, Protocol } from '../../src/model/common.js';
import type { LabelRequirement, LabelSelector } from '../../src/model/label-selector.js';
import type { NetworkPolicy, Peer, PolicyRule } from '../../src/model/network-policy.js';
import { cluster, ipBlock, namespace, pod, podPeer, policy, rule, selector } from '../helpers/builders.js';
import type { PortInput } from '../helpers/builders.js';

export const POD_ADDRESSES = [2, 3, 4, 5, 6, 7].map((n) => [`10.244.0.${n}`, `fd00:10:244::${n}`] as const);
/** External hosts: inside the pod CIDR but no pod's, and outside it; IPv4 and IPv6. */
export const EXTERNAL_ADDRESSES = ['10.244.200.1', '192.0.2.10', '198.51.100.20', '203.0.113.30', '2001:db8::10', 'fd00:10:244::c8'];
/** Every probe goes to these ports; policies and container ports use them (and range ends around them). */
export const PROBE_PORTS: readonly { protocol: Protocol; port: number }[] = [
  { protocol: 'TCP', port: 80 },
  { protocol: 'TCP', port: 443 },
  { protocol: 'TCP', port: 5000 },
  { protocol: 'TCP', port: 5001 },
  { protocol: 'TCP', port: 8080 },
  { protocol: 'UDP', port: 53 },
  { protocol: 'UDP', port: 5000 },
  { protocol: 'UDP', port: 5001 },
  { protocol: 'SCTP', port: 80 },
  { protocol: 'SCTP', port: 5000 },
];

const NAMESPACES = ['alpha', 'beta', 'gamma'];
export const PORT_NAMES = ['http', 'dns', 'metrics', 'web'];
export const RANGES: readonly [number, number][] = [[5000, 5001], [4999, 5000], [5001, 8080], [443, 5000], [80, 80], [1, 442], [8081, 65535]];

/** mulberry32: small, fast, good enough to pick cases; the same seed gives the same cluster. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Dice {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = random(seed);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

export function randomCluster(seed: number): Cluster {
  const dice = new Dice(seed);
  const used = NAMESPACES.slice(0, dice.int(1, 3));
  const namespaces = used.map((name) => namespace(name, randomLabels(dice, { team: ['red', 'blue'], env: ['prod', 'dev'] })));
  const pods = POD_ADDRESSES.map(([v4, v6], i) =>
    pod(`${dice.pick(used)}/p${i}`, randomLabels(dice, { app: ['web', 'db', 'api'], role: ['x', 'y'] }), { ports: randomPorts(dice), ips: [v4, v6] }),
  );
  const policies = Array.from({ length: dice.int(1, 4) }, (_, i) => randomPolicy(dice, `${dice.pick(used)}/np${i}`, pods));
  return cluster({ namespaces, pods, policies });
}

function randomLabels(dice: Dice, vocabulary: Record<string, string[]>): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, values] of Object.entries(vocabulary)) if (dice.chance(0.6)) labels[key] = dice.pick(values);
  return labels;
}

function randomPorts(dice: Dice): ContainerPort[] {
  return Array.from({ length: dice.int(0, 3) }, () => {
    const { protocol, port } = dice.pick(PROBE_PORTS);
    return dice.chance(0.7) ? { containerPort: port, protocol, name: dice.pick(PORT_NAMES) } : { containerPort: port, protocol };
  });
}

export function randomSelector(dice: Dice, vocabulary: Record<string, string[]>): LabelSelector {
  const keys = Object.keys(vocabulary);
  const roll = dice.next();
  if (roll < 0.25) return selector();
  const key = dice.pick(keys);
  const values = vocabulary[key] ?? [];
  if (roll < 0.65) return selector({ [key]: dice.pick(values) });
  const operator = dice.pick(['In', 'NotIn', 'Exists', 'DoesNotExist'] as const);
  const requirement: LabelRequirement = operator === 'In' || operator === 'NotIn' ? { key, operator, values: [dice.pick(values)] } : { key, operator, values: [] };
  return selector({}, [requirement]);
}

export const POD_VOCABULARY = { app: ['web', 'db', 'api'], role: ['x', 'y'] };
export const NAMESPACE_VOCABULARY = { team: ['red', 'blue'], env: ['prod', 'dev'], 'kubernetes.io/metadata.name': NAMESPACES };

function randomPolicy(dice: Dice, id: string, pods: readonly Pod[]): NetworkPolicy {
  const directions = dice.pick<readonly Direction[] | undefined>([undefined, undefined, ['ingress'], ['egress'], ['ingress', 'egress']]);
  const rules = (): Omit<PolicyRule, 'index'>[] => Array.from({ length: dice.int(0, 2) }, () => randomRule(dice, pods));
  const input = { podSelector: randomSelector(dice, POD_VOCABULARY), ingress: rules(), egress: rules() };
  return policy(id, directions === undefined ? input : { ...input, policyTypes: [...directions] });
}

function randomRule(dice: Dice, pods: readonly Pod[]): Omit<PolicyRule, 'index'> {
  const peers = dice.chance(0.25) ? undefined : Array.from({ length: dice.int(1, 2) }, () => randomPeer(dice, pods));
  const ports = dice.chance(0.35) ? undefined : Array.from({ length: dice.int(1, 3) }, () => randomPort(dice));
  return rule(peers, ports);
}

function randomPeer(dice: Dice, pods: readonly Pod[]): Omit<Peer, 'index'> {
  const roll = dice.next();
  if (roll < 0.35) return podPeer(randomSelector(dice, POD_VOCABULARY));
  if (roll < 0.5) return podPeer(undefined, randomSelector(dice, NAMESPACE_VOCABULARY));
  if (roll < 0.65) return podPeer(randomSelector(dice, POD_VOCABULARY), randomSelector(dice, NAMESPACE_VOCABULARY));
  return randomIPBlock(dice, pods);
}

function randomIPBlock(dice: Dice, pods: readonly Pod[]): Omit<Peer, 'index'> {
  const somePod = (family: 0 | 1): string => dice.pick(pods).ips[family] ?? '';
  const blocks: (() => Omit<Peer, 'index'>)[] = [
    () => ipBlock(`${somePod(0)}/32`),
    () => ipBlock('10.244.0.0/29', [`${somePod(0)}/32`]),
    () => ipBlock('10.244.0.0/16', dice.chance(0.5) ? ['10.244.200.0/24'] : [`${somePod(0)}/32`, '10.244.0.4/30']),
    () => ipBlock('0.0.0.0/0', ['10.0.0.0/8']),
    () => ipBlock('0.0.0.0/0'),
    () => ipBlock('192.0.2.0/24'),
    () => ipBlock('198.51.100.0/24', ['198.51.100.16/28']),
    () => ipBlock('203.0.113.30/32'),
    () => ipBlock('10.244.0.5/24'), // sloppy: host bits set, means 10.244.0.0/24 (semantics §2.6)
    () => ipBlock(`${somePod(1)}/128`),
    () => ipBlock('fd00:10:244::/64', ['fd00:10:244::c8/128']),
    () => ipBlock('2001:db8::/32'),
    () => ipBlock('::/0', ['fd00::/8']),
  ];
  return dice.pick(blocks)();
}

function randomPort(dice: Dice): PortInput {
  const protocol = dice.pick<Protocol>(['TCP', 'TCP', 'UDP', 'SCTP']);
  const roll = dice.next();
  if (roll < 0.15) return dice.chance(0.3) ? {} : { protocol };
  if (roll < 0.5) return { protocol, port: dice.pick(PROBE_PORTS.filter((p) => p.protocol === protocol)).port };
  if (roll < 0.7) {
    const [from, to] = dice.pick(RANGES);
    return { protocol, port: from, endPort: to };
  }
  return { protocol, port: dice.pick(PORT_NAMES) };
}

// Seeded random three-tier clusters for the kernel-vs-engine differential test: a random cluster of
// test/lab/random-cluster.ts (same six pods, so the same lab) keeps some of its NetworkPolicies
// and gains AdminNetworkPolicies (Allow/Deny/Pass, equal priorities on purpose), often the
// BaselineAdminNetworkPolicy `default` (Allow/Deny), and ClusterNetworkPolicies of both tiers
// (Accept/Deny/Pass), with names and priorities that tie across kinds, so that the equal-priority
// order (priority, name, kind) decides. Peers: namespaces, pods; on egress also networks (pod
// addresses, the pod CIDR, external ranges, ::/0, overlapping and sloppy CIDRs), nodes and
// domainNames (which match nothing). Ports: numbers, ranges, named ports, none. Every fourth
// cluster is IPv4-only.
import type { Cluster, Pod } from '../../src/model/cluster.js';
import type { ClusterActionText, ClusterPolicy, ClusterRule } from '../../src/model/cluster-policy.js';
import type { Direction, Protocol } from '../../src/model/common.js';
import { anp, banp, cnp, crule, networksPeer, nodesPeer, podsPeer } from '../engine/cluster-policy-builders.js';
import type { PortEntryInput } from '../engine/cluster-policy-builders.js';
import { selector } from '../helpers/builders.js';
import { Dice, NAMESPACE_VOCABULARY, POD_VOCABULARY, PORT_NAMES, PROBE_PORTS, RANGES, randomCluster, randomSelector } from './random-cluster.js';

/** Names shared by the kinds, so that an ANP and a CNP (or the BANP and a Baseline CNP) can tie on name too. */
const NAMES = ['a-first', 'default', 'm-middle', 'z-last'];
const PRIORITIES = [0, 5, 10, 10, 20];

type Rule = Omit<ClusterRule, 'index'>;
type PeerInput = Parameters<typeof crule>[1][number];

export function randomTierCluster(seed: number): Cluster {
  const base = randomCluster(seed);
  const dice = new Dice(seed * 7919 + 104729);
  const policies = base.policies.filter(() => dice.chance(0.5));
  const pods = seed % 4 === 2 ? base.pods.map((p) => ({ ...p, ips: p.ips.slice(0, 1) })) : base.pods;
  const clusterPolicies: ClusterPolicy[] = [];
  const anpNames = shuffled(dice, NAMES).slice(0, dice.int(0, 3));
  for (const name of anpNames) clusterPolicies.push(anp(name, dice.pick(PRIORITIES), body(dice, pods, ['Allow', 'Deny', 'Pass'])));
  if (dice.chance(0.6)) clusterPolicies.push(banp(body(dice, pods, ['Allow', 'Deny'])));
  const cnpNames = shuffled(dice, NAMES).slice(0, dice.int(anpNames.length === 0 ? 1 : 0, 3));
  for (const name of cnpNames) {
    const tier = dice.pick(['Admin', 'Baseline'] as const);
    // Often the very priority of the same-named policy of the other kind in its tier: a tie down to the kind.
    const twin = clusterPolicies.find((p) => p.name === name && p.tier === (tier === 'Admin' ? 'admin' : 'baseline'));
    const priority = twin !== undefined && dice.chance(0.6) ? (twin.priority ?? 0) : dice.pick(PRIORITIES);
    clusterPolicies.push(cnp(name, tier, priority, body(dice, pods, ['Accept', 'Deny', 'Pass'])));
  }
  return { ...base, pods, policies, clusterPolicies };
}

function shuffled<T>(dice: Dice, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = dice.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function body(dice: Dice, pods: readonly Pod[], actions: readonly ClusterActionText[]): Parameters<typeof anp>[2] {
  const subject = dice.chance(0.5)
    ? { namespaces: randomSelector(dice, NAMESPACE_VOCABULARY) }
    : { namespaces: randomSelector(dice, NAMESPACE_VOCABULARY), pods: randomSelector(dice, POD_VOCABULARY) };
  const rules = (direction: Direction): Rule[] => Array.from({ length: dice.int(0, 3) }, () => randomRule(dice, pods, direction, actions));
  return { ...subject, ingress: rules('ingress'), egress: rules('egress') };
}

function randomRule(dice: Dice, pods: readonly Pod[], direction: Direction, actions: readonly ClusterActionText[]): Rule {
  const action = dice.pick(actions);
  const peers = Array.from({ length: dice.int(1, 2) }, () => randomPeer(dice, pods, direction, action));
  const ports = dice.chance(0.4) ? undefined : Array.from({ length: dice.int(1, 2) }, () => randomPort(dice));
  return crule(action, peers, ports === undefined ? {} : { ports });
}

function randomPeer(dice: Dice, pods: readonly Pod[], direction: Direction, action: ClusterActionText): PeerInput {
  const roll = dice.next();
  if (roll < 0.3 || (direction === 'ingress' && roll < 0.6)) return podsPeer(randomSelector(dice, NAMESPACE_VOCABULARY), selector());
  if (roll < 0.6) return podsPeer(randomSelector(dice, NAMESPACE_VOCABULARY), randomSelector(dice, POD_VOCABULARY));
  if (direction === 'ingress') return podsPeer(selector(), randomSelector(dice, POD_VOCABULARY));
  if (roll < 0.9) return networksPeer(...randomNetworks(dice, pods));
  // Upstream allows domainNames only in Allow/Accept rules (ANP semantics §9.5).
  if (roll < 0.95 && (action === 'Allow' || action === 'Accept')) return { kind: 'domainNames', names: ['api.example.com'], source: { file: 'test.yaml', line: 1 } };
  return nodesPeer();
}

function randomNetworks(dice: Dice, pods: readonly Pod[]): string[] {
  const someV4 = `${dice.pick(pods).ips[0] ?? '10.244.0.2'}/32`;
  const someV6 = `${dice.pick(pods).ips[1] ?? 'fd00:10:244::2'}/128`;
  const lists: string[][] = [
    ['0.0.0.0/0'],
    ['::/0'],
    ['0.0.0.0/0', '::/0'],
    [someV4],
    [someV6],
    ['10.244.0.0/16'],
    ['10.244.0.0/29', '10.244.0.4/30'], // nested: the lab folds them into one interval
    ['10.244.0.5/24'], // sloppy: host bits set, means 10.244.0.0/24 (ANP semantics §3.4)
    ['192.0.2.0/24', '198.51.100.0/24'],
    ['203.0.113.30/32', '2001:db8::/32'],
    ['10.244.200.0/24', 'fd00:10:244::c8/128'],
    ['fd00:10:244::/64'],
  ];
  return dice.pick(lists);
}

function randomPort(dice: Dice): PortEntryInput {
  const roll = dice.next();
  const protocol = dice.pick<Protocol>(['TCP', 'TCP', 'UDP', 'SCTP']);
  if (roll < 0.35) return { protocol, port: dice.pick(PROBE_PORTS.filter((p) => p.protocol === protocol)).port };
  if (roll < 0.7) {
    const [from, to] = dice.pick(RANGES);
    return { protocol, port: from, endPort: to };
  }
  return { named: dice.pick(PORT_NAMES) };
}

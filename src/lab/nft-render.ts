// Model -> nftables: the whole `nft -f` script for one pod's network namespace (style rule 11).
// Pure: the same cluster gives the same text, golden-tested in test/lab/nft-render.test.ts.
// The script replaces the lab's table atomically: nft runs a file as one transaction.
import type { Cluster, Pod } from '../model/cluster.js';
import type { Direction, Protocol } from '../model/common.js';
import type { NetworkPolicy } from '../model/network-policy.js';
import { policyId } from '../model/network-policy.js';
import { podId } from '../model/cluster.js';
import { parseAddress } from './addresses.js';
import { ALL_PODS_SET, addressesOf, familyWord, ruleParts, selectablePods } from './nft-rules.js';
import type { NftSet } from './nft-rules.js';
import { renderTierChain, tierChainName, tierPolicies } from './nft-tiers.js';
import { selects } from './selectors.js';

export interface RenderOptions {
  /** The table's name, `netwarden_<lab name>`; one table per pod namespace. */
  readonly table: string;
  /** semantics §5.1; the engine's default (true) unless the lab is told otherwise. */
  readonly ipBlockMatchesPodIPs: boolean;
  /** ANP semantics §3.3 #2; the engine's option of the same name (default true). */
  readonly networksMatchPodIPs: boolean;
  /**
   * What an isolated pod does with a connection no rule allows. 'drop' (most plugins): the peer
   * sees a timeout. 'reject': a TCP reset, or an ICMP admin-prohibited error for UDP and SCTP, so
   * a denial is seen at once and a timeout can only mean a fault; the verdicts are the same.
   */
  readonly deny: DenyAction;
}

export type DenyAction = 'drop' | 'reject';

// TCP gets a reset rather than ICMP: an ICMP error that arrives while connect() still holds the
// socket is only noted, and the SYN is resent a second later (seen with IPv6 on Linux 6.18).
const DENY_STATEMENTS = {
  drop: ['drop'],
  reject: ['meta l4proto tcp reject with tcp reset', 'reject with icmpx admin-prohibited'],
} as const satisfies Record<DenyAction, readonly string[]>;

/** A Service port as the lab's service proxy sees it: a ClusterIP and port, and where to send it. */
export interface ServiceFrontend {
  readonly service: string;
  readonly clusterIP: string;
  readonly port: number;
  readonly protocol: Protocol;
  /** Backends: pod address and target port (named target ports resolved per pod). */
  readonly endpoints: readonly { readonly ip: string; readonly port: number }[];
}

export const TABLE_PREFIX = 'netwarden_';

const HOOK = { ingress: 'input', egress: 'output' } as const satisfies Record<Direction, string>;
const LOOPBACK = { ingress: 'iif "lo"', egress: 'oif "lo"' } as const satisfies Record<Direction, string>;

/** The script that replaces `options.table` in the pod's namespace with the pod's rules. */
export function renderPodRuleset(
  cluster: Cluster,
  subject: Pod,
  services: readonly ServiceFrontend[],
  options: RenderOptions,
): string {
  const sets: NftSet[] = [];
  const chains = (['ingress', 'egress'] as const).map((direction) => renderDirection(cluster, subject, direction, options, sets));
  if (!options.ipBlockMatchesPodIPs || !options.networksMatchPodIPs) sets.unshift(...allPodSets(cluster));
  const lines = [
    `# netwarden lab: pod ${podId(subject)} (${subject.ips.join(', ')})`,
    `table inet ${options.table}`,
    `delete table inet ${options.table}`,
    `table inet ${options.table} {`,
    ...sets.flatMap(renderSet),
    // The tiers' regular chains come before the base chains that jump to them.
    ...chains.flatMap((c) => c.tiers),
    ...chains.flatMap((c) => c.base),
    ...renderServices(services),
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

/** semantics §4: policies of the pod's namespace that select it and list the direction. */
export function applyingPolicies(cluster: Cluster, pod: Pod, direction: Direction): NetworkPolicy[] {
  return cluster.policies.filter(
    (p) => p.namespace === pod.namespace && p.policyTypes.includes(direction) && selects(p.podSelector, pod.labels),
  );
}

interface DirectionChains {
  /** The base chain (hook input or output). */
  readonly base: readonly string[];
  /** The regular chains of the admin and baseline tiers that the base chain jumps to. */
  readonly tiers: readonly string[];
}

/**
 * ANP semantics §7.2, one direction judged at this pod: jump to the admin tier (it accepts, denies,
 * or returns on a Pass or no match), then NetworkPolicy, final for an isolated pod (semantics §4),
 * then, for a pod it does not isolate, jump to the baseline tier, then the chain's policy: accept.
 */
function renderDirection(cluster: Cluster, subject: Pod, direction: Direction, options: RenderOptions, sets: NftSet[]): DirectionChains {
  const head = [`\tchain ${direction} {`, `\t\ttype filter hook ${HOOK[direction]} priority filter; policy accept;`];
  const policies = applyingPolicies(cluster, subject, direction);
  const admin = tierPolicies(cluster, subject, direction, 'admin');
  const baseline = policies.length === 0 ? tierPolicies(cluster, subject, direction, 'baseline') : [];
  if (policies.length === 0 && admin.length === 0 && baseline.length === 0) {
    // semantics §4: a pod no policy selects for a direction is not isolated in it.
    return { base: [...head, `\t\t# not isolated for ${direction}: accept everything`, '\t}'], tiers: [] };
  }
  const context = { cluster, subject, direction, networksMatchPodIPs: options.networksMatchPodIPs, deny: DENY_STATEMENTS[options.deny] };
  const tiers = [
    ...(admin.length > 0 ? renderTierChain(context, 'admin', admin, sets) : []),
    ...(baseline.length > 0 ? renderTierChain(context, 'baseline', baseline, sets) : []),
  ];
  const body = [...preamble(direction)];
  if (admin.length > 0) body.push(`\t\tjump ${tierChainName(direction, 'admin')}`);
  if (policies.length > 0) {
    body.push(...networkPolicyStage(cluster, subject, direction, policies, options, sets));
  } else if (baseline.length > 0) {
    body.push(`\t\tjump ${tierChainName(direction, 'baseline')}`, `\t\t# default: accept`);
  } else {
    body.push(`\t\t# not isolated for ${direction}, no baseline policy: accept`);
  }
  return { base: [...head, ...body, '\t}'], tiers };
}

function preamble(direction: Direction): string[] {
  return [
    // semantics §4: replies of an allowed connection are allowed whatever the other direction says.
    '\t\tct state established,related accept',
    // semantics §4.1: a pod can always reach itself (its own address goes over loopback).
    `\t\t${LOOPBACK[direction]} accept`,
    // semantics §2.9: NetworkPolicy is defined for TCP, UDP and SCTP only, and netwarden's verdicts (the
    // cluster tiers' too, ANP semantics §12 #20) are for those; the lab lets the rest (ICMP, neighbour discovery) through.
    '\t\tmeta l4proto != { tcp, udp, sctp } accept',
  ];
}

/** semantics §4: an isolated pod accepts what one of its policies' rules allows, and denies the rest. */
function networkPolicyStage(cluster: Cluster, subject: Pod, direction: Direction, policies: readonly NetworkPolicy[], options: RenderOptions, sets: NftSet[]): string[] {
  const body: string[] = [];
  policies.forEach((policy, policyIndex) => {
    body.push(`\t\t# ${policyId(policy)}`);
    for (const rule of policy[direction]) {
      const setPrefix = `${direction === 'ingress' ? 'in' : 'eg'}${policyIndex}_r${rule.index}`;
      const context = { cluster, subject, direction, ipBlockMatchesPodIPs: options.ipBlockMatchesPodIPs, setPrefix, policyNamespace: policy.namespace };
      const parts = ruleParts(context, rule);
      sets.push(...parts.sets);
      const comment = ` comment "${truncate(`${policyId(policy)} ${direction}[${rule.index}]`)}"`;
      // A rule matches when a peer and a port entry both match: one accept per compatible pair.
      const matches = parts.peers.flatMap((peer) =>
        parts.ports
          .filter((port) => peer.family === null || port.family === null || peer.family === port.family)
          .map((port) => [peer.text, port.text].filter((t) => t !== '').join(' ')),
      );
      if (matches.length === 0) body.push(`\t\t# ${direction}[${rule.index}] matches nothing here`);
      for (const match of matches) body.push(`\t\t${match === '' ? '' : `${match} `}accept${comment}`);
    }
  });
  for (const statement of DENY_STATEMENTS[options.deny]) body.push(`\t\t${statement} comment "isolated for ${direction}"`);
  return body;
}

function allPodSets(cluster: Cluster): NftSet[] {
  const pods = selectablePods(cluster);
  return ([4, 6] as const).map((family) => ({
    name: ALL_PODS_SET[family],
    type: family === 4 ? 'ipv4_addr' : 'ipv6_addr',
    interval: false,
    elements: addressesOf(pods, family),
    comment: 'every pod address (for ipBlocks or networks that do not match pods)',
  }));
}

function renderSet(set: NftSet): string[] {
  const lines = [`\tset ${set.name} {`, `\t\ttype ${set.type}`];
  if (set.interval) lines.push('\t\tflags interval');
  if (set.elements.length > 0) lines.push(`\t\telements = { ${set.elements.join(', ')} }`);
  lines.push(`\t\tcomment "${truncate(set.comment)}"`, '\t}');
  return lines;
}

/**
 * semantics §4.2: policies judge the connection after the service proxy, so Service traffic is
 * DNATed to a backend (like kube-proxy) before the egress chain sees it.
 */
function renderServices(services: readonly ServiceFrontend[]): string[] {
  if (services.length === 0) return [];
  const lines = ['\tchain services {', '\t\ttype nat hook output priority -100; policy accept;'];
  for (const frontend of services) {
    const address = parseAddress(frontend.clusterIP);
    if (address === undefined) continue;
    const word = familyWord(address.family);
    const backends = frontend.endpoints.filter((e) => parseAddress(e.ip)?.family === address.family);
    const match = `${word} daddr ${frontend.clusterIP} ${frontend.protocol.toLowerCase()} dport ${frontend.port}`;
    const comment = ` comment "${truncate(`${frontend.service} ${frontend.protocol}/${frontend.port}`)}"`;
    if (backends.length === 0) {
      lines.push(`\t\t# ${match}: no endpoints`);
      continue;
    }
    const map = backends.map((b, i) => `${i} : ${b.ip} . ${b.port}`).join(', ');
    lines.push(`\t\t${match} dnat ${word} to numgen random mod ${backends.length} map { ${map} }${comment}`);
  }
  return [...lines, '\t}'];
}

function truncate(text: string): string {
  // nft comments are at most 128 bytes; names are DNS names, so no quotes to escape.
  return text.length <= 120 ? text : `${text.slice(0, 117)}...`;
}

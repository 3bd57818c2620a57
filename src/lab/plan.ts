// Cluster -> the lab that reproduces it: an address for every pod (status.podIP when given, else
// allocated from the pod CIDR), external hosts standing for the addresses ipBlocks name, ClusterIPs
// for Services. Pure; the netns dataplane builds what this describes.
import type { Cluster, Pod } from '../model/cluster.js';
import { podId } from '../model/cluster.js';
import { clusterPolicyTag } from '../model/cluster-policy.js';
import { formatAddress, lastAddress, networkContains, parseAddress, parseNetwork } from './addresses.js';
import type { Address, Family, Network } from './addresses.js';
import { TABLE_PREFIX } from './nft-render.js';
import type { DenyAction, ServiceFrontend } from './nft-render.js';
import { planServices } from './plan-services.js';
import type { ServiceName } from './plan-services.js';
import { LAB_NAME_PATTERN, buildTopology } from './topology.js';
import type { HostInput, Topology } from './topology.js';

export interface LabOptions {
  readonly name: string;
  readonly podCidr: string;
  /** Used only when the cluster needs IPv6 (an IPv6 ipBlock or pod address). */
  readonly podCidrV6: string;
  readonly serviceCidr: string;
  /** semantics §5.1, as the engine's option of the same name; default true. */
  readonly ipBlockMatchesPodIPs: boolean;
  /** ANP semantics §3.3 #2, as the engine's option of the same name; default true. */
  readonly networksMatchPodIPs: boolean;
  /** What isolated pods do with what no rule allows (see RenderOptions.deny); default 'drop'. */
  readonly deny: DenyAction;
}

export const DEFAULT_LAB_OPTIONS: LabOptions = Object.freeze({
  name: 'lab',
  podCidr: '10.244.0.0/16',
  podCidrV6: 'fd00:10:244::/64',
  serviceCidr: '10.96.0.0/16',
  ipBlockMatchesPodIPs: true,
  networksMatchPodIPs: true,
  deny: 'drop',
});

export interface LabPlan {
  readonly options: LabOptions;
  /** `netwarden_<name>`, the nftables table in every pod namespace. */
  readonly table: string;
  readonly topology: Topology;
  /** The input cluster with the lab's pods only (no hostNetwork pods), each with its lab addresses. */
  readonly cluster: Cluster;
  readonly services: readonly ServiceFrontend[];
  readonly serviceNames: readonly ServiceName[];
  /** What the lab leaves out, and why, for the user. */
  readonly notes: readonly string[];
}

export type PlanResult = { readonly ok: true; readonly plan: LabPlan } | { readonly ok: false; readonly errors: readonly string[] };

const MAX_EXTERNALS = 64;
/** Documentation ranges (RFC 5737, RFC 3849): an address outside every ipBlock, when one exists. */
const OUTSIDE_CANDIDATES = ['192.0.2.1', '198.51.100.1', '203.0.113.1', '2001:db8::1'];

export function planLab(input: Cluster, options: LabOptions): PlanResult {
  const errors: string[] = [];
  if (!LAB_NAME_PATTERN.test(options.name)) errors.push(`lab name "${options.name}": use 1 to 12 lowercase letters and digits`);
  const cidrs = [options.podCidr, options.podCidrV6, options.serviceCidr].map((text) => [text, parseNetwork(text)] as const);
  for (const [text, network] of cidrs) if (network === undefined) errors.push(`"${text}" is not a CIDR`);
  if (errors.length > 0) return { ok: false, errors };
  const notes: string[] = [];
  const labPods = input.pods.filter((pod) => !pod.hostNetwork);
  for (const pod of input.pods) if (pod.hostNetwork) notes.push(`${podId(pod)} uses the host network: not part of the lab (semantics §5.3)`);
  const blocks = namedNetworks(input);
  const dualStack = blocks.some((b) => b.family === 6) || labPods.some((pod) => pod.ips.some((ip) => ip.includes(':')));
  const used = new Set<string>();
  const pods = assignPodAddresses(labPods, options, dualStack, used, errors);
  if (errors.length > 0) return { ok: false, errors };
  const externals = externalAddresses(blocks, options, used, notes);
  notes.push(...unmatchablePeerNotes(input));
  const cluster: Cluster = { ...input, pods };
  const services = planServices(cluster, options.serviceCidr, used, notes);
  const hosts: HostInput[] = [
    ...pods.map((pod) => ({ kind: 'pod' as const, identity: podId(pod), netnsSuffix: `${pod.namespace}-${pod.name}`, addresses: pod.ips })),
    ...externals.map((ip) => ({ kind: 'external' as const, identity: `external/${ip}`, netnsSuffix: `ext-${ip.replace(/[.:]/g, '-')}`, addresses: [ip] })),
  ];
  const prefixes = [options.podCidr, ...(dualStack ? [options.podCidrV6] : []), options.serviceCidr];
  const topology = buildTopology(options.name, hosts, prefixes);
  return {
    ok: true,
    plan: { options, table: `${TABLE_PREFIX}${options.name}`, topology, cluster, services: services.frontends, serviceNames: services.names, notes },
  };
}

/** Every CIDR that an ipBlock (cidr and excepts) or a cluster-wide policy's `networks` peer names. */
function namedNetworks(cluster: Cluster): Network[] {
  const texts: string[] = [];
  for (const policy of cluster.policies) {
    for (const rule of [...policy.ingress, ...policy.egress]) {
      if (rule.peers.kind === 'any') continue;
      for (const peer of rule.peers.items) if (peer.kind === 'ipBlock') texts.push(peer.cidr, ...peer.except);
    }
  }
  for (const policy of cluster.clusterPolicies ?? []) {
    for (const rule of [...policy.ingress, ...policy.egress]) {
      for (const peer of rule.peers) if (peer.kind === 'networks') texts.push(...peer.cidrs);
    }
  }
  return texts.map(parseNetwork).filter((n): n is Network => n !== undefined);
}

/** `nodes` and `domainNames` peers match nothing in netwarden (no Nodes, no DNS data); the lab says so. */
function unmatchablePeerNotes(cluster: Cluster): string[] {
  const notes: string[] = [];
  for (const policy of cluster.clusterPolicies ?? []) {
    for (const [direction, rules] of [['ingress', policy.ingress], ['egress', policy.egress]] as const) {
      for (const rule of rules) {
        for (const peer of rule.peers) {
          if (peer.kind === 'nodes' || peer.kind === 'domainNames') {
            notes.push(`${clusterPolicyTag(policy.kind)} ${policy.name} ${direction}[${rule.index}]: a ${peer.kind} peer matches nothing, in the engine and in the lab`);
          }
        }
      }
    }
  }
  return notes;
}

/** status.podIP(s) when given and unique; otherwise the next free address of the pod CIDR (per family). */
function assignPodAddresses(pods: readonly Pod[], options: LabOptions, dualStack: boolean, used: Set<string>, errors: string[]): Pod[] {
  const given = pods.map((pod) => pod.ips.map(parseAddress).filter((a): a is Address => a !== undefined).map(formatAddress));
  for (const [i, ips] of given.entries()) {
    for (const ip of ips) {
      if (used.has(ip)) errors.push(`${podId(pods[i] as Pod)}: address ${ip} is used by another pod`);
      used.add(ip);
    }
  }
  const pools = { 4: parseNetwork(options.podCidr), 6: parseNetwork(options.podCidrV6) };
  const cursors = { 4: 2n, 6: 2n };
  return pods.map((pod, i) => {
    const ips = [...(given[i] ?? [])];
    for (const family of dualStack ? ([4, 6] as const) : ([4] as const)) {
      if (ips.some((ip) => parseAddress(ip)?.family === family)) continue;
      const pool = pools[family];
      const next = pool === undefined ? undefined : nextFree(pool, cursors, family, used);
      if (next === undefined) errors.push(`${podId(pod)}: the pod CIDR has no free IPv${family} address left`);
      else ips.push(next);
    }
    return { ...pod, ips };
  });
}

function nextFree(pool: Network, cursors: Record<Family, bigint>, family: Family, used: Set<string>): string | undefined {
  for (let offset = cursors[family]; pool.network + offset < lastAddress(pool); offset++) {
    const text = formatAddress({ family, value: pool.network + offset });
    if (used.has(text)) continue;
    used.add(text);
    cursors[family] = offset + 1n;
    return text;
  }
  return undefined;
}

/**
 * One address inside every CIDR and every except that ipBlocks name, and one outside all of
 * them: the external hosts that stand for the world outside the cluster.
 */
function externalAddresses(blocks: readonly Network[], options: LabOptions, used: Set<string>, notes: string[]): string[] {
  const service = parseNetwork(options.serviceCidr);
  const usable = (address: Address): boolean =>
    !used.has(formatAddress(address)) && !isSpecial(address) && (service === undefined || !networkContains(service, address));
  const out: string[] = [];
  const take = (address: Address | undefined): void => {
    if (address === undefined) return;
    const text = formatAddress(address);
    used.add(text);
    out.push(text);
  };
  const seen = new Set<string>();
  for (const block of blocks) {
    const key = `${block.family}/${block.network}/${block.prefix}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // Prefer an address outside the blocks nested in this one, so that each cut of the address space has a host.
    const nested = blocks.filter((b) => b.prefix > block.prefix && networkContains(block, { family: b.family, value: b.network }));
    take(pickInside(block, (a) => usable(a) && !nested.some((b) => networkContains(b, a))) ?? pickInside(block, usable));
  }
  const outside = OUTSIDE_CANDIDATES.map(parseAddress).find(
    (a): a is Address => a !== undefined && usable(a) && blocks.some((b) => b.family === a.family) && !blocks.some((b) => networkContains(b, a)),
  );
  take(outside);
  if (out.length > MAX_EXTERNALS) notes.push(`${out.length - MAX_EXTERNALS} external addresses left out (at most ${MAX_EXTERNALS})`);
  return out.slice(0, MAX_EXTERNALS);
}

function pickInside(network: Network, usable: (a: Address) => boolean): Address | undefined {
  const size = lastAddress(network) - network.network + 1n;
  const offsets = [1n, 2n, 3n, size / 2n + 1n, size - 2n, 0n, size - 1n].filter((o) => o >= 0n && o < size);
  for (const offset of offsets) {
    const address = { family: network.family, value: network.network + offset };
    if (usable(address)) return address;
  }
  return undefined;
}

/** Addresses a namespace cannot sensibly hold: unspecified, loopback, link-local, multicast, reserved. */
function isSpecial(address: Address): boolean {
  const special = address.family === 4 ? ['0.0.0.0/8', '127.0.0.0/8', '169.254.0.0/16', '224.0.0.0/3'] : ['::/127', 'fe80::/10', 'ff00::/8'];
  return special.some((text) => {
    const network = parseNetwork(text);
    return network !== undefined && networkContains(network, address);
  });
}

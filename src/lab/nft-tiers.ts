// The cluster-wide tiers of one pod and direction as nftables chains (admin-network-policy-semantics.md,
// "ANP semantics", §7.2): a regular chain per tier, holding the rules of the policies that select
// the pod, in evaluation order; the first rule that matches decides with `accept` (Allow/Accept),
// the lab's denial (Deny), or `return` (Pass: leave the tier). Falling off the end of the chain is
// the same as a Pass. Pure.
import type { Cluster, Pod } from '../model/cluster.js';
import type { Direction } from '../model/common.js';
import type { ClusterPolicy, ClusterPolicyKind, ClusterRule, ClusterTier } from '../model/cluster-policy.js';
import { clusterPolicyTag } from '../model/cluster-policy.js';
import { clusterRuleParts } from './nft-cluster-rules.js';
import type { NftSet } from './nft-rules.js';
import { namespaceLabels } from './nft-rules.js';
import { selects } from './selectors.js';

export interface TierRenderContext {
  readonly cluster: Cluster;
  readonly subject: Pod;
  readonly direction: Direction;
  readonly networksMatchPodIPs: boolean;
  /** The lab's denial statements (drop, or a reset and an ICMP error): what a Deny does. */
  readonly deny: readonly string[];
}

const TIER_LETTER = { admin: 'a', baseline: 'b' } as const satisfies Record<ClusterTier, string>;

/**
 * The equal-priority order netwarden uses (docs/cluster-wide-policies.md, "Choices"; ANP semantics
 * §7.4 leaves it open): priority (a BaselineAdminNetworkPolicy counts as 0, §8), then
 * metadata.name, then kind in this order.
 */
const KIND_ORDER: Record<ClusterPolicyKind, number> = { AdminNetworkPolicy: 0, BaselineAdminNetworkPolicy: 1, ClusterNetworkPolicy: 2 };

function order(a: ClusterPolicy, b: ClusterPolicy): number {
  const byPriority = (a.priority ?? 0) - (b.priority ?? 0);
  if (byPriority !== 0) return byPriority;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
}

/**
 * ANP semantics §3.2, §7.2: the tier's policies whose subject selects the pod and that have rules
 * for the direction (a policy without them is invisible on that side), in evaluation order.
 */
export function tierPolicies(cluster: Cluster, subject: Pod, direction: Direction, tier: ClusterTier): ClusterPolicy[] {
  if (subject.hostNetwork) return []; // §3.2: host-network pods are never subjects
  const labels = namespaceLabels(cluster, subject.namespace);
  return (cluster.clusterPolicies ?? [])
    .filter((p) => p.tier === tier && p[direction].length > 0 && selects(p.subject.namespaceSelector, labels) && selects(p.subject.podSelector, subject.labels))
    .sort(order);
}

export function tierChainName(direction: Direction, tier: ClusterTier): string {
  return `${direction}_${tier}`;
}

/** The regular chain of one tier; its rules, in order, with every set they need pushed to `sets`. */
export function renderTierChain(context: TierRenderContext, tier: ClusterTier, policies: readonly ClusterPolicy[], sets: NftSet[]): string[] {
  const lines = [`\tchain ${tierChainName(context.direction, tier)} {`];
  policies.forEach((policy, policyIndex) => {
    const priority = policy.priority === null ? '' : `, priority ${policy.priority}`;
    lines.push(`\t\t# ${clusterPolicyTag(policy.kind)} ${policy.name}${priority}`);
    for (const rule of policy[context.direction]) {
      const setPrefix = `${context.direction === 'ingress' ? 'in' : 'eg'}${TIER_LETTER[tier]}${policyIndex}_r${rule.index}`;
      lines.push(...renderRule(context, policy, rule, setPrefix, sets));
    }
  });
  return [...lines, '\t}'];
}

function renderRule(context: TierRenderContext, policy: ClusterPolicy, rule: ClusterRule, setPrefix: string, sets: NftSet[]): string[] {
  const parts = clusterRuleParts({ ...context, setPrefix }, rule);
  sets.push(...parts.sets);
  const label = `${context.direction}[${rule.index}]`;
  const comment = ` comment "${truncate(`${clusterPolicyTag(policy.kind)} ${policy.name} ${label} ${rule.actionText}`)}"`;
  const matches = parts.peers.flatMap((peer) =>
    parts.ports
      .filter((port) => peer.family === null || port.family === null || peer.family === port.family)
      .map((port) => [peer.text, port.text].filter((t) => t !== '').join(' ')),
  );
  if (matches.length === 0) return [`\t\t# ${label} ${rule.actionText} matches nothing here`];
  // §6: Allow/Accept and Deny decide this direction; Pass leaves the tier (return to the base chain).
  const verdicts = rule.action === 'allow' ? ['accept'] : rule.action === 'pass' ? ['return'] : context.deny;
  return matches.flatMap((match) => verdicts.map((verdict) => `\t\t${match} ${verdict}${comment}`));
}

function truncate(text: string): string {
  // nft comments are at most 128 bytes; names are DNS names, so no quotes to escape.
  return text.length <= 120 ? text : `${text.slice(0, 117)}...`;
}

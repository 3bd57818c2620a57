// A pod isolated for egress can resolve names only if some egress rule lets it reach DNS:
// UDP/53, and TCP/53 for answers too large for UDP. netwarden checks kube-dns pods of the input
// (k8s-app=kube-dns) with the engine, and otherwise accepts a rule to anywhere on port 53. When a
// cluster-wide policy selects the pod for egress, its rules decide before (admin tier) or instead of
// (baseline tier) the NetworkPolicy's (ANP semantics §7.2): the pipeline is then evaluated towards
// the DNS pods and every address range of the input, never the NetworkPolicy rules alone.

import { isEmptySelector } from '../../../algebra/label-selector.js';
import { containsPort } from '../../../algebra/port-set.js';
import { clusterPolicyTag } from '../../../model/cluster-policy.js';
import type { Pod } from '../../../model/cluster.js';
import type { Protocol } from '../../../model/common.js';
import type { NetworkPolicy, PolicyRule } from '../../../model/network-policy.js';
import { evaluate, type Endpoint, type Verdict } from '../../../engine/index.js';
import { selectingPolicies } from '../../../engine/evaluate.js';
import { clusterRulePortSet } from '../../../engine/cluster-match.js';
import type { LintContext } from '../context.js';
import { podsByShape } from '../pod-shape.js';
import type { Draft, LintRule } from '../rule.js';
import { atPolicy } from '../where.js';
import { count, someOf } from '../wording.js';

const DNS_PORT = 53;
const DNS_RULE =
  'to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}], ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]';

export const egressWithoutDns: LintRule = {
  id: 'egress-without-dns',
  severity: 'warning',
  title: 'Egress isolation without DNS',
  description:
    'The policy isolates egress (policyTypes lists Egress), and the pods it selects may not reach DNS on UDP/53 ' +
    'and TCP/53 under all the policies that select them: they cannot resolve names, which looks like a network ' +
    'outage. DNS is the kube-dns pods of the input (label k8s-app=kube-dns), checked with the engine; a rule ' +
    'allowing port 53 to every destination or to an ipBlock counts too (node-local or outside resolvers). When a ' +
    'cluster-wide policy selects the pods for egress, its rules decide first (admin tier) or where no ' +
    'NetworkPolicy does (baseline tier), so the whole pipeline is evaluated towards the DNS pods and every address ' +
    'range of the input (ANP semantics §7.2), and the message names the cluster-wide rule that denies DNS.',
  help: `Add an egress rule for DNS, such as ${DNS_RULE}.`,
  *check(context: LintContext): Iterable<Draft> {
    const servers = context.cluster.pods.filter((pod) => Object.hasOwn(pod.labels, 'k8s-app') && pod.labels['k8s-app'] === 'kube-dns');
    for (const policy of context.cluster.policies) {
      if (!policy.policyTypes.includes('egress')) continue;
      const gap = context.hasPods ? podsGap(context, policy, servers) : namespaceGap(context, policy);
      if (gap === undefined) continue;
      const fix =
        gap.clusterRule === ''
          ? `add an egress rule for DNS: ${DNS_RULE}`
          : `DNS is denied by ${gap.clusterRule} before any NetworkPolicy is consulted: it needs an earlier admin-tier Allow (Accept) or Pass for UDP/53 and TCP/53, and then an egress rule for DNS here`;
      yield { ...atPolicy(policy, 'spec.policyTypes'), message: gap.message, fix };
    }
  },
};

/** What the pods lack, in words, and the cluster-wide rule that denies it ('' when none does). */
interface Gap {
  readonly message: string;
  readonly clusterRule: string;
}

/** What the selected pods lack; undefined when they all reach DNS on both protocols. */
function podsGap(context: LintContext, policy: NetworkPolicy, servers: readonly Pod[]): Gap | undefined {
  const shapes = podsByShape(context.selectedPods(policy));
  const lacking = (protocol: Protocol, among: readonly (readonly Pod[])[]): (readonly Pod[])[] =>
    among.filter((pods) => !reachesDns(context, pods[0]!, protocol, servers));
  const noUdpShapes = lacking('UDP', shapes);
  const noUdp = noUdpShapes.flat();
  const noTcp = lacking('TCP', shapes.filter((pods) => !noUdpShapes.includes(pods))).flat();
  const names = (list: readonly Pod[]): string => someOf(list.map((pod) => pod.name));
  const by = (rule: string): string => (rule === '' ? '' : ` (denied by ${rule})`);
  if (noUdp.length > 0) {
    const clusterRule = deniedBy(context, noUdp[0]!, 'UDP', servers);
    const message = `this policy isolates egress, and ${count(noUdp.length, 'pod')} it selects (${names(noUdp)}) may not reach DNS on UDP/53${by(clusterRule)}: ${noUdp.length === 1 ? 'it cannot' : 'they cannot'} resolve names`;
    return { message, clusterRule };
  }
  if (noTcp.length > 0) {
    const clusterRule = deniedBy(context, noTcp[0]!, 'TCP', servers);
    const message = `this policy isolates egress, and ${count(noTcp.length, 'pod')} it selects (${names(noTcp)}) may reach DNS on UDP/53 but not on TCP/53${by(clusterRule)}, which DNS needs for answers too large for UDP`;
    return { message, clusterRule };
  }
  return undefined;
}

function reachesDns(context: LintContext, pod: Pod, protocol: Protocol, servers: readonly Pod[]): boolean {
  const rules = selectingPolicies(context.compiled, pod, 'egress').flatMap((compiled) => compiled.policy.egress);
  // No DNS pods in the input: a rule on port 53 to pods of other namespaces may well be to them
  // (pods the input lacks, which the cluster-wide tiers cannot be judged towards either).
  const toAbsentPods = (): boolean =>
    servers.length === 0 &&
    rules.some((rule) => allowsDnsPort(context, rule, protocol) && rule.peers.kind === 'list' && rule.peers.items.some((p) => p.kind === 'pods' && p.namespaceSelector !== null));
  if (tiersApply(context, pod)) {
    return dnsVerdicts(context, pod, protocol, servers).some((v) => v.egress.allowed) || toAbsentPods() || (servers.length === 0 && adminAllowsToPods(context, pod, protocol));
  }
  if (rules.some((rule) => allowsDnsPort(context, rule, protocol) && reachesAnywhere(rule))) return true;
  if (servers.length === 0) return toAbsentPods();
  return dnsVerdicts(context, pod, protocol, servers).some((v) => v.egress.allowed);
}

/** No DNS pods in the input: an admin-tier Allow on port 53 to pods, like a NetworkPolicy rule to pods of other namespaces, may well be to them. */
function adminAllowsToPods(context: LintContext, pod: Pod, protocol: Protocol): boolean {
  const outside: Endpoint = { kind: 'external', ip: '0.0.0.0' }; // named ports cannot resolve on pods the input lacks
  return context.clusterScene
    .guardOf(pod, 'egress')
    .policies.filter((p) => p.ref.tier === 'admin')
    .some((p) => p.egress.some((rule) => rule.rule.action === 'allow' && rule.peers.some((peer) => peer.kind === 'pods') && containsPort(clusterRulePortSet(rule, outside), protocol, DNS_PORT)));
}

/** A cluster-wide policy selects the pod and has egress rules. */
function tiersApply(context: LintContext, pod: Pod): boolean {
  return context.hasClusterPolicies && context.clusterScene.guardOf(pod, 'egress').policies.length > 0;
}

/** The pipeline's verdicts towards the DNS pods, then (when tiers apply) one address of each range of the input. */
function dnsVerdicts(context: LintContext, pod: Pod, protocol: Protocol, servers: readonly Pod[]): Verdict[] {
  const destinations: Endpoint[] = servers.map((server) => ({ kind: 'pod', pod: server }));
  if (tiersApply(context, pod)) for (const atom of context.clusterScene.atoms) destinations.push({ kind: 'external', ip: atom.representative });
  return destinations.map((to) => evaluate(context.compiled, { from: { kind: 'pod', pod }, to, port: DNS_PORT, protocol }));
}

/** `CNP shop-egress egress[1] "no-internet"` when a cluster-wide rule denies the pod's DNS, or ''. */
function deniedBy(context: LintContext, pod: Pod, protocol: Protocol, servers: readonly Pod[]): string {
  if (!tiersApply(context, pod)) return '';
  for (const verdict of dnsVerdicts(context, pod, protocol, servers)) {
    const last = verdict.egress.tiers.at(-1);
    if (last === undefined || last.tier === 'networkpolicy' || last.tier === 'default' || last.rule === undefined || last.decision !== 'deny') continue;
    const { policy, direction, ruleIndex, ruleName } = last.rule;
    return `${clusterPolicyTag(policy.kind)} ${policy.name} ${direction}[${ruleIndex}]${ruleName === undefined ? '' : ` "${ruleName}"`}`;
  }
  return '';
}

/** Without pods: the policy's own rules and those of policies selecting every pod of its namespace. */
function namespaceGap(context: LintContext, policy: NetworkPolicy): Gap | undefined {
  const alike = context.cluster.policies.filter(
    (other) =>
      other === policy ||
      (other.namespace === policy.namespace && other.policyTypes.includes('egress') && isEmptySelector(other.podSelector)),
  );
  const rules = alike.flatMap((p) => p.egress);
  const udp = rules.some((rule) => allowsDnsPort(context, rule, 'UDP'));
  const tcp = rules.some((rule) => allowsDnsPort(context, rule, 'TCP'));
  if (!udp) return { message: 'this policy isolates egress, and no egress rule of it (or of a policy selecting every pod of its namespace) allows UDP/53: its pods cannot resolve names', clusterRule: '' };
  if (!tcp) return { message: 'this policy isolates egress, and its egress rules (and those of policies selecting every pod of its namespace) allow UDP/53 but not TCP/53, which DNS needs for answers too large for UDP', clusterRule: '' };
  return undefined;
}

/** The rule lets `protocol`/53 through (named ports: a name some pod declares as port 53, or one containing "dns"). */
function allowsDnsPort(context: LintContext, rule: PolicyRule, protocol: Protocol): boolean {
  if (rule.ports.kind === 'any') return true;
  return rule.ports.items.some((entry) => {
    if (entry.protocol !== protocol) return false;
    const spec = entry.port;
    switch (spec.kind) {
      case 'all':
        return true;
      case 'range':
        return spec.from <= DNS_PORT && DNS_PORT <= spec.to;
      case 'named': {
        const declared = context.cluster.pods.flatMap((pod) => pod.ports.filter((p) => p.name === spec.name && p.protocol === protocol));
        return declared.length > 0 ? declared.some((p) => p.containerPort === DNS_PORT) : /dns/i.test(spec.name);
      }
    }
  });
}

/** Every destination, or an ipBlock (a resolver outside the cluster, or node-local DNS). */
function reachesAnywhere(rule: PolicyRule): boolean {
  return rule.peers.kind === 'any' || rule.peers.items.some((peer) => peer.kind === 'ipBlock');
}

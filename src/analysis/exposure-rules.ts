import type { Direction, Protocol } from '../model/common.js';
import type { Pod } from '../model/cluster.js';
import type { ClusterAction } from '../model/cluster-policy.js';
import { ALL_PORTS, EMPTY_PORT_SET, portSetOf, unionPorts, type PortSet } from '../algebra/port-set.js';
import type { IPSet } from '../algebra/ip-set.js';
import type { CompiledCluster, CompiledPeer, CompiledRule } from '../engine/compile.js';
import type { CompiledClusterPeer, CompiledClusterRule } from '../engine/compile-cluster-policies.js';
import { clusterPolicySelects } from '../engine/cluster-match.js';
import { selectingPolicies } from '../engine/evaluate.js';
import { namedPortNumbers } from '../engine/match.js';
import { EVERY_PORT, namedPorts, numberedPorts, unionExposurePorts, type ExposurePorts, type NamedPort } from './exposure-ports.js';
import { namespaceRequirements, namespaceScope, podRequirements, podScope, requirementsOf, type Requirements } from './exposure-peers.js';

/** What a rule's peer stands for, in the terms exposure compares: requirements or addresses. */
export type PeerView =
  | { readonly kind: 'pods'; readonly namespaces: Requirements; readonly pods: Requirements }
  | { readonly kind: 'addresses'; readonly addresses: IPSet }
  /** ANP nodes and domainNames peers: netwarden has neither Nodes nor DNS data (as the engine). */
  | { readonly kind: 'nothing' };

type PortEntry =
  | { readonly kind: 'numbers'; readonly protocol: Protocol; readonly from: number; readonly to: number }
  | { readonly kind: 'named'; readonly protocol?: Protocol; readonly name: string };

/** One rule of any tier, reduced to its peers and ports; `action` is 'allow' for NetworkPolicy rules. */
export interface RuleView {
  readonly action: ClusterAction;
  /** null: the rule has no from/to, it matches every peer (semantics §2.4). */
  readonly peers: readonly PeerView[] | null;
  /** null: no ports, every port of every protocol (semantics §2.7, ANP semantics §4.1). */
  readonly ports: readonly PortEntry[] | null;
}

/**
 * The rules that judge one direction of one pod, tier by tier (ANP semantics §7.2): the admin
 * tier's rules in evaluation order, NetworkPolicy's rules (null when no NetworkPolicy isolates
 * the pod in this direction), the baseline tier's rules.
 */
export interface SubjectRules {
  readonly subject: Pod;
  readonly direction: Direction;
  readonly admin: readonly RuleView[];
  readonly networkPolicy: readonly RuleView[] | null;
  readonly baseline: readonly RuleView[];
  /** Policies of any tier that select the pod for this direction, as `ns/name` or `Kind/name`. */
  readonly policies: readonly string[];
}

const ruleViews = new WeakMap<object, RuleView>();

export function subjectRules(compiled: CompiledCluster, subject: Pod, direction: Direction): SubjectRules {
  const networkPolicies = selectingPolicies(compiled, subject, direction);
  const tier = (policies: typeof compiled.tiers.admin) =>
    policies.filter((p) => p[direction].length > 0 && clusterPolicySelects(compiled, p, subject));
  const admin = tier(compiled.tiers.admin);
  const baseline = tier(compiled.tiers.baseline);
  return {
    subject,
    direction,
    admin: admin.flatMap((p) => p[direction].map(clusterRuleView)),
    networkPolicy:
      networkPolicies.length === 0
        ? null
        : networkPolicies.flatMap((p) => (p[direction] ?? []).map((r) => networkPolicyRuleView(r, p.policy.namespace))),
    baseline: baseline.flatMap((p) => p[direction].map(clusterRuleView)),
    policies: [
      ...admin.map((p) => `${p.ref.kind}/${p.ref.name}`),
      ...networkPolicies.map((p) => `${p.ref.namespace}/${p.ref.name}`),
      ...baseline.map((p) => `${p.ref.kind}/${p.ref.name}`),
    ],
  };
}

function networkPolicyRuleView(rule: CompiledRule, policyNamespace: string): RuleView {
  let view = ruleViews.get(rule);
  if (view === undefined) {
    view = {
      action: 'allow',
      peers: rule.peers === null ? null : rule.peers.map((peer) => networkPolicyPeerView(peer, policyNamespace)),
      ports:
        rule.ports === null
          ? null
          : rule.ports.map((entry): PortEntry => {
              const spec = entry.port;
              if (spec.kind === 'named') return { kind: 'named', protocol: entry.protocol, name: spec.name };
              const [from, to] = spec.kind === 'all' ? [1, 65535] : [spec.from, spec.to];
              return { kind: 'numbers', protocol: entry.protocol, from, to };
            }),
    };
    ruleViews.set(rule, view);
  }
  return view;
}

function networkPolicyPeerView(peer: CompiledPeer, policyNamespace: string): PeerView {
  if (peer.kind === 'ipBlock') return { kind: 'addresses', addresses: peer.addresses };
  return {
    kind: 'pods',
    namespaces: namespaceRequirements(namespaceScope(peer.namespaceSelector, policyNamespace)),
    pods: podRequirements(podScope(peer.podSelector)),
  };
}

function clusterRuleView(rule: CompiledClusterRule): RuleView {
  let view = ruleViews.get(rule);
  if (view === undefined) {
    view = {
      action: rule.rule.action,
      peers: rule.peers.map(clusterPeerView),
      ports:
        rule.ports === null
          ? null
          : rule.ports.map((entry): PortEntry =>
              entry.kind === 'named'
                ? { kind: 'named', name: entry.name }
                : { kind: 'numbers', protocol: entry.protocol, from: entry.from, to: entry.to },
            ),
    };
    ruleViews.set(rule, view);
  }
  return view;
}

function clusterPeerView(peer: CompiledClusterPeer): PeerView {
  switch (peer.kind) {
    case 'pods':
      return { kind: 'pods', namespaces: requirementsOf(peer.namespaceSelector), pods: requirementsOf(peer.podSelector) };
    case 'networks':
      return { kind: 'addresses', addresses: peer.addresses };
    case 'nothing':
      return { kind: 'nothing' };
  }
}

/**
 * The ports a rule allows towards one kind of peer, as far as they can be known: on ingress the
 * subject is the destination, so a named port resolves on its container ports (semantics §2.8);
 * on egress to pods that may not exist yet a name stays a name; addresses outside the cluster
 * have no named ports, so a name there matches nothing.
 */
export function rulePorts(view: RuleView, rules: SubjectRules, target: 'pods' | 'addresses'): ExposurePorts {
  const keepNames = rules.direction === 'egress' && target === 'pods';
  if (view.ports === null) return keepNames ? EVERY_PORT : numberedPorts(ALL_PORTS);
  let numbers = EMPTY_PORT_SET;
  const names: NamedPort[] = [];
  for (const entry of view.ports) {
    if (entry.kind === 'numbers') {
      numbers = unionPorts(numbers, portSetOf(entry.protocol, entry.from, entry.to));
    } else if (keepNames) {
      names.push(entry.protocol === undefined ? { name: entry.name } : { protocol: entry.protocol, name: entry.name });
    } else if (rules.direction === 'ingress') {
      numbers = unionPorts(numbers, resolveOnSubject(rules.subject, entry));
    }
  }
  const numbered = numberedPorts(numbers);
  return names.length === 0 ? numbered : unionExposurePorts(numbered, namedPorts(names));
}

/** semantics §2.8; ANP semantics §4.4 (a namedPort takes its protocol from the pod too). */
function resolveOnSubject(pod: Pod, entry: PortEntry & { kind: 'named' }): PortSet {
  let result = EMPTY_PORT_SET;
  if (entry.protocol !== undefined) {
    for (const n of namedPortNumbers(pod, entry.name, entry.protocol)) result = unionPorts(result, portSetOf(entry.protocol, n, n));
    return result;
  }
  for (const p of pod.ports) {
    if (p.name === entry.name) result = unionPorts(result, portSetOf(p.protocol, p.containerPort, p.containerPort));
  }
  return result;
}

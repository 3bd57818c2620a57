// Builders for cluster-wide policies (AdminNetworkPolicy, BaselineAdminNetworkPolicy,
// ClusterNetworkPolicy) in their normalised model form, so tests state their case in a few lines.
import type {
  ClusterAction,
  ClusterActionText,
  ClusterPeer,
  ClusterPolicy,
  ClusterPolicyKind,
  ClusterPort,
  ClusterRule,
  ClusterTier,
} from '../../src/model/cluster-policy.js';
import type { Labels, Protocol } from '../../src/model/common.js';
import type { LabelSelector } from '../../src/model/label-selector.js';
import { selector } from '../helpers/builders.js';

const here = { file: 'test.yaml', line: 1 };

type PeerInput = ClusterPeer extends infer P ? (P extends ClusterPeer ? Omit<P, 'index'> : never) : never;
export type PortEntryInput = { protocol: Protocol; port: number; endPort?: number } | { named: string };

/** `namespaces: {matchLabels: labels}` */
export function nsPeer(labels: Labels = {}): PeerInput {
  return { kind: 'pods', form: 'namespaces', namespaceSelector: selector(labels), podSelector: selector(), source: here };
}

/** `pods: {namespaceSelector, podSelector}` */
export function podsPeer(namespaceSelector: LabelSelector, podSelector: LabelSelector): PeerInput {
  return { kind: 'pods', form: 'pods', namespaceSelector, podSelector, source: here };
}

export function networksPeer(...cidrs: string[]): PeerInput {
  return { kind: 'networks', cidrs, source: here };
}

export function nodesPeer(labels: Labels = {}): PeerInput {
  return { kind: 'nodes', nodeSelector: selector(labels), source: here };
}

const ACTIONS: Record<ClusterActionText, ClusterAction> = { Allow: 'allow', Accept: 'allow', Deny: 'deny', Pass: 'pass' };

function portEntry(input: PortEntryInput, index: number): ClusterPort {
  if ('named' in input) return { kind: 'named', index, name: input.named, source: here };
  return { kind: 'range', index, protocol: input.protocol, from: input.port, to: input.endPort ?? input.port, source: here };
}

export interface RuleOptions {
  name?: string;
  ports?: PortEntryInput[];
}

/** A rule with its action as written (Allow/Accept/Deny/Pass). */
export function crule(actionText: ClusterActionText, peers: PeerInput[], options: RuleOptions = {}): Omit<ClusterRule, 'index'> {
  return {
    action: ACTIONS[actionText],
    actionText,
    peers: peers.map((p, index) => ({ ...p, index }) as ClusterPeer),
    ports: options.ports ? { kind: 'list', items: options.ports.map(portEntry) } : { kind: 'any' },
    ...(options.name === undefined ? {} : { name: options.name }),
    source: here,
  };
}

export interface ClusterPolicyInput {
  /** subject.namespaces, or subject.pods when podSelector is given too. */
  namespaces?: LabelSelector;
  pods?: LabelSelector;
  ingress?: Omit<ClusterRule, 'index'>[];
  egress?: Omit<ClusterRule, 'index'>[];
}

function build(kind: ClusterPolicyKind, name: string, tier: ClusterTier, priority: number | null, input: ClusterPolicyInput): ClusterPolicy {
  const indexed = (rules: Omit<ClusterRule, 'index'>[] = []): ClusterRule[] => rules.map((r, index) => ({ ...r, index }));
  return {
    kind,
    name,
    tier,
    priority,
    subject: {
      form: input.pods === undefined ? 'namespaces' : 'pods',
      namespaceSelector: input.namespaces ?? selector(),
      podSelector: input.pods ?? selector(),
    },
    ingress: indexed(input.ingress),
    egress: indexed(input.egress),
    source: { file: `${name}.yaml`, line: 1 },
    raw: {},
  };
}

export function anp(name: string, priority: number, input: ClusterPolicyInput): ClusterPolicy {
  return build('AdminNetworkPolicy', name, 'admin', priority, input);
}

export function banp(input: ClusterPolicyInput, name = 'default'): ClusterPolicy {
  return build('BaselineAdminNetworkPolicy', name, 'baseline', null, input);
}

export function cnp(name: string, tier: 'Admin' | 'Baseline', priority: number, input: ClusterPolicyInput): ClusterPolicy {
  return build('ClusterNetworkPolicy', name, tier === 'Admin' ? 'admin' : 'baseline', priority, input);
}

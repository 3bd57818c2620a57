// Peers whose selectors match nothing: the rule then admits nobody through that peer (semantics
// §2.5). A namespaceSelector that needs a label no namespace carries is reported on its own, since
// the fix is on the namespaces (or the input), not the pods.

import { formatSelector } from '../../../algebra/label-selector.js';
import type { Namespace } from '../../../model/cluster.js';
import type { LabelSelector } from '../../../model/label-selector.js';
import type { NetworkPolicy, PodPeer } from '../../../model/network-policy.js';
import type { ActiveRule, LintContext } from '../context.js';
import type { Draft, LintRule } from '../rule.js';
import { atPeer } from '../where.js';
import { distinctSorted, someOf } from '../wording.js';
import { labelHint } from './policy-selects-no-pod.js';

export const namespaceLabelMissing: LintRule = {
  id: 'namespace-label-missing',
  severity: 'warning',
  title: 'namespaceSelector that needs a label no namespace has',
  description:
    'A peer selects namespaces by a label (or label value) that no namespace of the input carries, so it ' +
    'matches no namespace. Namespaces are often labelled by hand or by tooling that is not in the manifests; ' +
    'netwarden only knows the labels of the Namespace objects it is given (plus kubernetes.io/metadata.name, ' +
    'which every namespace has).',
  help:
    'Label the namespace (and commit its manifest), or select it by name with kubernetes.io/metadata.name: <name>.',
  *check(context: LintContext): Iterable<Draft> {
    for (const { policy, active, peer } of podPeers(context)) {
      if (peer.namespaceSelector === null || context.namespacesMatching(peer.namespaceSelector).length > 0) continue;
      const missing = missingLabels(peer.namespaceSelector, context.cluster.namespaces);
      if (missing.length === 0) continue;
      const declared = context.cluster.namespaces.filter((ns) => ns.declared).length;
      const known = declared === 0 ? 'the input declares no Namespace object, so only their names are known' : `namespaces: ${someOf(context.cluster.namespaces.map((ns) => ns.name), 5)}`;
      yield {
        ...atPeer(policy, active.direction, active.rule, peer),
        message: `namespaceSelector ${formatSelector(peer.namespaceSelector)} needs the label ${someOf(missing)}, which no namespace of the input has (${known}): the peer matches nothing`,
        fix: `label the namespace you mean with ${missing[0]} and add its manifest to the input, or select it by name with kubernetes.io/metadata.name`,
      };
    }
  },
};

export const peerSelectsNoPod: LintRule = {
  id: 'peer-selects-no-pod',
  severity: 'warning',
  title: 'Peer that matches no pod',
  description:
    'A podSelector/namespaceSelector peer of an active rule matches no pod of the input, so the rule admits ' +
    'nobody through it. Usually a label typo, or a podSelector alone (which looks only in the policy\'s own ' +
    'namespace) where a namespaceSelector was needed too. Judged against the pods of the input only.',
  help: "Match the labels of the pods you mean; to reach pods of another namespace, put a namespaceSelector in the same peer.",
  *check(context: LintContext): Iterable<Draft> {
    if (!context.hasPods) {
      context.skip('peer-selects-no-pod', 'the input has no pods: give netwarden the workloads as well as the policies');
      return;
    }
    for (const { policy, active, peer } of podPeers(context)) {
      if (context.peerPods(policy, peer).length > 0) continue;
      const explained = explain(context, policy, peer);
      if (explained !== undefined) yield { ...atPeer(policy, active.direction, active.rule, peer), ...explained };
    }
  },
};

interface PeerSite {
  readonly policy: NetworkPolicy;
  readonly active: ActiveRule;
  readonly peer: PodPeer;
}

const NAME_LABEL = 'kubernetes.io/metadata.name';

/** The selector picks namespaces by name (kubernetes.io/metadata.name) and none of them is in the input. */
function namesAbsentNamespaces(selector: LabelSelector, namespaces: readonly Namespace[]): boolean {
  const names = [
    ...(Object.hasOwn(selector.matchLabels, NAME_LABEL) ? [selector.matchLabels[NAME_LABEL] ?? ''] : []),
    ...selector.matchExpressions.filter((r) => r.key === NAME_LABEL && r.operator === 'In').flatMap((r) => r.values),
  ];
  return names.length > 0 && !names.some((name) => namespaces.some((ns) => ns.name === name));
}

function* podPeers(context: LintContext): Iterable<PeerSite> {
  for (const policy of context.cluster.policies) {
    for (const active of context.activeRules(policy)) {
      if (active.rule.peers.kind === 'any') continue;
      for (const peer of active.rule.peers.items) if (peer.kind === 'pods') yield { policy, active, peer };
    }
  }
}

/** undefined: namespace-label-missing reports it. */
function explain(context: LintContext, policy: NetworkPolicy, peer: PodPeer): { message: string; fix: string } | undefined {
  const podSelector = formatSelector(peer.podSelector) || '{} (every pod)';
  if (peer.namespaceSelector === null) {
    const pods = context.podsIn(policy.namespace);
    return {
      message:
        pods.length === 0
          ? `podSelector ${podSelector} matches no pod: the input has no pod in namespace ${policy.namespace}, the only one a podSelector alone looks in`
          : `podSelector ${podSelector} matches none of the pods in namespace ${policy.namespace}, the only one a podSelector alone looks in`,
      fix: `match the labels of the pods you mean${pods.length === 0 ? '' : labelHint(pods, peer.podSelector)}; for pods of other namespaces add a namespaceSelector to this peer`,
    };
  }
  const namespaces = context.namespacesMatching(peer.namespaceSelector);
  const namespaceSelector = formatSelector(peer.namespaceSelector) || '{} (every namespace)';
  if (namespaces.length === 0) {
    if (missingLabels(peer.namespaceSelector, context.cluster.namespaces).length > 0) return undefined;
    // A namespace chosen by name that the input does not have (kube-system, often): nothing to judge by.
    if (namesAbsentNamespaces(peer.namespaceSelector, context.cluster.namespaces)) return undefined;
    return {
      message: `namespaceSelector ${namespaceSelector} matches no namespace of the input (each label exists, but no namespace has them all)`,
      fix: 'match the labels of the namespace you mean, or select it by name with kubernetes.io/metadata.name',
    };
  }
  const pods = namespaces.flatMap((ns) => context.podsIn(ns.name));
  return {
    message: `podSelector ${podSelector} matches no pod in the namespaces namespaceSelector ${namespaceSelector} selects (${someOf(namespaces.map((ns) => ns.name))})`,
    fix: `match the labels of the pods you mean${pods.length === 0 ? ' (those namespaces have no pods in the input)' : labelHint(pods, peer.podSelector)}`,
  };
}

/** Requirements that need a label (or value) no namespace has, e.g. `team=payments`, `env in (prod)`, `tier`. */
function missingLabels(selector: LabelSelector, namespaces: readonly Namespace[]): string[] {
  // Every namespace has kubernetes.io/metadata.name: a name not found is a namespace missing from the input, not a label.
  const has = (key: string, accept: (value: string) => boolean): boolean =>
    key === NAME_LABEL ||
    namespaces.some((ns) => Object.hasOwn(ns.labels, key) && accept(ns.labels[key] ?? ''));
  const missing: string[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    if (!has(key, (v) => v === value)) missing.push(`${key}=${value}`);
  }
  for (const requirement of selector.matchExpressions) {
    if (requirement.operator === 'In' && !has(requirement.key, (v) => requirement.values.includes(v))) {
      missing.push(`${requirement.key} in (${requirement.values.join(',')})`);
    } else if (requirement.operator === 'Exists' && !has(requirement.key, () => true)) {
      missing.push(requirement.key);
    }
  }
  return distinctSorted(missing);
}


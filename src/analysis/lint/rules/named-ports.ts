// Named ports resolve on the destination pod to container ports with that name and the entry's
// protocol (semantics §2.8); a name no destination declares, or declares with another protocol,
// makes the entry match nothing.

import type { Pod } from '../../../model/cluster.js';
import type { NetworkPolicy, PolicyPort } from '../../../model/network-policy.js';
import type { ActiveRule, LintContext } from '../context.js';
import { rawAt } from '../raw.js';
import type { Draft, LintRule } from '../rule.js';
import { atPort } from '../where.js';
import { count, distinctSorted, someOf } from '../wording.js';

export const namedPortUndefined: LintRule = {
  id: 'named-port-undefined',
  severity: 'warning',
  title: 'Named port that no destination pod declares',
  description:
    "A port entry names a container port (port: http) that none of the rule's destination pods declares: for " +
    'ingress the pods the policy selects, for egress the pods the rule\'s peers match. A name resolves only on ' +
    'pods, never on addresses outside the cluster. The entry matches nothing (semantics §2.8).',
  help: 'Use the name the containers declare under ports[].name, or the port number.',
  *check(context: LintContext): Iterable<Draft> {
    for (const site of namedPortEntries(context)) {
      const { name, destinations } = site;
      if (destinations.length === 0) {
        if (site.onlyIPBlocks) {
          yield {
            ...where(site),
            message: `named port "${name}" cannot resolve towards addresses outside the cluster, and this rule's peers are ipBlocks only: the entry matches nothing`,
            fix: 'write the port number',
          };
        }
        continue;
      }
      if (destinations.some((pod) => pod.ports.some((p) => p.name === name))) continue;
      const declared = distinctSorted(destinations.flatMap((pod) => pod.ports.flatMap((p) => (p.name === undefined ? [] : [p.name]))));
      yield {
        ...where(site),
        message: `named port "${name}" is declared by no pod ${site.whose} (${count(destinations.length, 'pod')}; ${declared.length === 0 ? 'they declare no named port' : `they declare ${someOf(declared, 5)}`}): the entry matches nothing`,
        fix: declared.length === 0 ? 'write the port number' : `use one of the declared names (${someOf(declared, 5)}) or the port number`,
      };
    }
  },
};

export const namedPortProtocolMismatch: LintRule = {
  id: 'named-port-protocol-mismatch',
  severity: 'error',
  title: 'Named port declared with another protocol',
  description:
    'The destination pods declare the named port, but only with another protocol than the entry\'s (often: ' +
    'port: dns with protocol left to its TCP default, while the container port dns is UDP). A named port ' +
    'resolves only to container ports of the entry\'s protocol, so the entry matches nothing (semantics §2.8).',
  help: "Set the entry's protocol to the container port's protocol (one entry per protocol if both are meant).",
  *check(context: LintContext): Iterable<Draft> {
    for (const site of namedPortEntries(context)) {
      const { name, port, destinations } = site;
      const withName = destinations.flatMap((pod) => pod.ports.filter((p) => p.name === name).map((p) => ({ pod, p })));
      if (withName.length === 0 || withName.some(({ p }) => p.protocol === port.protocol)) continue;
      const protocols = distinctSorted(withName.map(({ p }) => p.protocol));
      const pods = distinctSorted(withName.map(({ pod }) => `${pod.namespace}/${pod.name}`));
      const defaulted = site.protocolWritten ? '' : ' (the default, as protocol is not written)';
      yield {
        ...where(site),
        message: `named port "${name}" is declared as ${protocols.join(' and ')} by ${someOf(pods)}, but this entry is ${port.protocol}${defaulted}: it matches nothing`,
        fix: `set protocol: ${protocols[0]} on this entry`,
      };
    }
  },
};

interface NamedPortSite {
  readonly policy: NetworkPolicy;
  readonly active: ActiveRule;
  readonly port: PolicyPort;
  readonly name: string;
  /** Pods the name would resolve on. */
  readonly destinations: readonly Pod[];
  /** Words for them: "pods this policy selects". */
  readonly whose: string;
  readonly onlyIPBlocks: boolean;
  readonly protocolWritten: boolean;
}

function where(site: NamedPortSite): ReturnType<typeof atPort> {
  return atPort(site.policy, site.active.direction, site.active.rule, site.port);
}

function* namedPortEntries(context: LintContext): Iterable<NamedPortSite> {
  for (const policy of context.cluster.policies) {
    for (const active of context.activeRules(policy)) {
      const { rule, direction } = active;
      if (rule.ports.kind === 'any' || !rule.ports.items.some((p) => p.port.kind === 'named')) continue;
      const destinations = destinationPods(context, policy, active);
      if (destinations === undefined) continue;
      const onlyIPBlocks = rule.peers.kind === 'list' && rule.peers.items.every((peer) => peer.kind === 'ipBlock');
      for (const port of rule.ports.items) {
        if (port.port.kind !== 'named') continue;
        const protocolWritten = rawAt(policy.raw, 'spec', direction, rule.index, 'ports', port.index, 'protocol') != null;
        const whose = direction === 'ingress' ? 'this policy selects' : "this rule's peers match";
        yield { policy, active, port, name: port.port.name, destinations, whose, onlyIPBlocks: onlyIPBlocks && direction === 'egress', protocolWritten };
      }
    }
  }
}

/** undefined: the input has no pods to judge by. */
function destinationPods(context: LintContext, policy: NetworkPolicy, { direction, rule }: ActiveRule): readonly Pod[] | undefined {
  if (!context.hasPods) return undefined;
  if (direction === 'ingress') return context.selectedPods(policy);
  if (rule.peers.kind === 'any') return context.cluster.pods;
  const pods = new Set<Pod>();
  for (const peer of rule.peers.items) for (const pod of context.peerPods(policy, peer)) pods.add(pod);
  return [...pods];
}

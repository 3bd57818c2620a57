// ipBlocks are meant for addresses outside the cluster (semantics §2.6): whether they also match
// pod traffic is up to the network plugin (§5.1), and pod IPs change. And an ipBlock whose
// `except` entries cover its whole `cidr` matches nothing.

import { containsIP, intersectIPs, ipSetOfBlock, isEmptyIPSet, parseCIDR, parseIP, type IPSet } from '../../../algebra/ip-set.js';
import type { NetworkPolicy, IPBlockPeer } from '../../../model/network-policy.js';
import type { ActiveRule, LintContext } from '../context.js';
import type { Draft, LintRule } from '../rule.js';
import { atPeer } from '../where.js';
import { count, someOf } from '../wording.js';

export const ipBlockContainsPodIPs: LintRule = {
  id: 'ipblock-contains-pod-ips',
  severity: 'warning',
  title: 'ipBlock that contains pod addresses',
  description:
    'An ipBlock contains the IP of a pod of the input, or overlaps a pod network given with --pod-cidr. ' +
    'ipBlocks are meant for addresses outside the cluster: whether they match traffic between pods depends on ' +
    'the network plugin (most do, Cilium does not), and pod IPs change when pods are rescheduled. A block of ' +
    'the whole address space (0.0.0.0/0, ::/0) is not reported: it plainly means "anywhere".',
  help: 'Select pods with podSelector/namespaceSelector, and leave the pod network out of the block with except.',
  *check(context: LintContext): Iterable<Draft> {
    const podNetworks = context.options.podCIDRs.flatMap((cidr) => {
      const set = ipSetOfBlock(cidr, []);
      return set === undefined ? [] : [{ cidr, set }];
    });
    for (const site of ipBlockPeers(context)) {
      const { peer, addresses } = site;
      if (addresses === undefined || parseCIDR(peer.cidr)?.prefix === 0) continue;
      const pods = context.cluster.pods.flatMap((pod) => {
        if (pod.hostNetwork) return []; // a host-network pod has its node's address, which ipBlocks are for
        const ip = pod.ips.find((text) => inside(addresses, text));
        return ip === undefined ? [] : [`${pod.namespace}/${pod.name} ${ip}`];
      });
      const networks = podNetworks.filter(({ set }) => !isEmptyIPSet(intersectIPs(set, addresses))).map(({ cidr }) => cidr);
      if (pods.length === 0 && networks.length === 0) continue;
      const parts = [
        ...(pods.length > 0 ? [`contains the addresses of ${count(pods.length, 'pod')} (${someOf(pods)})`] : []),
        ...(networks.length > 0 ? [`overlaps the pod network ${networks.join(', ')}`] : []),
      ];
      yield {
        ...atPeer(site.policy, site.active.direction, site.active.rule, peer),
        message: `ipBlock ${describe(peer)} ${parts.join(' and ')}: whether ipBlocks match pod traffic depends on the network plugin, and pod IPs change`,
        fix: `select those pods with podSelector/namespaceSelector${networks.length > 0 ? `, and add ${networks.join(', ')} to except` : ''}`,
      };
    }
  },
};

export const ipBlockMatchesNothing: LintRule = {
  id: 'ipblock-matches-nothing',
  severity: 'warning',
  title: 'ipBlock whose except entries remove its whole cidr',
  description:
    'Each except entry must be inside cidr, but together they may cover all of it: the peer then matches no ' +
    'address at all.',
  help: 'Remove the except entries that cover what the peer was meant to match, or delete the peer.',
  *check(context: LintContext): Iterable<Draft> {
    for (const site of ipBlockPeers(context)) {
      if (site.addresses === undefined || !isEmptyIPSet(site.addresses)) continue;
      yield {
        ...atPeer(site.policy, site.active.direction, site.active.rule, site.peer),
        message: `ipBlock ${describe(site.peer)}: the except entries cover the whole cidr, so the peer matches no address`,
        fix: 'shrink or remove the except entries, or delete the peer',
      };
    }
  },
};

interface IPBlockSite {
  readonly policy: NetworkPolicy;
  readonly active: ActiveRule;
  readonly peer: IPBlockPeer;
  /** cidr minus except; undefined when the text does not parse (invalid-object reports it). */
  readonly addresses: IPSet | undefined;
}

function* ipBlockPeers(context: LintContext): Iterable<IPBlockSite> {
  for (const policy of context.cluster.policies) {
    for (const active of context.activeRules(policy)) {
      if (active.rule.peers.kind === 'any') continue;
      for (const peer of active.rule.peers.items) {
        if (peer.kind === 'ipBlock') yield { policy, active, peer, addresses: ipSetOfBlock(peer.cidr, peer.except) };
      }
    }
  }
}

function inside(addresses: IPSet, ip: string): boolean {
  const parsed = parseIP(ip);
  return parsed !== undefined && containsIP(addresses, parsed);
}

function describe(peer: IPBlockPeer): string {
  return peer.except.length === 0 ? peer.cidr : `${peer.cidr} except ${peer.except.join(', ')}`;
}

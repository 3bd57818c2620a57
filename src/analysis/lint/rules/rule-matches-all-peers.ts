// `from: []` and a missing `from` mean the same: every peer (semantics §2.4). Written as an empty
// list it often stands for "nobody", which is spelled by having no rule at all (§2.3).

import type { Direction } from '../../../model/common.js';
import { adminTierNames } from '../admin-tier.js';
import type { LintContext } from '../context.js';
import { rawAt } from '../raw.js';
import type { Draft, LintRule } from '../rule.js';
import { atRule, peersKey } from '../where.js';
import { someOf } from '../wording.js';

export const ruleMatchesAllPeers: LintRule = {
  id: 'rule-matches-all-peers',
  severity: 'note',
  title: 'Rule without peers: it matches every source or destination',
  description:
    'A rule whose from (ingress) or to (egress) is missing, null or an empty list matches every peer: all pods ' +
    'of all namespaces and every address outside the cluster (semantics §2.4). The three spellings mean the same; ' +
    'an empty list is a frequent attempt at "nobody", which is written by having no rule (ingress: []). When ' +
    'admin-tier cluster-wide policies select the pods, they decide first (ANP semantics §7.2), and the message ' +
    'names them.',
  help: 'To admit only some peers, list them; to admit nobody, delete the rule (an empty rule list denies all).',
  *check(context: LintContext): Iterable<Draft> {
    for (const policy of context.cluster.policies) {
      for (const { direction, rule } of context.activeRules(policy)) {
        if (rule.peers.kind !== 'any') continue;
        const key = peersKey(direction);
        const written = rawAt(policy.raw, 'spec', direction, rule.index, key);
        const ports = rule.ports.kind === 'any' ? 'on every port' : 'on its ports';
        const admin = adminTierNames(context, context.selectedPods(policy), [direction]);
        // ANP semantics §7.2: what the admin tier allows or denies never reaches this rule.
        const first = admin.length === 0 ? '' : `, where the admin tier (${someOf(admin)}) has not decided first`;
        yield {
          ...atRule(policy, direction, rule),
          message: `${spelling(written, key)}: it ${verb(direction)} ${everyone(direction)} ${ports}${first}`,
          fix: Array.isArray(written)
            ? `list the peers meant in ${key}; if nobody was meant, delete the rule (an empty ${direction} list denies all ${direction})`
            : `nothing to do if every ${direction === 'ingress' ? 'source' : 'destination'} is meant; otherwise add a ${key} list`,
        };
      }
    }
  },
};

function spelling(written: unknown, key: 'from' | 'to'): string {
  if (Array.isArray(written)) return `${key}: [] is an empty list, which means the same as no ${key}`;
  if (written === null) return `${key}: null means the same as no ${key}`;
  return `no ${key} (missing)`;
}

function verb(direction: Direction): string {
  return direction === 'ingress' ? 'admits' : 'allows';
}

function everyone(direction: Direction): string {
  return direction === 'ingress'
    ? 'every source (all pods of all namespaces and every address outside the cluster)'
    : 'every destination (all pods of all namespaces and every address outside the cluster)';
}

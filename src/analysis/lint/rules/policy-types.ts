// policyTypes, once written, is used as-is (semantics §2.2): rules of a direction it does not list
// are ignored. Duplicates pass validation (§7.7) but say something was meant that is not there.

import { DIRECTIONS } from '../../../model/common.js';
import type { LintContext } from '../context.js';
import { rawAt } from '../raw.js';
import type { Draft, LintRule } from '../rule.js';
import { atPolicy, atRule } from '../where.js';
import { count } from '../wording.js';

const TYPE_NAME = { ingress: 'Ingress', egress: 'Egress' } as const;

export const rulesIgnoredByPolicyTypes: LintRule = {
  id: 'rules-ignored-by-policy-types',
  severity: 'error',
  title: 'Rules for a direction that policyTypes does not list',
  description:
    'policyTypes is written and leaves out a direction for which the policy has rules (policyTypes: [Egress] ' +
    'with an ingress section, say). Those rules are ignored, and the policy does not isolate that direction ' +
    '(semantics §2.2): the rules look like protection and are none.',
  help: 'Add the direction to policyTypes, or delete its rules.',
  *check(context: LintContext): Iterable<Draft> {
    for (const policy of context.cluster.policies) {
      for (const direction of DIRECTIONS) {
        const rules = policy[direction];
        const first = rules[0];
        if (first === undefined || policy.policyTypes.includes(direction)) continue;
        const listed = policy.policyTypes.map((d) => TYPE_NAME[d]).join(', ');
        yield {
          ...atRule(policy, direction, first),
          fieldPath: `spec.${direction}`,
          message: `${count(rules.length, 'rule')}, but policyTypes [${listed}] does not list ${TYPE_NAME[direction]}: ${rules.length === 1 ? 'it is' : 'they are'} ignored, and this policy does not isolate ${direction}`,
          fix: `add ${TYPE_NAME[direction]} to spec.policyTypes, or delete spec.${direction}`,
        };
      }
    }
  },
};

export const duplicatePolicyType: LintRule = {
  id: 'duplicate-policy-type',
  severity: 'note',
  title: 'policyTypes lists a direction twice',
  description:
    'policyTypes: [Ingress, Ingress] passes validation and means [Ingress]. Often the second was meant to be ' +
    'the other direction.',
  help: 'List each direction once, and check that the one you meant is there.',
  *check(context: LintContext): Iterable<Draft> {
    for (const policy of context.cluster.policies) {
      const written = rawAt(policy.raw, 'spec', 'policyTypes');
      if (!Array.isArray(written)) continue;
      const seen = new Set<unknown>();
      const repeated = written.filter((type) => seen.size === seen.add(type).size);
      if (repeated.length === 0) continue;
      yield {
        ...atPolicy(policy, 'spec.policyTypes'),
        message: `lists ${repeated.map(String).join(', ')} more than once; it means [${[...seen].map(String).join(', ')}]`,
        fix: `list each direction once${policy.policyTypes.length < 2 ? `; if both were meant, write [Ingress, Egress]` : ''}`,
      };
    }
  },
};

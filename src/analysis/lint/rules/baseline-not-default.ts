// ANP semantics §2.2: a cluster has at most one BaselineAdminNetworkPolicy, and it is named
// `default`; the CRD's validation rejects any other name. The loader reports that rejection (and
// leaves the object out); lint reports it under this rule, with its own fix, not as invalid-object.

import type { LintContext } from '../context.js';
import type { Draft, LintRule } from '../rule.js';
import { atClusterPolicy } from '../where.js';
import { isBaselineNameProblem, located } from './load-problems.js';

const FIX = 'rename it to default (metadata.name: default), merging its rules into any other BaselineAdminNetworkPolicy';

export const baselineNotDefault: LintRule = {
  id: 'baseline-not-default',
  severity: 'error',
  title: 'BaselineAdminNetworkPolicy not named default',
  description:
    'The API server accepts one BaselineAdminNetworkPolicy per cluster, named default (ANP semantics §2.2): any ' +
    'other name is rejected on create. netwarden leaves the object out of every analysis, as the cluster would, ' +
    'so its rules protect nothing.',
  help: 'Name it default, merging its rules into the existing default if there is one.',
  *check(context: LintContext): Iterable<Draft> {
    for (const problem of context.problems) {
      if (!isBaselineNameProblem(problem)) continue;
      yield {
        ...located(problem),
        message: `this BaselineAdminNetworkPolicy is not named default, so the API server rejects it (${problem.message}); netwarden leaves it out of the analysis`,
        fix: FIX,
      };
    }
    // A cluster built in code (not loaded) may hold one: the loader never lets it through.
    for (const { policy } of context.compiled.tiers.baseline) {
      if (policy.kind !== 'BaselineAdminNetworkPolicy' || policy.name === 'default') continue;
      yield {
        ...atClusterPolicy(policy, 'metadata.name'),
        message: `BaselineAdminNetworkPolicy ${policy.name} is not named default: the API server accepts only one, named default`,
        fix: FIX,
      };
    }
  },
};

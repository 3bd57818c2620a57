// The loader's findings as lint findings, so that CI shows them on the line like the others:
// objects the API server would reject (invalid-object), and the CIDR warnings it would return
// on create (sloppy-cidr: the same message the loader wrote, never a second wording).

import { parseCIDR } from '../../../algebra/cidr.js';
import { BASELINE_NAME_MESSAGE } from '../../../model/cluster-policy.js';
import type { LoadProblem } from '../../../model/problem.js';
import type { LintContext } from '../context.js';
import type { Draft, LintRule } from '../rule.js';

/** The loader's CIDR warnings: ipBlock cidr/except values, and `networks` of cluster-wide policies. */
const CIDR_FIELD = /(\.ipBlock\.(cidr|except\[\d+\])|\.networks\[\d+\])$/;

/** A load problem that lint reports as a sloppy-cidr finding (the CLI does not also print it). */
export function isCidrWarning(problem: LoadProblem): boolean {
  return problem.severity === 'warning' && problem.kind === 'validation' && CIDR_FIELD.test(problem.fieldPath ?? '');
}

/** The loader's rejection of a BaselineAdminNetworkPolicy not named default: a baseline-not-default finding. */
export function isBaselineNameProblem(problem: LoadProblem): boolean {
  return problem.severity === 'error' && problem.fieldPath === 'metadata.name' && problem.message.includes(BASELINE_NAME_MESSAGE);
}

/** A load problem that lint reports as an invalid-object finding (unreadable inputs stop lint instead). */
export function isInvalidObject(problem: LoadProblem): boolean {
  return problem.severity === 'error' && problem.kind !== 'io' && !isBaselineNameProblem(problem);
}

/** Load problems lint reports itself; the rest (skipped kinds...) go to standard error as for every command. */
export function isLintedProblem(problem: LoadProblem): boolean {
  return isCidrWarning(problem) || isInvalidObject(problem) || isBaselineNameProblem(problem);
}

export const invalidObject: LintRule = {
  id: 'invalid-object',
  severity: 'error',
  title: 'Object the API server would reject',
  description:
    'The object fails the validation the Kubernetes API server applies on create (or is not valid YAML/JSON): ' +
    '`kubectl apply` would refuse it, and netwarden leaves it out of every analysis.',
  help: 'Fix the field named in the message; `kubectl apply --dry-run=server` shows the same error.',
  *check(context: LintContext): Iterable<Draft> {
    for (const problem of context.problems) {
      if (!isInvalidObject(problem)) continue;
      yield {
        ...located(problem),
        message: problem.message,
        fix: 'fix this field as the message says; the object is left out of the analysis until then',
      };
    }
  },
};

export const sloppyCidr: LintRule = {
  id: 'sloppy-cidr',
  severity: 'warning',
  title: 'CIDR with host bits set or in a non-standard form',
  description:
    'A CIDR such as 10.1.2.3/8 has bits set beyond its prefix, or is written with leading zeros or an ' +
    'IPv4-mapped form. The API server accepts it with a warning and uses the masked network (10.0.0.0/8), ' +
    'which is rarely what the author meant; strict validation rejects it.',
  help: 'Write the network address itself (10.0.0.0/8), or a /32 (/128) for a single address.',
  *check(context: LintContext): Iterable<Draft> {
    for (const problem of context.problems) {
      if (!isCidrWarning(problem)) continue;
      yield { ...located(problem), message: problem.message, fix: cidrFix(problem.message) };
    }
  },
};

export function located(problem: LoadProblem): Omit<Draft, 'message' | 'fix'> {
  const { file, line, fieldPath } = problem;
  return fieldPath === undefined ? { file, line } : { file, line, fieldPath };
}

/** The loader's messages quote the value first: `CIDR value "10.1.2.3/8" is ambiguous ...`. */
function cidrFix(message: string): string {
  const quoted = /"([^"]+)"/.exec(message)?.[1];
  const network = quoted === undefined ? undefined : parseCIDR(quoted);
  if (network === undefined) return 'write the CIDR in its canonical form';
  if (network.hostBitsSet) {
    return `write "${network.canonical}" if the whole network is meant, or the address with /${network.family === 'IPv4' ? 32 : 128} if one address is`;
  }
  return `write "${network.canonical}"`;
}

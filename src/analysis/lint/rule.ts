import type { LintContext } from './context.js';
import type { RuleInfo } from './finding.js';

/** Where a finding points: the file and line of a policy, rule, peer, port entry or pod. */
export interface Location {
  readonly file: string;
  readonly line: number;
  readonly fieldPath?: string;
  readonly object?: string;
}

/** A finding as a rule reports it; the runner adds the rule's id and severity. */
export interface Draft extends Location {
  readonly message: string;
  readonly fix: string;
}

/** One lint rule: its documentation, and a pure check over the loaded input. */
export interface LintRule extends RuleInfo {
  check(context: LintContext): Iterable<Draft>;
}

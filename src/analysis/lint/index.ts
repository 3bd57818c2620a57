// The public surface of lint (style rule 14: an explicit export list).
export { lint } from './lint.js';
export { DEFAULT_LINT_OPTIONS, type LintInput, type LintOptions } from './context.js';
export {
  RULE_IDS,
  SEVERITIES,
  countBySeverity,
  hasFailingFindings,
  severityRank,
  type Finding,
  type LintResult,
  type RuleId,
  type RuleInfo,
  type Severity,
  type SkippedCheck,
} from './finding.js';
export { ruleInfo, ruleInfos } from './rules.js';
export { isLintedProblem } from './rules/load-problems.js';

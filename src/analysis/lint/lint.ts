// `lint`: every rule of the registry over one loaded input; pure (no I/O, no clock).

import { DEFAULT_LINT_OPTIONS, LintContext, type LintInput, type LintOptions } from './context.js';
import { severityRank, type Finding, type LintResult } from './finding.js';
import { ruleInfos, rules } from './rules.js';

/** Runs the rules at or above `minSeverity`; findings come ordered by file, line, rule id, message. */
export function lint(input: LintInput, options: Partial<LintOptions> = {}): LintResult {
  const resolved: LintOptions = { ...DEFAULT_LINT_OPTIONS, ...options };
  const context = new LintContext(input, resolved);
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (severityRank(rule.severity) < severityRank(resolved.minSeverity)) continue;
    for (const draft of rule.check(context)) findings.push({ ruleId: rule.id, severity: rule.severity, ...draft });
  }
  findings.sort(compareFindings);
  return { rules: ruleInfos, findings, skipped: context.skipped, minSeverity: resolved.minSeverity };
}

function compareFindings(a: Finding, b: Finding): number {
  return compareText(a.file, b.file) || a.line - b.line || compareText(a.ruleId, b.ruleId) || compareText(a.message, b.message);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

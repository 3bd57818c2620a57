import { countBySeverity, type Finding, type LintResult } from '../analysis/lint/index.js';

/** The version of the lint JSON below (docs/lint.md); bumped on any incompatible change. */
export const LINT_JSON_VERSION = 1;

/**
 * Lint findings as JSON (docs/lint.md): `version`, `minSeverity`, `summary` (counts by severity),
 * `findings` in report order, one per line, and `skipped` checks. Keys always in this order.
 */
export function formatLintJson(result: LintResult): string {
  const counts = countBySeverity(result.findings);
  const head = [
    `  "version": ${LINT_JSON_VERSION}`,
    `  "minSeverity": ${JSON.stringify(result.minSeverity)}`,
    `  "summary": ${JSON.stringify({ error: counts.error, warning: counts.warning, note: counts.note })}`,
  ];
  return `{\n${head.join(',\n')},\n  "findings": ${list(result.findings.map(findingJson))},\n  "skipped": ${list(result.skipped.map((s) => JSON.stringify({ ruleId: s.ruleId, reason: s.reason })))}\n}\n`;
}

function list(items: readonly string[]): string {
  return items.length === 0 ? '[]' : `[\n    ${items.join(',\n    ')}\n  ]`;
}

function findingJson(finding: Finding): string {
  return JSON.stringify({
    ruleId: finding.ruleId,
    severity: finding.severity,
    file: finding.file,
    line: finding.line,
    ...(finding.fieldPath === undefined ? {} : { fieldPath: finding.fieldPath }),
    ...(finding.object === undefined ? {} : { object: finding.object }),
    message: finding.message,
    fix: finding.fix,
  });
}

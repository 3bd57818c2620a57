import { countBySeverity, type Finding, type LintResult } from '../analysis/lint/index.js';
import { chunked, type FormatOptions } from './formatter.js';

/**
 * Lint findings for people, one per line as compilers print them, each followed by its fix:
 *
 *     file:line: warning: NetworkPolicy ns/name spec.ingress[0]: message [rule-id]
 *         fix: what to do
 *
 * then the checks that were skipped, and a count by severity.
 */
export function formatLintText(result: LintResult, options?: FormatOptions): Iterable<string> {
  return chunked(textPieces(result), options);
}

function* textPieces(result: LintResult): Generator<string, void, undefined> {
  for (const finding of result.findings) yield `${findingLine(finding)}\n    fix: ${finding.fix}\n`;
  for (const skipped of result.skipped) yield `skipped: ${skipped.ruleId}: ${skipped.reason}\n`;
  yield `${summary(result)}\n`;
}

/** `file:line: severity: object field: message [rule]`, like the loader's `file:line: field: message`. */
export function findingLine(finding: Finding): string {
  const where = finding.line > 0 ? `${finding.file}:${finding.line}` : finding.file;
  const subject = [finding.object, finding.fieldPath].filter((part) => part !== undefined).join(' ');
  return `${where}: ${finding.severity}: ${subject === '' ? '' : `${subject}: `}${finding.message} [${finding.ruleId}]`;
}

function summary(result: LintResult): string {
  const total = result.findings.length;
  const below = result.minSeverity === 'note' ? '' : ` (severity ${result.minSeverity} and above)`;
  if (total === 0) return `no findings${below}.`;
  const counts = countBySeverity(result.findings);
  const parts = (['error', 'warning', 'note'] as const).filter((s) => counts[s] > 0).map((s) => plural(counts[s], s));
  return `${plural(total, 'finding')}${below}: ${parts.join(', ')}.`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

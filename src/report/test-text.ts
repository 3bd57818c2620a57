import { formatSource } from '../model/source.js';
import type { IntentOutcome, IntentReport } from '../analysis/intents.js';
import { count, detailLines } from './intent-words.js';
import { terminalText } from './quoting.js';

const LABELS = { pass: 'PASS ', fail: 'FAIL ', error: 'ERROR' } as const satisfies Record<IntentOutcome, string>;

/**
 * `netwarden test -o text`: one line per intent (PASS, FAIL or ERROR, its name, where it is),
 * under a failure its summary and the first pairs that break it, each with the engine's
 * explanation as `netwarden eval` prints it; under an error, why it could not be checked. Then
 * the totals. Control characters in names are escaped: each line stays one line.
 */
export function formatTestText(report: IntentReport): string {
  const lines: string[] = [];
  for (const check of report.checks) {
    const pairs = check.outcome === 'error' ? '' : ` (${count(check.pairCount, 'pair')})`;
    lines.push(`${LABELS[check.outcome]}  ${terminalText(check.intent.name)}  ${terminalText(formatSource(check.intent.source))}${pairs}`);
    lines.push(...detailLines(check, report.policies).map((line) => `       ${terminalText(line)}`));
  }
  lines.push('', totals(report));
  return lines.join('\n') + '\n';
}

/** `5 intents: 4 passed, 1 failed, 0 errors.` */
export function totals(report: IntentReport): string {
  const tally = { pass: 0, fail: 0, error: 0 };
  for (const check of report.checks) tally[check.outcome]++;
  return `${count(report.checks.length, 'intent')}: ${tally.pass} passed, ${tally.fail} failed, ${count(tally.error, 'error')}.`;
}

import { formatSource } from '../model/source.js';
import type { IntentCheck, IntentReport } from '../analysis/intents.js';
import { detailLines, failureSummary } from './intent-words.js';
import { xmlAttribute, xmlText } from './quoting.js';

/**
 * `netwarden test -o junit`: JUnit XML as CI systems read it (GitHub, GitLab, Jenkins): one
 * testsuite for the intents file, one testcase per intent named after it. A broken intent is a
 * <failure> (message: the summary; body: the pairs and the engine's explanations), one that could
 * not be checked an <error>. No timestamps or durations, so that the output is reproducible.
 */
export function formatTestJunit(report: IntentReport): string {
  const failures = report.checks.filter((c) => c.outcome === 'fail').length;
  const errors = report.checks.filter((c) => c.outcome === 'error').length;
  const counts = `tests="${report.checks.length}" failures="${failures}" errors="${errors}"`;
  const suite = xmlAttribute(report.file);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="netwarden test" ${counts}>`,
    `  <testsuite name="${suite}" ${counts} skipped="0">`,
    ...report.checks.flatMap((check) => testcase(report, check)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function testcase(report: IntentReport, check: IntentCheck): string[] {
  const { intent } = check;
  const open = `    <testcase classname="${xmlAttribute(report.file)}" name="${xmlAttribute(intent.name)}" file="${xmlAttribute(intent.source.file)}" line="${intent.source.line}"`;
  if (check.outcome === 'pass') return [`${open}/>`];
  const element = check.outcome === 'fail' ? 'failure' : 'error';
  const message = check.outcome === 'fail' ? failureSummary(check) : (check.errors[0] ?? '');
  const type = check.outcome === 'fail' ? 'IntentFailed' : 'IntentNotChecked';
  const body = [`${intent.name} (${formatSource(intent.source)})`, ...detailLines(check, report.policies)].join('\n');
  return [`${open}>`, `      <${element} type="${type}" message="${xmlAttribute(message)}">${xmlText(body)}</${element}>`, '    </testcase>'];
}

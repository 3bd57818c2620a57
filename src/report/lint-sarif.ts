// Lint findings as SARIF 2.1.0 (OASIS), the format GitHub code scanning and other CI tools read:
// one run whose tool.driver lists every rule, and one result per finding located at its file and
// line. Valid against the official schema (test/report/lint-sarif.test.ts).

import type { Finding, LintResult, RuleInfo, Severity, SkippedCheck } from '../analysis/lint/index.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** Relative paths are relative to where netwarden ran: for CI, the repository root. */
export const SOURCE_ROOT = '%SRCROOT%';

const LEVEL = { error: 'error', warning: 'warning', note: 'note' } as const satisfies Record<Severity, string>;

export function formatLintSarif(result: LintResult): string {
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'netwarden', rules: result.rules.map(ruleDescriptor) } },
        originalUriBaseIds: { [SOURCE_ROOT]: { description: { text: 'The directory netwarden ran in.' } } },
        invocations: [
          {
            executionSuccessful: true,
            ...(result.skipped.length === 0 ? {} : { toolExecutionNotifications: result.skipped.map((s) => notification(s, result.rules)) }),
          },
        ],
        results: result.findings.map((finding) => sarifResult(finding, result.rules)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleDescriptor(rule: RuleInfo): object {
  return {
    id: rule.id,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: rule.help },
    defaultConfiguration: { level: LEVEL[rule.severity] },
  };
}

function sarifResult(finding: Finding, rules: readonly RuleInfo[]): object {
  const subject = [finding.object, finding.fieldPath].filter((part) => part !== undefined).join(' ');
  return {
    ruleId: finding.ruleId,
    ruleIndex: rules.findIndex((rule) => rule.id === finding.ruleId),
    level: LEVEL[finding.severity],
    message: { text: `${subject === '' ? '' : `${subject}: `}${finding.message}.\nFix: ${finding.fix}.` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(finding.file),
          // SARIF lines start at 1; line 0 means the whole file: no region.
          ...(finding.line > 0 ? { region: { startLine: finding.line } } : {}),
        },
        ...(finding.object === undefined ? {} : { logicalLocations: [{ fullyQualifiedName: finding.object, kind: 'resource' }] }),
      },
    ],
  };
}

function notification(skipped: SkippedCheck, rules: readonly RuleInfo[]): object {
  return {
    level: 'note',
    message: { text: `${skipped.ruleId} did not run: ${skipped.reason}.` },
    associatedRule: { id: skipped.ruleId, index: rules.findIndex((rule) => rule.id === skipped.ruleId) },
  };
}

/**
 * A file as SARIF wants it: a URI reference. Relative paths (the usual `-f policies/`) stay
 * relative to %SRCROOT%; absolute ones become file: URIs; each segment is percent-encoded.
 */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const path = file.replaceAll('\\', '/');
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  if (path.startsWith('/')) return { uri: `file://${encoded}` };
  const [first = '', ...rest] = path.split('/');
  if (/^[A-Za-z]:$/.test(first)) return { uri: `file:///${first}/${rest.map(encodeURIComponent).join('/')}` };
  return { uri: encoded.replace(/^(\.\/)+/, ''), uriBaseId: SOURCE_ROOT };
}

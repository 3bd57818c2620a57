// What `netwarden lint` reports (docs/lint.md): findings, each from one rule of the registry
// (rules.ts), located at the file and line of the policy, rule, peer or port entry it is about.

/** Ascending: `note` < `warning` < `error`. Exit code 1 when a reported finding is a warning or an error. */
export const SEVERITIES = ['note', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RULE_IDS = [
  'invalid-object',
  'sloppy-cidr',
  'policy-selects-no-pod',
  'peer-selects-no-pod',
  'namespace-label-missing',
  'named-port-undefined',
  'named-port-protocol-mismatch',
  'ingress-port-not-declared',
  'rules-ignored-by-policy-types',
  'duplicate-policy-type',
  'egress-without-dns',
  'ipblock-contains-pod-ips',
  'ipblock-matches-nothing',
  'rule-matches-all-peers',
  'shadowed-policy',
  'unprotected-pod',
  'baseline-not-default',
  'cluster-subject-selects-no-pod',
  'cluster-rule-shadowed',
  'cluster-pass-reaches-nothing',
  'cluster-equal-priority',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** A rule as documented: what SARIF's `tool.driver.rules` and docs/lint.md say about it. */
export interface RuleInfo {
  readonly id: RuleId;
  /** The severity of every finding of this rule. */
  readonly severity: Severity;
  /** One line: what is wrong. */
  readonly title: string;
  /** What the rule checks and why it matters. */
  readonly description: string;
  /** How to fix it, in general (each finding has its own `fix` too). */
  readonly help: string;
}

export interface Finding {
  readonly ruleId: RuleId;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  /** 1-based; 0 when the finding is about a whole file (one that is not YAML at all, say). */
  readonly line: number;
  /** e.g. `spec.ingress[0].from[1]`, relative to the object. */
  readonly fieldPath?: string;
  /** What to do about this finding, in a sentence. */
  readonly fix: string;
  /** The object it is about: `NetworkPolicy default/web`, `Deployment default/web`. */
  readonly object?: string;
}

/** A check that did not run, and why (an input too large for it, no pods to judge by). */
export interface SkippedCheck {
  readonly ruleId: RuleId;
  readonly reason: string;
}

export interface LintResult {
  /** Every rule of the registry, in registry order (whether or not it found anything). */
  readonly rules: readonly RuleInfo[];
  /** At or above `minSeverity`, ordered by file, line, rule id, message. */
  readonly findings: readonly Finding[];
  readonly skipped: readonly SkippedCheck[];
  readonly minSeverity: Severity;
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** `netwarden lint` exits 1 when any reported finding is a warning or an error; notes never fail. */
export function hasFailingFindings(result: LintResult): boolean {
  return result.findings.some((finding) => severityRank(finding.severity) >= severityRank('warning'));
}

/** How many findings of each severity. */
export function countBySeverity(findings: readonly Finding[]): Readonly<Record<Severity, number>> {
  const counts = { note: 0, warning: 0, error: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

// One fixture per lint claim (test/fixtures/lint/<claim>.yaml): each, linted alone, gives exactly
// the findings listed, as rule-id@line (notes included).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint } from '../../../src/analysis/lint/index.js';
import { loadSources, nodeLoadIO } from '../../../src/load/index.js';

const cases: { readonly fixture: string; readonly findings: readonly string[] }[] = [
  { fixture: 'policy-with-endport-below-port', findings: ['invalid-object@12'] },
  { fixture: 'ipblock-cidr-with-host-bits', findings: ['sloppy-cidr@24'] },
  { fixture: 'policy-selector-label-typo', findings: ['policy-selects-no-pod@30', 'rule-matches-all-peers@40'] },
  { fixture: 'peer-pod-selector-in-wrong-namespace', findings: ['peer-selects-no-pod@36'] },
  { fixture: 'namespace-selector-label-nobody-has', findings: ['namespace-label-missing@30'] },
  { fixture: 'named-port-nobody-declares', findings: ['rule-matches-all-peers@25', 'named-port-undefined@26'] },
  { fixture: 'named-port-dns-without-udp', findings: ['rule-matches-all-peers@26', 'named-port-protocol-mismatch@27'] },
  { fixture: 'ingress-port-is-the-service-port', findings: ['rule-matches-all-peers@46', 'ingress-port-not-declared@47'] },
  { fixture: 'egress-only-policy-with-ingress-rules', findings: ['rules-ignored-by-policy-types@23', 'rule-matches-all-peers@26'] },
  { fixture: 'policy-types-ingress-twice', findings: ['duplicate-policy-type@14'] },
  { fixture: 'egress-deny-all-without-dns', findings: ['egress-without-dns@14'] },
  { fixture: 'egress-dns-udp-only', findings: ['egress-without-dns@14'] },
  { fixture: 'ipblock-contains-pod-ip', findings: ['ipblock-contains-pod-ips@38'] },
  { fixture: 'ipblock-except-covers-cidr', findings: ['ipblock-matches-nothing@23'] },
  { fixture: 'ingress-from-empty-list', findings: ['rule-matches-all-peers@24'] },
  { fixture: 'policy-shadowed-by-broader-policy', findings: ['shadowed-policy@54'] },
  { fixture: 'pod-unselected-in-namespace-with-policies', findings: ['unprotected-pod@24'] },
  { fixture: 'namespace-locked-down-cleanly', findings: [] },
  { fixture: 'banp-named-baseline', findings: ['baseline-not-default@6'] },
  { fixture: 'anp-rule-shadowed-by-higher-priority', findings: ['cluster-rule-shadowed@54'] },
  { fixture: 'anp-pass-without-networkpolicy', findings: ['cluster-pass-reaches-nothing@38'] },
  { fixture: 'cnp-equal-priorities', findings: ['cluster-equal-priority@40'] },
  { fixture: 'anp-subject-namespace-label-typo', findings: ['cluster-subject-selects-no-pod@22'] },
  { fixture: 'pod-unselected-but-denied-by-admin-policy', findings: [] },
  { fixture: 'pod-unselected-cluster-policy-only-allows', findings: ['unprotected-pod@23'] },
  { fixture: 'egress-dns-denied-by-cluster-policy', findings: ['egress-without-dns@33', 'shadowed-policy@33'] },
];

describe('lint fixtures', () => {
  for (const { fixture, findings } of cases) {
    const claim = findings.length === 0 ? 'no finding' : findings.join(', ');
    test(`${fixture}.yaml gives ${claim}`, async () => {
      const file = `test/fixtures/lint/${fixture}.yaml`;
      const result = lint(await loadSources([file], { defaultNamespace: 'default' }, nodeLoadIO));
      assert.deepEqual(
        result.findings.map((f) => `${f.ruleId}@${f.line}`),
        findings,
      );
      for (const finding of result.findings) assert.equal(finding.file, file);
    });
  }

  test('every rule of the registry has a fixture that shows it', async () => {
    const { ruleInfos } = await import('../../../src/analysis/lint/index.js');
    const shown = new Set(cases.flatMap((c) => c.findings.map((f) => f.split('@')[0])));
    assert.deepEqual(
      ruleInfos.map((r) => r.id).filter((id) => !shown.has(id)),
      [],
    );
  });
});

// `netwarden lint -o sarif` is valid SARIF 2.1.0: checked against the official schema, vendored in
// test/fixtures/sarif (see its README for the source), with ajv, offline.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import { lint, ruleInfos, type LintResult } from '../../src/analysis/lint/index.js';
import { loadSources, nodeLoadIO } from '../../src/load/index.js';
import { artifactLocation, formatLintSarif } from '../../src/report/lint-sarif.js';

const schema = JSON.parse(readFileSync('test/fixtures/sarif/sarif-schema-2.1.0.json', 'utf8')) as Record<string, unknown>;
// ajv-formats is CommonJS (exports.default = plugin): under Node's ESM loader the plugin is `default.default`.
type FormatsPlugin = (ajv: Ajv | Ajv2020) => unknown;
const formatsModule = ajvFormats as unknown as { default: FormatsPlugin | { default: FormatsPlugin } };
const addFormats: FormatsPlugin = typeof formatsModule.default === 'function' ? formatsModule.default : formatsModule.default.default;

/** The schema's own `required` lists name properties defined through anyOf branches: ajv's strictRequired would refuse it. */
const AJV_OPTIONS = { allErrors: true, strict: true, strictRequired: false, strictTypes: false } as const;

function validators(): readonly { readonly mode: string; readonly validate: ValidateFunction }[] {
  const as2020 = new Ajv2020(AJV_OPTIONS);
  addFormats(as2020);
  const asDraft07 = new Ajv(AJV_OPTIONS);
  addFormats(asDraft07);
  return [
    { mode: 'JSON Schema 2020-12 (as the file declares)', validate: as2020.compile(schema) },
    { mode: 'JSON Schema draft-07', validate: asDraft07.compile({ ...schema, $schema: 'http://json-schema.org/draft-07/schema#' }) },
  ];
}

const VALIDATORS = validators();

function assertValid(log: unknown): void {
  for (const { mode, validate } of VALIDATORS) {
    assert.ok(validate(log), `invalid SARIF (${mode}): ${JSON.stringify(validate.errors, null, 2)}`);
  }
}

async function lintFiles(...files: string[]): Promise<LintResult> {
  return lint(await loadSources(files, { defaultNamespace: 'default' }, nodeLoadIO));
}

describe('lint SARIF output', () => {
  test('the findings of every lint fixture are valid SARIF 2.1.0', async () => {
    const log = JSON.parse(formatLintSarif(await lintFiles('test/fixtures/lint')));
    assertValid(log);
    assert.ok(log.runs[0].results.length >= ruleInfos.length);
  });

  test('the findings about cluster-wide policies are valid SARIF 2.1.0, located at the policy or rule line', async () => {
    const result = await lintFiles('examples/cluster-wide', 'test/fixtures/lint/cnp-equal-priorities.yaml', 'test/fixtures/lint/banp-named-baseline.yaml');
    const log = JSON.parse(formatLintSarif(result));
    assertValid(log);
    assert.deepEqual(
      log.runs[0].results.map((r: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }) => `${r.ruleId}@${r.locations[0]!.physicalLocation.region.startLine}`),
      ['cluster-pass-reaches-nothing@46', 'baseline-not-default@6', 'cluster-equal-priority@40'],
    );
  });

  test('no finding, and skipped checks as tool notifications, are valid SARIF 2.1.0', async () => {
    assertValid(JSON.parse(formatLintSarif(await lintFiles('test/fixtures/lint/namespace-locked-down-cleanly.yaml'))));
    const skipped = JSON.parse(formatLintSarif(await lintFiles('test/fixtures/lint/policy-with-endport-below-port.yaml')));
    assertValid(skipped);
    assert.equal(skipped.runs[0].invocations[0].toolExecutionNotifications.length, 3);
  });

  test('standard input, absolute and Windows paths, odd characters and whole-file findings are valid SARIF 2.1.0', () => {
    const files = ['<stdin>', '/abs/dir with space/p.yaml', 'C:\\work\\p#1.yaml', './rel/ünïcode%.yaml', ''];
    const result: LintResult = {
      rules: ruleInfos,
      minSeverity: 'note',
      skipped: [],
      findings: files.map((file, i) => ({ ruleId: 'invalid-object', severity: 'error', file, line: i, message: 'bad', fix: 'fix it' })),
    };
    const log = JSON.parse(formatLintSarif(result));
    assertValid(log);
    assert.equal(log.runs[0].results[0].locations[0].physicalLocation.region, undefined, 'line 0: no region');
  });

  test('a log that breaks the schema is refused (the validator is not vacuous)', () => {
    const log = JSON.parse(formatLintSarif({ rules: ruleInfos, minSeverity: 'note', skipped: [], findings: [] }));
    delete log.runs[0].tool.driver.name;
    for (const { validate } of VALIDATORS) assert.equal(validate(log), false);
    const badLevel = JSON.parse(formatLintSarif({ rules: ruleInfos, minSeverity: 'note', skipped: [], findings: [] }));
    badLevel.runs[0].tool.driver.rules[0].defaultConfiguration.level = 'fatal';
    for (const { validate } of VALIDATORS) assert.equal(validate(badLevel), false);
  });

  test('every rule is described once, and each result points at its rule and line', async () => {
    const result = await lintFiles('test/fixtures/lint');
    const run = JSON.parse(formatLintSarif(result)).runs[0];
    assert.deepEqual(run.tool.driver.rules.map((r: { id: string }) => r.id), ruleInfos.map((r) => r.id));
    run.results.forEach((sarif: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }, i: number) => {
      const finding = result.findings[i]!;
      assert.equal(sarif.ruleId, finding.ruleId);
      assert.equal(run.tool.driver.rules[sarif.ruleIndex].id, finding.ruleId);
      assert.equal(sarif.level, finding.severity);
      assert.equal(sarif.locations[0]!.physicalLocation.region.startLine, finding.line);
    });
  });

  test('relative paths stay relative to %SRCROOT%; absolute ones become file: URIs', () => {
    assert.deepEqual(artifactLocation('./policies/db.yaml'), { uri: 'policies/db.yaml', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(artifactLocation('<stdin>'), { uri: '%3Cstdin%3E', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(artifactLocation('/srv/a b.yaml'), { uri: 'file:///srv/a%20b.yaml' });
    assert.deepEqual(artifactLocation('C:\\k8s\\p.yaml'), { uri: 'file:///C:/k8s/p.yaml' });
  });
});

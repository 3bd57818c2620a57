// `netwarden test -o text|junit` on reports with hostile intent names: JUnit stays well-formed XML
// that reads back the names, counts and explanations.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseIntentFile } from '../../src/analysis/intent-file.js';
import { checkIntents } from '../../src/analysis/intents.js';
import type { IntentReport } from '../../src/analysis/intents.js';
import { formatToString, formatters } from '../../src/report/index.js';
import { xmlAttribute, xmlText } from '../../src/report/quoting.js';
import { cluster, pod, policy, podPeer, rule, selector } from '../helpers/builders.js';
import { parseXml } from '../helpers/xml-check.js';

const HOSTILE = ['</testcase><testcase name="x">', 'a & b < c > d', '"quoted" \'single\'', 'tab\there\nline', ']]> <![CDATA[', 'bell\u0007 nul\u0000 \ufffe', '\ud83d\ude00 emoji', '&amp; already'];

/** web-0 may reach db-0 on any port; every hostile name is an intent, alternately passing and failing. */
function hostileReport(): IntentReport {
  const world = cluster({
    pods: [pod('shop/web-0', { app: 'web' }), pod('shop/db-0', { app: 'db' })],
    policies: [policy('shop/db', { podSelector: selector({ app: 'db' }), ingress: [rule([podPeer(selector({ app: 'web' }))], [{ port: 5432 }])] })],
  });
  const items = HOSTILE.map((name, i) => `  - name: ${JSON.stringify(name)}\n    from: {pod: shop/web-0}\n    to: {pod: shop/db-0}\n    port: ${i % 2 === 0 ? 5432 : 80}\n    expect: allow\n`);
  const missing = '  - name: "missing <pod>"\n    from: {pod: shop/nope}\n    to: {pod: shop/db-0}\n    expect: deny\n';
  const parsed = parseIntentFile('in & out <intents>.yaml', `intents:\n${items.join('')}${missing}`);
  assert.equal(parsed.kind, 'valid');
  return checkIntents(world, parsed.kind === 'valid' ? parsed.file : { file: '', intents: [] });
}

describe('JUnit XML', () => {
  test('hostile intent and file names give well-formed XML that reads them back (characters XML forbids as U+FFFD)', () => {
    const report = hostileReport();
    const root = parseXml(formatToString(formatters.test.junit, report));
    assert.equal(root.name, 'testsuites');
    assert.deepEqual(root.attributes, { name: 'netwarden test', tests: '9', failures: '4', errors: '1' });
    const [suite] = root.children;
    assert.equal(suite?.attributes['name'], 'in & out <intents>.yaml');
    const cases = suite?.children ?? [];
    assert.deepEqual(
      cases.map((c) => c.attributes['name']),
      [...HOSTILE.map((name) => name.replace(/[\u0000\u0007\ufffe]/g, '\ufffd')), 'missing <pod>'],
    );
    assert.deepEqual(cases.map((c) => c.children.map((child) => child.name).join()), ['', 'failure', '', 'failure', '', 'failure', '', 'failure', 'error']);
    const failure = cases[1]?.children[0];
    assert.equal(failure?.attributes['message'], 'expected allow on TCP/80: 1 of 1 pair is denied');
    assert.match(failure?.text ?? '', /^a & b < c > d \(in & out <intents>\.yaml:\d+\)\nexpected allow on TCP\/80: 1 of 1 pair is denied:\nshop\/web-0 -> shop\/db-0: denied\n {2}shop\/web-0 -> shop\/db-0 TCP\/80: DENIED\n/);
    assert.equal(cases[8]?.children[0]?.attributes['message'], 'from: no pod shop/nope in the input');
  });

  test('text and attribute escaping: entities for markup, references for whitespace in attributes', () => {
    assert.equal(xmlText('a<b>&c"\'\n'), 'a&lt;b&gt;&amp;c"\'\n');
    assert.equal(xmlAttribute('a<b>&c"\'\t\n\r'), 'a&lt;b&gt;&amp;c&quot;&apos;&#9;&#10;&#13;');
    assert.equal(xmlText('\u0001\ud800x\ufffe'), '\ufffd\ufffdx\ufffd');
  });
});

describe('text', () => {
  test('one line per intent, details indented under failures and errors, then the totals', () => {
    const text = formatToString(formatters.test.text, hostileReport());
    const lines = text.split('\n');
    assert.match(lines[0] ?? '', /^PASS {3}<\/testcase><testcase name="x"> {2}in & out <intents>\.yaml:2 \(1 pair\)$/);
    assert.ok(lines.some((line) => /^FAIL {3}a & b < c > d {2}/.test(line)));
    assert.ok(lines.includes('ERROR  missing <pod>  in & out <intents>.yaml:42'));
    assert.ok(lines.includes('       from: no pod shop/nope in the input'));
    assert.ok(lines.some((line) => line.startsWith('FAIL   bell\\u0007 nul\\u0000 \ufffe  ')));
    assert.ok(lines.some((line) => line.startsWith('FAIL   tab\\there\\nline  ')));
    assert.equal(lines.at(-2), '9 intents: 4 passed, 4 failed, 1 error.');
  });
});

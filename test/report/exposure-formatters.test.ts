// netwarden exposure in every output format, byte for byte (test/golden/exposure/), and what
// each format promises: JSON and YAML carry the same document, DOT is valid Graphviz, every
// chunking gives the same text, and hostile names stay inside their token.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { parse as parseYaml } from 'yaml';
import { runCli } from '../../src/cli/main.js';
import { exposure, type ExposureReport } from '../../src/analysis/exposure.js';
import { compileCluster } from '../../src/engine/index.js';
import { loadSources } from '../../src/load/index.js';
import type { Cluster } from '../../src/model/cluster.js';
import { EXPOSURE_OUTPUTS, formatToString, formatters } from '../../src/report/index.js';
import { cluster, namespace, pod, podPeer, policy, rule, selector } from '../helpers/builders.js';
import { fakeIO } from '../cli/fake-io.js';
import { assertGolden } from './golden.js';

const shop = 'test/report/fixtures/exposure-shop.yaml';
const admin = 'test/report/fixtures/exposure-admin-tier.yaml';
const EXTENSIONS: Readonly<Record<(typeof EXPOSURE_OUTPUTS)[number], string>> = {
  table: 'txt', json: 'json', yaml: 'yaml', csv: 'csv', md: 'md', dot: 'dot', mermaid: 'mmd',
};

async function run(argv: readonly string[]): Promise<string> {
  const fake = fakeIO();
  const code = await runCli(argv, fake.io);
  assert.equal(code, 0, fake.stderr());
  return fake.stdout();
}

describe('exposure goldens', () => {
  for (const output of EXPOSURE_OUTPUTS) {
    test(`netwarden exposure -f ${shop} -o ${output} matches test/golden/exposure/shop.${EXTENSIONS[output]}`, async () => {
      await assertGolden(`exposure/shop.${EXTENSIONS[output]}`, await run(['exposure', '-f', shop, '-o', output]));
    });
  }
  for (const output of ['table', 'json'] as const) {
    test(`netwarden exposure -f ${admin} -o ${output} matches test/golden/exposure/admin-tier.${EXTENSIONS[output]}`, async () => {
      await assertGolden(`exposure/admin-tier.${EXTENSIONS[output]}`, await run(['exposure', '-f', admin, '-o', output]));
    });
  }
  test('netwarden exposure -f examples/guide matches test/golden/exposure/guide.txt', async () => {
    await assertGolden('exposure/guide.txt', await run(['exposure', '-f', 'examples/guide']));
  });
  test('netwarden exposure -f examples/guide --level pod -o json matches test/golden/exposure/guide-pod.json', async () => {
    await assertGolden('exposure/guide-pod.json', await run(['exposure', '-f', 'examples/guide', '--level', 'pod', '-o', 'json']));
  });
});

describe('exposure formats', () => {
  test('-o yaml reads back as the same document as -o json', async () => {
    const json: unknown = JSON.parse(await run(['exposure', '-f', shop, '-o', 'json']));
    assert.deepEqual(parseYaml(await run(['exposure', '-f', shop, '-o', 'yaml'])), json);
  });

  test('-o dot is a graph Graphviz accepts', { skip: spawnSync('dot', ['-V']).status !== 0 && 'Graphviz (dot) not installed' }, async () => {
    const result = spawnSync('dot', ['-Tsvg'], { input: await run(['exposure', '-f', shop, '-o', 'dot']), encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });

  test('every format gives the same text in chunks of any length', async () => {
    const report = exposure(compileCluster(await loadShop()), { level: 'workload' });
    for (const output of EXPOSURE_OUTPUTS) {
      const whole = formatToString(formatters.exposure[output], report);
      for (const chunkLength of [1, 7, 100]) {
        const chunks = [...formatters.exposure[output](report, { chunkLength })];
        assert.ok(chunks.every((c) => c.length > 0), `${output}: no empty chunk`);
        assert.equal(chunks.join(''), whole, `${output} at chunkLength ${chunkLength}`);
      }
    }
  });

  test('an empty input gives an empty but well-formed report in every format', () => {
    const report: ExposureReport = { level: 'workload', subjects: [] };
    assert.deepEqual(JSON.parse(formatToString(formatters.exposure.json, report)), { level: 'workload', subjects: [] });
    assert.deepEqual(parseYaml(formatToString(formatters.exposure.yaml, report)), { level: 'workload', subjects: [] });
    assert.equal(formatToString(formatters.exposure.csv, report), 'id,kind,direction,protected,peer_kind,peer,tcp,udp,sctp,named\n');
    assert.match(formatToString(formatters.exposure.table, report), /^WORKLOAD +DIRECTION +PEER +PORTS\n\n0 workloads: /);
  });

  test('names from labels cannot break out of a CSV field, a Markdown cell, a DOT string or a Mermaid label', () => {
    const hostile = 'a,"b"|c\\d<e>`#&\nf';
    const p = policy('ns/p', { ingress: [rule([podPeer(selector({ app: hostile }))])] });
    const report = exposure(compileCluster(cluster({ namespaces: [namespace('ns')], pods: [pod('ns/x')], policies: [p] })), { level: 'pod' });
    const csv = formatToString(formatters.exposure.csv, report).split('\n');
    assert.equal(csv[1], 'ns/x,Pod,ingress,true,representative,"namespace ns, pods app=a,""b""|c\\d<e>`#&');
    const md = formatToString(formatters.exposure.md, report);
    assert.ok(md.includes('namespace ns, pods app=a,"b"\\|c\\\\d\\<e\\>\\`#\\& f'), md);
    const dot = formatToString(formatters.exposure.dot, report);
    assert.ok(dot.includes('[label="namespace ns, pods app=a,\\"b\\"|c\\\\d<e>`#&\\nf", shape=box'), dot);
    const mermaid = formatToString(formatters.exposure.mermaid, report);
    assert.ok(mermaid.includes('p0{{"namespace ns, pods app=a,#quot;b#quot;|c\\d#lt;e#gt;#96;#35;#amp; f"}}'), mermaid);
  });
});

async function loadShop(): Promise<Cluster> {
  return (await loadSources([shop], { defaultNamespace: 'default' })).cluster;
}

// The page's exposure words (src/web/app/src/exposure-words.ts) against the CLI's
// (src/report/exposure-words.ts): every peer and port set of the exposure fixtures, read back
// from `netwarden exposure -o json` as the page reads GET /api/exposure.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exposure } from '../../src/analysis/exposure.js';
import { compileCluster } from '../../src/engine/index.js';
import { loadSources } from '../../src/load/index.js';
import { formatters, formatToString } from '../../src/report/index.js';
import { exposurePortsCompact, exposurePortsText, peerText } from '../../src/report/exposure-words.js';
import type { ExposureView } from '../../src/web/api-types.js';

/** The page's module, loaded by URL: it is typechecked with the app (src/web/app/tsconfig.json), not here. */
interface PageWords {
  peerText(peer: unknown): string;
  exposurePortsText(ports: unknown): string;
  exposurePortsLabel(ports: unknown, max: number): string;
}
const page = (await import(new URL('../../src/web/app/src/exposure-words.ts', import.meta.url).href)) as PageWords;

const FIXTURES = [
  'test/report/fixtures/exposure-shop.yaml',
  'test/report/fixtures/exposure-admin-tier.yaml',
  'test/fixtures/web/any-namespace.yaml',
  'examples/cluster-wide',
];

test('every peer and port set reads on the page as in netwarden exposure (table words, graph-edge words)', async () => {
  let compared = 0;
  const kinds = new Set<string>();
  for (const input of FIXTURES) {
    const { cluster } = await loadSources([input], { defaultNamespace: 'default' });
    const report = exposure(compileCluster(cluster), { level: 'workload' });
    const json = JSON.parse(formatToString(formatters.exposure.json, report)) as ExposureView;
    report.subjects.forEach((subject, s) => {
      for (const direction of ['ingress', 'egress'] as const) {
        subject[direction].exposures.forEach((e, i) => {
          const read = json.subjects[s]![direction].exposures[i]!;
          const where = `${input} ${subject.id} ${direction} #${i}`;
          assert.equal(page.peerText(read.peer), peerText(e.peer), where);
          assert.equal(page.exposurePortsText(read.ports), exposurePortsText(e.ports), where);
          assert.equal(page.exposurePortsLabel(read.ports, Infinity), exposurePortsCompact(e.ports), where);
          kinds.add(e.peer.kind === 'representative' ? `${e.peer.namespaces.kind} namespaces` : e.peer.kind);
          if ((read.ports.named ?? []).length > 0) kinds.add('named port');
          compared++;
        });
      }
    });
  }
  assert.ok(compared > 40, `${compared} exposures compared`);
  assert.deepEqual([...kinds].sort(), ['all namespaces', 'entire-cluster', 'external', 'labelled namespaces', 'named namespaces', 'named port']);
});

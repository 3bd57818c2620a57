/**
 * Conformance against netpol-analyzer's pod-level goldens: the 4 `eval_connections_map` files
 * (pkg/netpol/eval/eval_test.go TestConnectionsMapExamples) and the single-connection
 * `eval_cases` (netpol-analyzer eval). See docs/conformance.md.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSources } from '../../src/load/index.js';
import { compileCluster, connectivity, evaluate, type CompiledCluster } from '../../src/engine/index.js';
import type { Cluster, Pod } from '../../src/model/cluster.js';
import { isProtocol } from '../../src/model/common.js';
import { compareBytes, corpusDir, SKIP_REASON } from './corpus.js';
import { FeatureTally } from './feature-tally.js';
import { diffLines, equalIgnoringLineBreaks, formatDiff, isEmptyDiff, writeActual } from './line-diff.js';
import {
  inputExclusion, inputKinds, inputTags, NETPOL_ANALYZER_ENGINE_OPTIONS, readIndex, type EvalCase, type Golden,
} from './netpol-analyzer-cases.js';
import { formatConns, isExternal } from './netpol-analyzer-format.js';
import { policyTags } from './policy-tags.js';

const dir = corpusDir('netpol-analyzer');
if (dir === undefined) {
  test('netpol-analyzer eval conformance', (t) => t.skip(SKIP_REASON));
} else {
  const index = readIndex(dir);
  const tally = new FeatureTally();
  for (const golden of index.expected_outputs.filter((g) => g.kind === 'eval_connections_map')) registerMap(dir, golden, tally);
  index.eval_cases.forEach((evalCase, i) => registerEvalCase(dir, evalCase, i, tally));
  test('netpol-analyzer eval: pass counts per feature', (t) => {
    const lines = tally.summary('netpol-analyzer eval (pod level)');
    for (const line of lines) t.diagnostic(line);
  });
}

async function loadCluster(path: string): Promise<Cluster> {
  return (await loadSources([path], { defaultNamespace: 'default' })).cluster;
}

/**
 * The map test reads only Pod, Namespace and NetworkPolicy objects (upstream setResourcesFromDir),
 * so pods netwarden expands from workload manifests in the same folder are left out.
 */
function podsOnly(cluster: Cluster): Cluster {
  const expanded = (pod: Pod): boolean =>
    cluster.workloads.some((w) => w.namespace === pod.namespace && w.kind === pod.owner?.kind && w.name === pod.owner.name);
  return { ...cluster, pods: cluster.pods.filter((p) => !expanded(p)), workloads: [] };
}

function registerMap(corpus: string, golden: Golden, tally: FeatureTally): void {
  const input = golden.inputs[0]!;
  const tags = ['eval-map', ...inputTags(inputKinds(join(corpus, input)), golden.options)];
  test(`netpol-analyzer eval map ${golden.file} (${golden.options.mode ?? ''} ${golden.options.protocol ?? ''} ${golden.options.port ?? ''})`, async () => {
    const cluster = podsOnly(await loadCluster(join(corpus, input)));
    const caseTags = [...tags, ...policyTags(cluster.policies)];
    try {
      const compiled = compileCluster(cluster, NETPOL_ANALYZER_ENGINE_OPTIONS);
      const expected = readFileSync(join(corpus, golden.file), 'utf8').split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l !== '');
      const actual = mapLines(compiled, golden);
      const diff = diffLines(expected, actual);
      if (!isEmptyDiff(diff)) {
        const actualPath = writeActual(join('netpol-analyzer', golden.file), actual.map((l) => `${l}\n`).join(''));
        assert.fail(`golden: ${join(corpus, golden.file)}\nactual: ${actualPath}\n${formatDiff(diff)}`);
      }
      assert.ok(equalIgnoringLineBreaks(expected.join('\n'), actual.join('\n')), 'same lines, different order');
      tally.record(caseTags, 'pass');
    } catch (error) {
      tally.record(caseTags, 'fail');
      throw error;
    }
  });
}

/**
 * `src: ns/pod, dest: ns/pod, allowed conns: X` for every ordered pod pair, self included.
 * - mode all_allowed_connections: X is the CONNS string, or "No Connections";
 * - mode is_allowed with protocol and port: X is evaluate()'s verdict, true/false;
 * - mode is_allowed with empty protocol and port: upstream's CheckIfAllowed then answers true
 *   only for pairs open on everything, so X is whether the pair allows "All Connections".
 * A pod always reaches itself (semantics §4.1): self pairs are asked of evaluate(), which must
 * say allowed because of 'self'; the map omits them.
 */
function mapLines(compiled: CompiledCluster, golden: Golden): string[] {
  const pods = compiled.cluster.pods;
  const map = connectivity(compiled, { level: 'pod' });
  const idOf = new Map<string, string>(map.endpoints.flatMap((e) => (isExternal(e) ? [] : [[`${e.namespace}/${e.name}`, e.id] as const])));
  const allow = new Map(map.connections.map((c) => [`${c.from}\u0000${c.to}`, formatConns(c.allow)]));
  const { mode = '', protocol = '', port = '' } = golden.options;
  const lines: string[] = [];
  for (const src of pods) {
    for (const dst of pods) {
      const srcId = `${src.namespace}/${src.name}`;
      const dstId = `${dst.namespace}/${dst.name}`;
      let conns: string;
      if (src === dst) {
        const verdict = evaluate(compiled, { from: { kind: 'pod', pod: src }, to: { kind: 'pod', pod: dst }, port: 1, protocol: 'TCP' });
        assert.equal(verdict.egress.reason, 'self', `${srcId} to itself`);
        conns = 'All Connections';
      } else {
        conns = allow.get(`${idOf.get(srcId)}\u0000${idOf.get(dstId)}`) ?? 'No Connections';
      }
      let value = conns;
      if (mode === 'is_allowed' && protocol === '') value = String(conns === 'All Connections');
      else if (mode === 'is_allowed') value = String(evaluatePorts(compiled, src, dst, protocol, port));
      lines.push(`src: ${srcId}, dest: ${dstId}, allowed conns: ${value}`);
    }
  }
  return lines.sort(compareBytes);
}

function evaluatePorts(compiled: CompiledCluster, src: Pod, dst: Pod, protocolText: string, portText: string): boolean {
  const protocol = protocolText.toUpperCase();
  assert.ok(isProtocol(protocol), `protocol ${protocolText}`);
  const port = Number(portText);
  assert.ok(Number.isInteger(port), `numeric port ${portText}`);
  return evaluate(compiled, { from: { kind: 'pod', pod: src }, to: { kind: 'pod', pod: dst }, port, protocol }).allowed;
}

function registerEvalCase(corpus: string, evalCase: EvalCase, index: number, tally: FeatureTally): void {
  const src = `${evalCase.source_namespace}/${evalCase.source_pod ?? evalCase.source_workload ?? ''}`;
  const dst = `${evalCase.destination_namespace}/${evalCase.destination_pod ?? evalCase.destination_workload ?? ''}`;
  const name = `netpol-analyzer eval case ${index + 1} ${evalCase.input}: ${src} -> ${dst} ${evalCase.protocol}/${evalCase.port} is ${evalCase.expected_allowed}`;
  const kinds = inputKinds(join(corpus, evalCase.input));
  const exclusion = inputExclusion(kinds);
  const tags = ['eval-case', ...inputTags(kinds, {})];
  if (exclusion !== undefined) {
    test(name, (t) => {
      tally.record(tags, 'skip');
      t.skip(`excluded: ${exclusion}`);
    });
    return;
  }
  test(name, async () => {
    const cluster = await loadCluster(join(corpus, evalCase.input));
    const caseTags = [...tags, ...policyTags(cluster.policies)];
    try {
      const compiled = compileCluster(cluster, NETPOL_ANALYZER_ENGINE_OPTIONS);
      const from = findPod(cluster, evalCase.source_namespace, evalCase.source_pod, evalCase.source_workload);
      const to = findPod(cluster, evalCase.destination_namespace, evalCase.destination_pod, evalCase.destination_workload);
      assert.equal(evaluatePorts(compiled, from, to, evalCase.protocol, evalCase.port), evalCase.expected_allowed);
      tally.record(caseTags, 'pass');
    } catch (error) {
      tally.record(caseTags, 'fail');
      throw error;
    }
  });
}

/**
 * A pod by name; for a workload-only folder, upstream's eval runs on a pod named after the
 * workload, so a pod owned by that workload stands in for it.
 */
function findPod(cluster: Cluster, namespace: string, pod: string | undefined, workload: string | undefined): Pod {
  const byName = cluster.pods.find((p) => p.namespace === namespace && p.name === (pod ?? workload));
  const byOwner = cluster.pods.find((p) => p.namespace === namespace && p.owner?.name === (workload ?? pod));
  const found = byName ?? byOwner;
  assert.ok(found, `pod ${namespace}/${pod ?? workload ?? ''} was loaded`);
  return found;
}

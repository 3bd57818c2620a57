// The class-based connectivity map must equal pairwise evaluate() on real inputs too, not only on
// random clusters: every corpus input folder netwarden can load (v1 policies), both engine modes.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { containsPort, type PortSet } from '../../src/algebra/port-set.js';
import { compileCluster, connectivity, evaluate, isExternalEndpoint, type Endpoint } from '../../src/engine/index.js';
import { loadSources } from '../../src/load/index.js';
import type { Cluster, Pod } from '../../src/model/cluster.js';
import { PROTOCOLS } from '../../src/model/common.js';
import { corpusDir } from './corpus.js';
import { inputExclusion, inputKinds } from './netpol-analyzer-cases.js';

const MAX_PODS = 40;
const MAX_ATOMS = 16;

/** Every port a policy or container names, with its neighbours, so range edges are probed. */
function probePorts(cluster: Cluster): number[] {
  const ports = new Set<number>([1, 65535]);
  const near = (n: number) => [n - 1, n, n + 1].filter((p) => p >= 1 && p <= 65535).forEach((p) => ports.add(p));
  for (const pod of cluster.pods) for (const p of pod.ports) near(p.containerPort);
  for (const policy of cluster.policies) {
    for (const rule of [...policy.ingress, ...policy.egress]) {
      if (rule.ports.kind === 'any') continue;
      for (const entry of rule.ports.items) if (entry.port.kind === 'range') { near(entry.port.from); near(entry.port.to); }
    }
  }
  return [...ports].sort((a, b) => a - b);
}

function agree(allow: PortSet | undefined, verdict: (protocol: (typeof PROTOCOLS)[number], port: number) => boolean, ports: number[], what: string): void {
  for (const protocol of PROTOCOLS) {
    for (const port of ports) {
      assert.equal(allow !== undefined && containsPort(allow, protocol, port), verdict(protocol, port), `${what} ${protocol}/${port}`);
    }
  }
}

function checkCluster(cluster: Cluster, options: Parameters<typeof compileCluster>[1]): void {
  const compiled = compileCluster(cluster, options);
  const map = connectivity(compiled, { level: 'pod' });
  const byPair = new Map(map.connections.map((c) => [`${c.from} ${c.to}`, c.allow]));
  const ports = probePorts(cluster);
  const pod = (p: Pod): Endpoint => ({ kind: 'pod', pod: p });
  const id = (p: Pod) => `${p.namespace}/${p.name}`;
  for (const a of cluster.pods) {
    for (const b of cluster.pods) {
      if (a === b) continue;
      agree(byPair.get(`${id(a)} ${id(b)}`), (protocol, port) => evaluate(compiled, { from: pod(a), to: pod(b), port, protocol }).allowed, ports, `${id(a)} -> ${id(b)}`);
    }
  }
  const atoms = map.endpoints.filter(isExternalEndpoint);
  // Inputs with hundreds of address ranges: check an evenly spread sample of them.
  const step = Math.max(1, Math.ceil(atoms.length / MAX_ATOMS));
  for (const atom of atoms.filter((_, i) => i % step === 0)) {
    const ip: Endpoint = { kind: 'external', ip: atom.start };
    for (const p of cluster.pods) {
      agree(byPair.get(`${id(p)} ${atom.id}`), (protocol, port) => evaluate(compiled, { from: pod(p), to: ip, port, protocol }).allowed, ports, `${id(p)} -> ${atom.id}`);
      agree(byPair.get(`${atom.id} ${id(p)}`), (protocol, port) => evaluate(compiled, { from: ip, to: pod(p), port, protocol }).allowed, ports, `${atom.id} -> ${id(p)}`);
    }
  }
}

const corpus = corpusDir('netpol-analyzer');
if (corpus === undefined) {
  test('connectivity() equals pairwise evaluate() on the corpus inputs', (t) => t.skip('../shared/corpus not present'));
} else {
  const testsDir = join(corpus, 'tests');
  for (const name of readdirSync(testsDir).sort()) {
    const dir = join(testsDir, name);
    if (inputExclusion(inputKinds(dir)) !== undefined) continue;
    test(`connectivity() equals pairwise evaluate() on netpol-analyzer tests/${name}`, async (t) => {
      const { cluster, problems } = await loadSources([dir], { defaultNamespace: 'default' });
      if (cluster.pods.length > MAX_PODS || cluster.pods.length === 0 || problems.some((p) => p.kind === 'io')) {
        t.skip(`${cluster.pods.length} pods: outside 1..${MAX_PODS}, pairwise check too slow or empty`);
        return;
      }
      checkCluster(cluster, {});
      checkCluster(cluster, { ipBlockMatchesPodIPs: false, hostNetworkPods: 'pods' });
    });
  }
}

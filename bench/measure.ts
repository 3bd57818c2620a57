// The measuring child: one cluster size, in a fresh process, so that its peak RSS is this run's.
// Runs the path of `netwarden map -f <dir> -o json --level workload`: loadSources (read, parse,
// model) -> compileCluster -> connectivity(workload) -> the JSON formatter -> a file. Between
// compile and connectivity it times evaluate() on sampled connections; that time is not part of
// the end-to-end figure. Started by run-size.ts with the request as JSON in argv[2].

import { closeSync, openSync, writeSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { loadSources } from '../src/load/index.js';
import { compileCluster, connectivity, evaluate, type CompiledCluster, type Connection } from '../src/engine/index.js';
import { formatters } from '../src/report/index.js';
import { randomStream } from './prng.js';
import type { ChildMessage, MeasureRequest, Phase, PhaseFacts } from './protocol.js';

const EXTERNAL_IPS = ['203.0.113.7', '198.51.100.3', '8.8.8.8', '10.3.1.1', '2001:db8::1'];

function send(message: ChildMessage): void {
  // Synchronous enough: the runner reads these while we compute; a lost message only costs detail.
  process.send?.(message);
}

async function timed<T>(phase: Phase, work: () => T | Promise<T>, factsOf: (value: T) => PhaseFacts): Promise<T> {
  send({ type: 'start', phase });
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  send({ type: 'end', phase, ms, maxRssBytes: process.resourceUsage().maxRSS * 1024, facts: factsOf(value) });
  return value;
}

/** Random pod -> pod (or pod -> external address) connections on a port the destination declares. */
function sampleConnections(compiled: CompiledCluster, count: number, seed: number): Connection[] {
  const random = randomStream(seed, 'evaluate');
  const pods = compiled.cluster.pods;
  if (pods.length === 0) return [];
  return Array.from({ length: count }, () => {
    const from = random.pick(pods);
    if (random.chance(0.2)) {
      return { from: { kind: 'pod', pod: from }, to: { kind: 'external', ip: random.pick(EXTERNAL_IPS) }, port: 443, protocol: 'TCP' };
    }
    const to = random.pick(pods);
    const port = to.ports.length > 0 ? random.pick(to.ports) : { containerPort: 8080, protocol: 'TCP' as const };
    return { from: { kind: 'pod', pod: from }, to: { kind: 'pod', pod: to }, port: port.containerPort, protocol: port.protocol };
  });
}

function timeEvaluations(compiled: CompiledCluster, request: MeasureRequest): PhaseFacts {
  const connections = sampleConnections(compiled, request.evalSamples, request.seed);
  const times: number[] = [];
  const deadline = performance.now() + request.evalBudgetMs;
  for (const connection of connections) {
    const start = performance.now();
    evaluate(compiled, connection);
    times.push(performance.now() - start);
    if (performance.now() > deadline) break;
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
  return { evalSamples: times.length, evalMedianMs: at(0.5), evalP99Ms: at(0.99) };
}

async function main(request: MeasureRequest): Promise<void> {
  const { cluster } = await timed(
    'load',
    () => loadSources([request.dir], { defaultNamespace: 'default' }),
    (r) => ({
      pods: r.cluster.pods.length,
      policies: r.cluster.policies.length,
      namespaces: r.cluster.namespaces.length,
      loadErrors: r.problems.filter((p) => p.severity === 'error').length,
    }),
  );
  const compiled = await timed('compile', () => compileCluster(cluster), () => ({}));
  await timed('evaluate', () => timeEvaluations(compiled, request), (facts) => facts);
  const map = await timed('connectivity', () => connectivity(compiled, { level: 'workload' }), (m) => ({
    endpoints: m.endpoints.length,
    connections: m.connections.length,
  }));
  await timed(
    'serialise',
    async () => {
      // Chunk by chunk, as `netwarden map -o json > file` writes it: Node's stdout on a file is
      // synchronous (fs.writeSync per write), not fs/promises' one thread-pool round trip per chunk.
      const fd = openSync(request.outFile, 'w');
      try {
        for (const chunk of formatters.map.json(map)) writeSync(fd, chunk);
      } finally {
        closeSync(fd);
      }
      return (await stat(request.outFile)).size;
    },
    (bytes) => ({ outputBytes: bytes }),
  );
}

const request = JSON.parse(process.argv[2] ?? '{}') as MeasureRequest;
await main(request);
process.disconnect?.();

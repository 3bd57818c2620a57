// Differential: for random pairs of maps, what the diff says before and after for any two ends
// (workloads, or addresses outside the cluster) is what each map says on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { diffConnectivity, type ConnectivityDiff } from '../../src/analysis/diff.js';
import { formatIP, parseIP } from '../../src/algebra/ip-set.js';
import { EMPTY_PORT_SET, portSetKey, portSetOf, type PortSet } from '../../src/algebra/port-set.js';
import { isExternalEndpoint, type ConnectivityMap, type MapEndpoint } from '../../src/engine/types.js';
import { connection, map, range, workload } from './map-builders.js';

const NAMES = ['a', 'b', 'c', 'd'];
/** Cuts on /8 boundaries keep the cases small and readable when shrunk. */
const cutsArb = fc.uniqueArray(fc.integer({ min: 1, max: 255 }), { maxLength: 4 }).map((xs) => xs.sort((x, y) => x - y));
const portsArb = fc.constantFrom<PortSet>(portSetOf('TCP', 80, 80), portSetOf('TCP', 80, 90), portSetOf('UDP', 53, 53), portSetOf('TCP', 1, 65535));

interface MapSpec {
  readonly names: string[];
  readonly cuts: number[];
  readonly edges: [number, number, PortSet][];
}

const specArb: fc.Arbitrary<MapSpec> = fc
  .record({ names: fc.subarray(NAMES, { minLength: 1 }), cuts: cutsArb })
  .chain(({ names, cuts }) => {
    const count = names.length + cuts.length + 1;
    const edge = fc.tuple(fc.nat(count - 1), fc.nat(count - 1), portsArb);
    return fc.record({ names: fc.constant(names), cuts: fc.constant(cuts), edges: fc.array(edge, { maxLength: 12 }) });
  });

function build(spec: MapSpec): ConnectivityMap {
  const starts = [0, ...spec.cuts];
  const ranges = starts.map((s, i) => range(`${s}.0.0.0`, i + 1 < starts.length ? formatIP('IPv4', BigInt(starts[i + 1]!) * 2n ** 24n - 1n) : '255.255.255.255'));
  const endpoints: MapEndpoint[] = [...spec.names.map((n) => workload(`ns/deployment/${n}`)), ...ranges];
  const allow = new Map<string, PortSet>();
  for (const [f, t, ports] of spec.edges) {
    const from = endpoints[f]!;
    const to = endpoints[t]!;
    if (f === t || (isExternalEndpoint(from) && isExternalEndpoint(to))) continue;
    allow.set(`${from.id}>${to.id}`, ports); // the last one wins: one connection per pair
  }
  const connections = [...allow].map(([key, ports]) => {
    const [from, to] = key.split('>') as [string, string];
    return connection(from, to, ports);
  });
  return map(endpoints, connections);
}

/** An end: a workload name, or an address (as a number of /8 blocks, for the sample). */
type End = { readonly workload: string } | { readonly address: number };

function allowedIn(m: ConnectivityMap, from: End, to: End): PortSet {
  const id = (end: End): string | undefined => {
    if ('workload' in end) return m.endpoints.find((e) => e.id === `ns/deployment/${end.workload}`)?.id;
    return m.endpoints.find((e) => isExternalEndpoint(e) && contains(e, end.address))?.id;
  };
  const f = id(from);
  const t = id(to);
  return m.connections.find((c) => c.from === f && c.to === t)?.allow ?? EMPTY_PORT_SET;
}

function contains(endpoint: MapEndpoint, address: number): boolean {
  if (!isExternalEndpoint(endpoint)) return false;
  const value = BigInt(address) * 2n ** 24n;
  return parseIP(endpoint.start)!.value <= value && value <= parseIP(endpoint.end)!.value;
}

function diffSays(diff: ConnectivityDiff, from: End, to: End): { before: PortSet; after: PortSet } {
  const id = (end: End): string | undefined => {
    if ('workload' in end) return diff.endpoints.find((e) => e.endpoint.id === `ns/deployment/${end.workload}`)?.endpoint.id;
    return diff.endpoints.find((e) => contains(e.endpoint, end.address))?.endpoint.id;
  };
  const f = id(from);
  const t = id(to);
  const change = diff.changes.find((c) => c.from === f && c.to === t);
  if (change !== undefined) return { before: change.before, after: change.after };
  const same = diff.unchanged.find((c) => c.from === f && c.to === t)?.allow ?? EMPTY_PORT_SET;
  return { before: same, after: same };
}

test('the diff agrees with each map on every pair of ends, at every address', () => {
  fc.assert(
    fc.property(specArb, specArb, (beforeSpec, afterSpec) => {
      const before = build(beforeSpec);
      const after = build(afterSpec);
      const diff = diffConnectivity(before, after);
      const addresses = [...new Set([0, 255, ...beforeSpec.cuts, ...afterSpec.cuts, ...beforeSpec.cuts.map((c) => c - 1)])];
      const ends: End[] = [...NAMES.map((workload) => ({ workload })), ...addresses.map((address) => ({ address }))];
      for (const from of ends) {
        for (const to of ends) {
          if ('address' in from && 'address' in to) continue;
          if ('workload' in from && 'workload' in to && from.workload === to.workload) continue;
          const said = diffSays(diff, from, to);
          const where = `${JSON.stringify(from)} -> ${JSON.stringify(to)}`;
          assert.equal(portSetKey(said.before), portSetKey(allowedIn(before, from, to)), `before, ${where}`);
          assert.equal(portSetKey(said.after), portSetKey(allowedIn(after, from, to)), `after, ${where}`);
        }
      }
      // The common ranges partition the IPv4 space, and neighbours differ somewhere.
      const ranges = diff.endpoints.filter((e) => isExternalEndpoint(e.endpoint));
      assert.equal((ranges[0]?.endpoint as { start: string }).start, '0.0.0.0');
      assert.equal((ranges.at(-1)?.endpoint as { end: string }).end, '255.255.255.255');
      const signature = (id: string): string =>
        [...diff.changes.map((c) => [c.from, c.to, portSetKey(c.before), portSetKey(c.after)]), ...diff.unchanged.map((c) => [c.from, c.to, portSetKey(c.allow)])]
          .filter(([from, to]) => from === id || to === id)
          .map((row) => row.map((cell) => (cell === id ? '*' : cell)).join(' '))
          .sort()
          .join('\n');
      ranges.slice(1).forEach((r, i) => assert.notEqual(signature(r.endpoint.id), signature(ranges[i]!.endpoint.id), `${r.endpoint.id} could merge`));
    }),
    { numRuns: 300 },
  );
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PROTOCOLS, type Protocol } from '../../src/model/common.js';
import {
  EMPTY_PORT_SET, MAX_PORT, MIN_PORT, containsPort, equalPortSets, intersectPorts, isAllPorts, isEmptyPortSet,
  normalizeRanges, portSetKey, portSetOf, subtractPorts, unionPorts, type PortRange, type PortSet,
} from '../../src/algebra/port-set.js';

/** The brute-force twin: ranges as written (unsorted, overlapping), per protocol. */
type Raw = Record<Protocol, PortRange[]>;
type Operation = 'union' | 'intersect' | 'subtract';

const OPERATIONS = { union: unionPorts, intersect: intersectPorts, subtract: subtractPorts } as const;
const MODEL = {
  union: (x: boolean, y: boolean) => x || y,
  intersect: (x: boolean, y: boolean) => x && y,
  subtract: (x: boolean, y: boolean) => x && !y,
} as const;

function rawOf(port: fc.Arbitrary<number>): fc.Arbitrary<Raw> {
  const ranges = fc.array(fc.tuple(port, port).map(([a, b]): PortRange => (a <= b ? [a, b] : [b, a])), { maxLength: 5 });
  return fc.record({ TCP: ranges, UDP: ranges, SCTP: ranges });
}
const SMALL = 40;
const smallRaw = rawOf(fc.integer({ min: MIN_PORT, max: SMALL }));
const edge = fc.constantFrom(MIN_PORT, MIN_PORT + 1, MAX_PORT - 1, MAX_PORT);
const fullRaw = rawOf(fc.oneof(fc.integer({ min: MIN_PORT, max: MAX_PORT }), edge));

function build(raw: Raw): PortSet {
  let set = EMPTY_PORT_SET;
  for (const protocol of PROTOCOLS) for (const [from, to] of raw[protocol]) set = unionPorts(set, portSetOf(protocol, from, to));
  return deepFreeze(set);
}
/** Frozen inputs make any mutation by an operation throw (ES modules run in strict mode). */
function deepFreeze(set: PortSet): PortSet {
  for (const protocol of PROTOCOLS) set[protocol].forEach((range) => Object.freeze(range));
  PROTOCOLS.forEach((protocol) => Object.freeze(set[protocol]));
  return Object.freeze(set);
}
const inRaw = (raw: Raw, protocol: Protocol, port: number) => raw[protocol].some(([from, to]) => from <= port && port <= to);

/** Membership only changes at range ends, so these points decide equality over 1..65535. */
function criticalPorts(...raws: Raw[]): number[] {
  const points = new Set([MIN_PORT, MAX_PORT]);
  for (const raw of raws) for (const protocol of PROTOCOLS) for (const [from, to] of raw[protocol]) {
    for (const p of [from - 1, from, to, to + 1]) if (p >= MIN_PORT && p <= MAX_PORT) points.add(p);
  }
  return [...points];
}
function smallPorts(): number[] {
  return Array.from({ length: SMALL + 1 }, (_, i) => i + 1);
}

function assertCanonical(set: PortSet): void {
  for (const protocol of PROTOCOLS) {
    let previousEnd = MIN_PORT - 2;
    for (const [from, to] of set[protocol]) {
      assert.ok(Number.isInteger(from) && Number.isInteger(to) && from <= to, `${protocol} ${from}-${to}`);
      assert.ok(from >= MIN_PORT && to <= MAX_PORT, `${protocol} ${from}-${to} out of range`);
      assert.ok(from > previousEnd + 1, `${protocol} ${from}-${to} overlaps or touches the previous range`);
      previousEnd = to;
    }
  }
}

function agreesWithModel(operation: Operation, a: Raw, b: Raw, ports: number[]): void {
  const result = OPERATIONS[operation](build(a), build(b));
  assertCanonical(result);
  for (const protocol of PROTOCOLS) for (const port of ports) {
    const expected = MODEL[operation](inRaw(a, protocol, port), inRaw(b, protocol, port));
    assert.equal(containsPort(result, protocol, port), expected, `${operation} ${protocol}/${port}`);
  }
}

describe('port set properties', () => {
  for (const operation of ['union', 'intersect', 'subtract'] as const) {
    it(`${operation} agrees with the Set model over ports 1..${SMALL}`, () => {
      fc.assert(fc.property(smallRaw, smallRaw, (a, b) => agreesWithModel(operation, a, b, smallPorts())));
    });
    it(`${operation} agrees with the model over the full range 1..65535`, () => {
      fc.assert(fc.property(fullRaw, fullRaw, (a, b) => agreesWithModel(operation, a, b, criticalPorts(a, b))));
    });
  }
  it('normalizeRanges gives canonical ranges holding exactly the ports written', () => {
    fc.assert(
      fc.property(fullRaw, (raw) => {
        const ranges = normalizeRanges(raw.TCP);
        assertCanonical({ TCP: ranges, UDP: [], SCTP: [] });
        for (const port of criticalPorts(raw)) assert.equal(ranges.some(([f, t]) => f <= port && port <= t), inRaw(raw, 'TCP', port));
      }),
    );
  });
  it('equalPortSets and portSetKey agree with equality of the models', () => {
    fc.assert(
      fc.property(smallRaw, smallRaw, (a, b) => {
        const same = PROTOCOLS.every((protocol) => smallPorts().every((p) => inRaw(a, protocol, p) === inRaw(b, protocol, p)));
        assert.equal(equalPortSets(build(a), build(b)), same);
        assert.equal(portSetKey(build(a)) === portSetKey(build(b)), same);
      }),
    );
  });
  it('isEmptyPortSet and isAllPorts agree with the model', () => {
    fc.assert(
      fc.property(fullRaw, (raw) => {
        const set = build(raw);
        const points = criticalPorts(raw);
        assert.equal(isEmptyPortSet(set), PROTOCOLS.every((protocol) => points.every((p) => !inRaw(raw, protocol, p))));
        assert.equal(isAllPorts(set), PROTOCOLS.every((protocol) => points.every((p) => inRaw(raw, protocol, p))));
      }),
    );
  });
  it('a set minus itself is empty, and (a minus b) union (a intersect b) is a', () => {
    fc.assert(
      fc.property(fullRaw, fullRaw, (rawA, rawB) => {
        const [a, b] = [build(rawA), build(rawB)];
        assert.equal(subtractPorts(a, a), EMPTY_PORT_SET);
        assert.ok(equalPortSets(unionPorts(subtractPorts(a, b), intersectPorts(a, b)), a));
      }),
    );
  });
});

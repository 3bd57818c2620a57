import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  EMPTY_IP_SET, containsIP, equalIPSets, formatIP, intersectIPs, intervalToCIDRs, ipAtoms, ipSetOfBlock, parseCIDR,
  parseIP, subtractIPs, unionIPs, type IPFamily, type IPSet,
} from '../../src/algebra/ip-set.js';

/** The brute-force twin: CIDRs as (family, address with any host bits, prefix), membership by shifting. */
interface Cidr { family: IPFamily; address: bigint; prefix: number }
interface Block { cidr: Cidr; except: Cidr[] }
type Operation = 'union' | 'intersect' | 'subtract';

const BITS = { IPv4: 32, IPv6: 128 } as const;
const MAX = { IPv4: (1n << 32n) - 1n, IPv6: (1n << 128n) - 1n } as const;
const MAPPED = 0xffffn << 32n;
const OPERATIONS = { union: unionIPs, intersect: intersectIPs, subtract: subtractIPs } as const;
const MODEL = {
  union: (x: boolean, y: boolean) => x || y,
  intersect: (x: boolean, y: boolean) => x && y,
  subtract: (x: boolean, y: boolean) => x && !y,
} as const;

const inCidr = (c: Cidr, family: IPFamily, value: bigint) => {
  const shift = BigInt(BITS[c.family] - c.prefix);
  return c.family === family && value >> shift === c.address >> shift;
};
const inBlock = (b: Block, family: IPFamily, value: bigint) => inCidr(b.cidr, family, value) && !b.except.some((e) => inCidr(e, family, value));
const inModel = (blocks: Block[], family: IPFamily, value: bigint) => blocks.some((b) => inBlock(b, family, value));

/** Text written independently of formatIP: IPv4 octets with random leading zeros, IPv6 uncompressed. */
function text(c: Cidr, zeros: number): string {
  const pad = '0'.repeat(zeros);
  if (c.family === 'IPv4') return `${[24n, 16n, 8n, 0n].map((s) => pad + ((c.address >> s) & 0xffn).toString()).join('.')}/${c.prefix}`;
  return `${Array.from({ length: 8 }, (_, i) => ((c.address >> BigInt(112 - 16 * i)) & 0xffffn).toString(16).toUpperCase()).join(':')}/${c.prefix}`;
}
function build(blocks: Block[]): IPSet {
  return blocks.reduce<IPSet>((set, b, i) => {
    const block = ipSetOfBlock(text(b.cidr, i % 2), b.except.map((e) => text(e, 0)));
    assert.ok(block, text(b.cidr, i % 2));
    return unionIPs(set, block);
  }, EMPTY_IP_SET);
}

// Windows small enough to enumerate: 10.0.0.0/20 and 2001:db8::/116 (4096 addresses each).
const WINDOW = { IPv4: 0x0a000000n, IPv6: 0x20010db8n << 96n } as const;
const WINDOW_SIZE = 4096n;
const windowCidr = (family: IPFamily): fc.Arbitrary<Cidr> =>
  fc.record({
    family: fc.constant(family),
    address: fc.bigInt({ min: 0n, max: WINDOW_SIZE - 1n }).map((offset) => WINDOW[family] + offset),
    prefix: fc.integer({ min: BITS[family] - 12, max: BITS[family] }),
  });
// Anywhere in the space; IPv4-mapped IPv6 addresses are left out because they parse as IPv4.
const anyCidr = (family: IPFamily): fc.Arbitrary<Cidr> =>
  fc.record({
    family: fc.constant(family),
    address: fc.bigInt({ min: 0n, max: MAX[family] }).filter((a) => family === 'IPv4' || a >> 32n !== 0xffffn),
    prefix: fc.integer({ min: 0, max: BITS[family] }),
  });
const blocksOf = (cidr: (family: IPFamily) => fc.Arbitrary<Cidr>) => {
  const either = fc.oneof(cidr('IPv4'), cidr('IPv6'));
  return fc.array(fc.record({ cidr: either, except: fc.array(either, { maxLength: 3 }) }), { maxLength: 4 });
};
const windowBlocks = blocksOf(windowCidr);
const anyBlocks = blocksOf(anyCidr);

function assertCanonical(set: IPSet): void {
  for (const family of ['IPv4', 'IPv6'] as const) {
    let previousEnd = -2n;
    for (const [start, end] of set[family]) {
      assert.ok(start >= 0n && end <= MAX[family] && start <= end, `${family} ${start}-${end}`);
      assert.ok(start > previousEnd + 1n, `${family} ${start}-${end} overlaps or touches the previous interval`);
      previousEnd = end;
    }
  }
}
function windowPoints(family: IPFamily): bigint[] {
  return Array.from({ length: Number(WINDOW_SIZE) }, (_, i) => WINDOW[family] + BigInt(i));
}
/** Membership only changes at interval ends, so these points decide equality over a whole space. */
function criticalPoints(family: IPFamily, blocks: Block[]): bigint[] {
  const points = new Set([0n, MAX[family]]);
  for (const c of blocks.flatMap((b) => [b.cidr, ...b.except]).filter((c) => c.family === family)) {
    const size = 1n << BigInt(BITS[c.family] - c.prefix);
    const start = (c.address / size) * size;
    for (const p of [start - 1n, start, start + size - 1n, start + size]) if (p >= 0n && p <= MAX[family]) points.add(p);
  }
  return [...points];
}

function agreesWithModel(operation: Operation, a: Block[], b: Block[], points: (family: IPFamily) => bigint[]): void {
  const result = OPERATIONS[operation](build(a), build(b));
  assertCanonical(result);
  for (const family of ['IPv4', 'IPv6'] as const) for (const value of points(family)) {
    const expected = MODEL[operation](inModel(a, family, value), inModel(b, family, value));
    assert.equal(containsIP(result, { family, value }), expected, `${operation} ${formatIP(family, value)}`);
  }
}

/** Minimal cover size, counted on the binary trie: a node fully inside counts 1, else its children. */
function minimalCover(start: bigint, end: bigint, low: bigint, size: bigint): number {
  const high = low + size - 1n;
  if (high < start || low > end) return 0;
  if (start <= low && high <= end) return 1;
  const half = size / 2n;
  return minimalCover(start, end, low, half) + minimalCover(start, end, low + half, half);
}
/** parseCIDR turns an IPv4-mapped IPv6 block into IPv4; undo that to compare within the IPv6 space. */
function parseBack(family: IPFamily, cidrText: string): { start: bigint; end: bigint } {
  const c = parseCIDR(cidrText);
  assert.ok(c && !c.hostBitsSet, cidrText);
  if (family === 'IPv6' && c.family === 'IPv4') return { start: c.start | MAPPED, end: c.end | MAPPED };
  assert.equal(c.family, family);
  return c;
}
const interval = (family: IPFamily): fc.Arbitrary<readonly [bigint, bigint]> =>
  fc.tuple(fc.bigInt({ min: 0n, max: MAX[family] }), fc.bigInt({ min: 0n, max: MAX[family] })).map(([x, y]) => (x <= y ? [x, y] : [y, x]));

describe('IP set properties', () => {
  for (const operation of ['union', 'intersect', 'subtract'] as const) {
    it(`${operation} agrees with enumeration over 10.0.0.0/20 and 2001:db8::/116`, () => {
      fc.assert(fc.property(windowBlocks, windowBlocks, (a, b) => agreesWithModel(operation, a, b, windowPoints)), { numRuns: 40 });
    });
    it(`${operation} agrees with the model over both whole address spaces`, () => {
      fc.assert(fc.property(anyBlocks, anyBlocks, (a, b) => agreesWithModel(operation, a, b, (f) => [...criticalPoints(f, a), ...criticalPoints(f, b)])));
    });
  }
  it('equalIPSets agrees with equality of the models', () => {
    fc.assert(
      fc.property(windowBlocks, windowBlocks, (a, b) => {
        const same = (['IPv4', 'IPv6'] as const).every((f) => windowPoints(f).every((v) => inModel(a, f, v) === inModel(b, f, v)));
        assert.equal(equalIPSets(build(a), build(b)), same);
      }),
      { numRuns: 40 },
    );
  });
  for (const family of ['IPv4', 'IPv6'] as const) {
    it(`intervalToCIDRs covers an ${family} interval exactly, with the fewest blocks`, () => {
      fc.assert(
        fc.property(interval(family), ([start, end]) => {
          const blocks = intervalToCIDRs(family, start, end).map((t) => parseBack(family, t));
          blocks.forEach((block, i) => assert.equal(block.start, i === 0 ? start : (blocks[i - 1]?.end ?? 0n) + 1n));
          assert.equal(blocks.at(-1)?.end, end);
          assert.equal(blocks.length, minimalCover(start, end, 0n, MAX[family] + 1n));
        }),
      );
    });
  }
  it('parseIP(formatIP(x)) gives x back, an IPv4-mapped IPv6 address as its IPv4 address', () => {
    const address = fc.oneof(
      fc.record({ family: fc.constant<IPFamily>('IPv4'), value: fc.bigInt({ min: 0n, max: MAX.IPv4 }) }),
      fc.record({ family: fc.constant<IPFamily>('IPv6'), value: fc.bigInt({ min: 0n, max: MAX.IPv6 }) }),
      fc.record({ family: fc.constant<IPFamily>('IPv6'), value: fc.bigInt({ min: 0n, max: MAX.IPv4 }).map((v) => v | MAPPED) }),
    );
    fc.assert(
      fc.property(address, ({ family, value }) => {
        const mapped = family === 'IPv6' && value >> 32n === 0xffffn;
        const expected = mapped ? { family: 'IPv4', value: value & MAX.IPv4 } : { family, value };
        assert.deepEqual(parseIP(formatIP(family, value)), expected);
      }),
    );
  });
  it('parseCIDR of a canonical text gives the same network and no sloppiness flags', () => {
    fc.assert(
      fc.property(fc.oneof(anyCidr('IPv4'), anyCidr('IPv6')), fc.nat({ max: 2 }), (c, zeros) => {
        const sloppy = parseCIDR(text(c, zeros));
        assert.ok(sloppy);
        const again = parseCIDR(sloppy.canonical);
        assert.deepEqual({ ...again, hostBitsSet: false, leadingZeros: false }, { ...sloppy, hostBitsSet: false, leadingZeros: false });
        assert.deepEqual([again?.hostBitsSet, again?.leadingZeros], [false, false]);
      }),
    );
  });
  it('ipAtoms partitions each family into atoms inside or outside each set, cut only where needed', () => {
    fc.assert(
      fc.property(fc.array(anyBlocks, { maxLength: 3 }), (models) => {
        const sets = models.map(build);
        const atoms = ipAtoms(sets, ['IPv6', 'IPv4']);
        for (const family of ['IPv4', 'IPv6'] as const) {
          const mine = atoms.filter((a) => a.family === family);
          assert.equal(mine[0]?.start, 0n);
          assert.equal(mine.at(-1)?.end, MAX[family]);
          const signature = (v: bigint) => sets.map((s) => containsIP(s, { family, value: v })).join();
          mine.forEach((atom, i) => {
            if (i > 0) assert.equal(atom.start, (mine[i - 1]?.end ?? -1n) + 1n);
            const atomSet = { IPv4: [], IPv6: [], [family]: [[atom.start, atom.end]] } as IPSet;
            for (const set of sets) assert.ok([EMPTY_IP_SET, atomSet].some((x) => equalIPSets(intersectIPs(atomSet, set), x)));
            if (i > 0) assert.notEqual(signature(atom.start), signature(atom.start - 1n), 'a cut between atoms with the same membership');
          });
        }
        assert.deepEqual(atoms.map((a) => a.family), [...atoms.filter((a) => a.family === 'IPv4'), ...atoms.filter((a) => a.family === 'IPv6')].map((a) => a.family));
      }),
      { numRuns: 50 },
    );
  });
});

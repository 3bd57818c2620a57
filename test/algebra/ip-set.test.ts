import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ALL_IPS, EMPTY_IP_SET, containsIP, equalIPSets, formatIP, intersectIPs, intervalToCIDRs, ipAtoms, ipSetOfBlock,
  ipSetOfCIDR, isEmptyIPSet, parseCIDR, parseIP, subtractIPs, unionIPs, type IPSet,
} from '../../src/algebra/ip-set.js';

const v4 = (text: string): bigint => {
  const ip = parseIP(text);
  assert.ok(ip?.family === 'IPv4', text);
  return ip.value;
};
const block = (cidr: string, ...except: string[]): IPSet => {
  const set = ipSetOfBlock(cidr, except);
  assert.ok(set, cidr);
  return set;
};
const has = (set: IPSet, text: string) => {
  const ip = parseIP(text);
  assert.ok(ip, text);
  return containsIP(set, ip);
};
/** The set as CIDR text, for readable expectations. */
const cidrs = (set: IPSet) => [...set.IPv4.flatMap(([s, e]) => intervalToCIDRs('IPv4', s, e)), ...set.IPv6.flatMap(([s, e]) => intervalToCIDRs('IPv6', s, e))];

describe('parseIP', () => {
  it('reads an IPv4 dotted quad', () => {
    assert.deepEqual(parseIP('192.168.1.10'), { family: 'IPv4', value: 0xc0a8010an });
  });
  it('reads IPv4 octets with leading zeros as decimal, not octal', () => {
    assert.equal(v4('010.001.000.009'), v4('10.1.0.9'));
  });
  it('rejects IPv4 text that is not exactly four octets of 0..255', () => {
    for (const text of ['1.2.3', '1.2.3.4.5', '256.0.0.1', '1..2.3', '1.2.3.-4', '0x1.2.3.4', '1.2.3.4 ', ' 1.2.3.4', '']) {
      assert.equal(parseIP(text), undefined, JSON.stringify(text));
    }
  });
  it('reads IPv6 with "::" anywhere, upper or lower case', () => {
    assert.deepEqual(parseIP('::'), { family: 'IPv6', value: 0n });
    assert.deepEqual(parseIP('::1'), { family: 'IPv6', value: 1n });
    assert.deepEqual(parseIP('1::'), { family: 'IPv6', value: 1n << 112n });
    assert.deepEqual(parseIP('2001:DB8::aB:1'), parseIP('2001:0db8:0:0:0:0:00ab:0001'));
    assert.deepEqual(parseIP('1:2:3:4:5:6:7::'), parseIP('1:2:3:4:5:6:7:0'));
  });
  it('reads IPv6 with an embedded dotted quad as its last 32 bits', () => {
    assert.deepEqual(parseIP('::1.2.3.4'), { family: 'IPv6', value: 0x01020304n });
    assert.deepEqual(parseIP('64:ff9b::192.0.2.33'), parseIP('64:ff9b::c000:221'));
    assert.deepEqual(parseIP('1:2:3:4:5:6:1.2.3.4'), parseIP('1:2:3:4:5:6:102:304'));
  });
  it('treats an IPv4-mapped IPv6 address as the IPv4 address (semantics §2.6)', () => {
    assert.deepEqual(parseIP('::ffff:10.1.2.3'), { family: 'IPv4', value: v4('10.1.2.3') });
    assert.deepEqual(parseIP('::FFFF:a01:203'), { family: 'IPv4', value: v4('10.1.2.3') });
  });
  it('rejects malformed IPv6 text, zone ids and whitespace', () => {
    const bad = ['1::2::3', ':::', '1:2:3:4:5:6:7:8::', '::1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '1:', ':1',
      '10000::', 'g::', 'fe80::1%eth0', ' ::1', '::1 ', '1.2.3.4::', '::1.2.3.4:5', '1:2:3:4:5:6:7:1.2.3.4', '::256.1.1.1'];
    for (const text of bad) assert.equal(parseIP(text), undefined, text);
  });
  it('accepts hex groups with extra leading zeros, as the sloppy Go parser does', () => {
    assert.deepEqual(parseIP('00000001::'), parseIP('1::'));
  });
});

describe('parseCIDR', () => {
  it('masks host bits: 10.1.2.3/8 is the network 10.0.0.0/8 (semantics §2.6)', () => {
    const cidr = parseCIDR('10.1.2.3/8');
    assert.deepEqual(cidr, {
      family: 'IPv4', prefix: 8, start: v4('10.0.0.0'), end: v4('10.255.255.255'),
      hostBitsSet: true, leadingZeros: false, canonical: '10.0.0.0/8',
    });
  });
  it('reads 010.0.0.0/8 as decimal 10.0.0.0/8 and flags the leading zeros (semantics §7.6)', () => {
    const cidr = parseCIDR('010.0.0.0/8');
    assert.equal(cidr?.canonical, '10.0.0.0/8');
    assert.equal(cidr.leadingZeros, true);
    assert.equal(cidr.hostBitsSet, false);
  });
  it('flags leading zeros in the prefix but not a plain 0', () => {
    assert.deepEqual([parseCIDR('10.0.0.0/08')?.leadingZeros, parseCIDR('10.0.0.0/08')?.prefix], [true, 8]);
    assert.equal(parseCIDR('0.0.0.0/0')?.leadingZeros, false);
  });
  it('/0 covers a whole family and /32 or /128 a single address', () => {
    assert.deepEqual([parseCIDR('0.0.0.0/0')?.start, parseCIDR('0.0.0.0/0')?.end], [0n, 0xffffffffn]);
    assert.deepEqual([parseCIDR('::/0')?.start, parseCIDR('::/0')?.end], [0n, (1n << 128n) - 1n]);
    assert.equal(parseCIDR('1.2.3.4/0')?.canonical, '0.0.0.0/0');
    const single = parseCIDR('1.2.3.4/32');
    assert.deepEqual([single?.start, single?.end, single?.hostBitsSet], [v4('1.2.3.4'), v4('1.2.3.4'), false]);
    assert.deepEqual([parseCIDR('::1/128')?.start, parseCIDR('::1/128')?.end], [1n, 1n]);
  });
  it('gives IPv6 networks in RFC 5952 text', () => {
    assert.equal(parseCIDR('2001:DB8:0:0:1::1/64')?.canonical, '2001:db8::/64');
    assert.equal(parseCIDR('2001:db8::1/64')?.hostBitsSet, true);
  });
  it('reads an IPv4-mapped IPv6 CIDR as IPv4 with prefix - 96', () => {
    const cidr = parseCIDR('::ffff:10.0.0.0/104');
    assert.deepEqual([cidr?.family, cidr?.prefix, cidr?.canonical], ['IPv4', 8, '10.0.0.0/8']);
  });
  it('keeps a CIDR as IPv6 when masking leaves no IPv4-mapped network', () => {
    assert.deepEqual([parseCIDR('::ffff:10.0.0.0/80')?.family, parseCIDR('::ffff:10.0.0.0/80')?.canonical], ['IPv6', '::/80']);
  });
  it('rejects prefixes out of range and anything but "address/decimal prefix"', () => {
    const bad = ['1.2.3.4/33', '::/129', '1.2.3.4', '/8', '10.0.0.0/', '10.0.0.0/8/8', '10.0.0.0/-1', '10.0.0.0/ 8',
      '10.0.0.0/0x8', ' 10.0.0.0/8', '10.0.0.0/8 ', '10.0.0/8', 'fe80::/64%eth0', 'fe80::%eth0/64', ''];
    for (const text of bad) assert.equal(parseCIDR(text), undefined, JSON.stringify(text));
  });
});

describe('formatIP', () => {
  const cases: [bigint, string][] = [
    [0n, '::'],
    [1n, '::1'],
    [1n << 112n, '1::'],
    [0x20010db8000000000000000000000001n, '2001:db8::1'],
    [0x20010db8000000010001000100010001n, '2001:db8:0:1:1:1:1:1'], // one zero group is not compressed
    [0x20010000000000010000000000000001n, '2001:0:0:1::1'], // the longest run wins
    [0x00010000000000010001000000000001n, '1::1:1:0:0:1'], // the leftmost run wins a tie
    [0x20010db800000000000000000000abcdn, '2001:db8::abcd'], // lowercase
    [0x000000000000000000000000ffff0102_0304n, '::ffff:1.2.3.4'], // RFC 5952 §5: mapped keeps the dotted quad
  ];
  for (const [value, text] of cases) {
    it(`prints ${text} in RFC 5952 form`, () => assert.equal(formatIP('IPv6', value), text));
  }
  it('prints IPv4 as a dotted quad without leading zeros', () => {
    assert.equal(formatIP('IPv4', v4('010.000.001.002')), '10.0.1.2');
    assert.equal(formatIP('IPv4', 0xffffffffn), '255.255.255.255');
  });
  it('reduces values outside the family space instead of throwing', () => {
    assert.equal(formatIP('IPv4', (1n << 32n) + 5n), '0.0.0.5');
    assert.equal(formatIP('IPv4', -1n), '255.255.255.255');
  });
});

describe('ipSetOfBlock', () => {
  it('removes every except from the cidr', () => {
    assert.deepEqual(cidrs(block('10.0.0.0/8', '10.128.0.0/9', '10.0.0.0/9')), []);
    assert.deepEqual(cidrs(block('10.0.0.0/24', '10.0.0.128/25')), ['10.0.0.0/25']);
    assert.deepEqual(cidrs(block('10.0.0.0/30', '10.0.0.1/32', '10.0.0.2/32')), ['10.0.0.0/32', '10.0.0.3/32']);
  });
  it('an address in both cidr and except is not in the block', () => {
    const set = block('10.0.0.0/8', '10.1.0.0/16');
    assert.equal(has(set, '10.1.2.5'), false);
    assert.equal(has(set, '10.2.0.0'), true);
    assert.equal(has(set, '11.0.0.0'), false);
  });
  it('masks sloppy cidr and except values before subtracting', () => {
    assert.deepEqual(cidrs(block('10.1.2.3/8', '010.001.2.3/16')), cidrs(block('10.0.0.0/8', '10.1.0.0/16')));
  });
  it('ignores an except of the other family and overlapping excepts', () => {
    assert.deepEqual(cidrs(block('10.0.0.0/8', '::/0', '10.0.0.0/9', '10.0.0.0/10')), ['10.128.0.0/9']);
  });
  it('is undefined when the cidr or any except does not parse', () => {
    assert.equal(ipSetOfBlock('10.0.0.0/33', []), undefined);
    assert.equal(ipSetOfBlock('10.0.0.0/8', ['10.1.0.0/16', 'nope']), undefined);
  });
  it('never matches across families: 0.0.0.0/0 holds no IPv6 and ::/0 no IPv4', () => {
    assert.equal(has(block('0.0.0.0/0'), '::1'), false);
    assert.equal(has(block('::/0'), '1.2.3.4'), false);
    assert.equal(has(block('::/0'), '::ffff:1.2.3.4'), false, 'a mapped address is IPv4');
  });
});

describe('IP set operations', () => {
  it('union merges adjacent intervals and keeps families apart', () => {
    const set = unionIPs(unionIPs(block('10.0.0.0/25'), block('10.0.0.128/25')), block('2001:db8::/64'));
    assert.deepEqual(cidrs(set), ['10.0.0.0/24', '2001:db8::/64']);
  });
  it('union of both whole families is the shared ALL_IPS', () => {
    assert.equal(unionIPs(block('0.0.0.0/0'), block('::/0')), ALL_IPS);
  });
  it('intersection and subtraction return the shared EMPTY_IP_SET when nothing is left', () => {
    assert.equal(intersectIPs(block('10.0.0.0/8'), block('::/0')), EMPTY_IP_SET);
    assert.equal(subtractIPs(block('10.0.0.0/8'), block('0.0.0.0/0')), EMPTY_IP_SET);
    assert.equal(isEmptyIPSet(subtractIPs(block('10.0.0.0/24'), block('10.0.0.0/25', '10.0.0.0/26'))), false);
  });
  it('subtracting a hole in the middle leaves the two sides', () => {
    assert.deepEqual(cidrs(subtractIPs(block('10.0.0.0/30'), block('10.0.0.1/32'))), ['10.0.0.0/32', '10.0.0.2/31']);
  });
  it('equal sets built differently are equal', () => {
    assert.equal(equalIPSets(block('10.0.0.0/23'), unionIPs(block('10.0.1.0/24'), block('10.0.0.0/24'))), true);
    assert.equal(equalIPSets(block('10.0.0.0/23'), block('10.0.0.0/24')), false);
  });
  it('ipSetOfCIDR of /0 is the whole family', () => {
    const whole = parseCIDR('::/0');
    assert.ok(whole);
    assert.deepEqual(ipSetOfCIDR(whole), { IPv4: [], IPv6: ALL_IPS.IPv6 });
  });
});

describe('intervalToCIDRs', () => {
  it('covers a whole family with one /0', () => {
    assert.deepEqual(intervalToCIDRs('IPv4', 0n, 0xffffffffn), ['0.0.0.0/0']);
    assert.deepEqual(intervalToCIDRs('IPv6', 0n, (1n << 128n) - 1n), ['::/0']);
  });
  it('covers an unaligned range with the fewest blocks', () => {
    assert.deepEqual(intervalToCIDRs('IPv4', 1n, 10n), ['0.0.0.1/32', '0.0.0.2/31', '0.0.0.4/30', '0.0.0.8/31', '0.0.0.10/32']);
    assert.deepEqual(intervalToCIDRs('IPv4', v4('10.0.0.0'), v4('10.0.1.255')), ['10.0.0.0/23']);
  });
  it('covers a single address with a /32 or /128', () => {
    assert.deepEqual(intervalToCIDRs('IPv4', 7n, 7n), ['0.0.0.7/32']);
    assert.deepEqual(intervalToCIDRs('IPv6', 1n, 1n), ['::1/128']);
  });
  it('is empty when start is above end', () => {
    assert.deepEqual(intervalToCIDRs('IPv4', 5n, 4n), []);
  });
  it('prints IPv4-mapped IPv6 blocks with a dotted quad', () => {
    assert.deepEqual(intervalToCIDRs('IPv6', 0xffffn << 32n, (0xffffn << 32n) | 0xffffffffn), ['::ffff:0.0.0.0/96']);
  });
});

describe('ipAtoms', () => {
  it('without sets gives one atom per requested family, IPv4 first', () => {
    assert.deepEqual(ipAtoms([], ['IPv6', 'IPv4']), [
      { family: 'IPv4', start: 0n, end: 0xffffffffn },
      { family: 'IPv6', start: 0n, end: (1n << 128n) - 1n },
    ]);
  });
  it('cuts at every boundary so each atom is inside or outside each set', () => {
    const atoms = ipAtoms([block('10.0.0.0/8', '10.1.0.0/16'), block('10.1.2.0/24')], ['IPv4']);
    const text = atoms.map(({ start, end }) => `${formatIP('IPv4', start)}-${formatIP('IPv4', end)}`);
    assert.deepEqual(text, [
      '0.0.0.0-9.255.255.255', '10.0.0.0-10.0.255.255', '10.1.0.0-10.1.1.255', '10.1.2.0-10.1.2.255',
      '10.1.3.0-10.1.255.255', '10.2.0.0-10.255.255.255', '11.0.0.0-255.255.255.255',
    ]);
  });
  it('leaves out families that were not asked for', () => {
    assert.deepEqual(ipAtoms([block('2001:db8::/32')], ['IPv4']), [{ family: 'IPv4', start: 0n, end: 0xffffffffn }]);
  });
  it('does not cut at the ends of the address space', () => {
    assert.equal(ipAtoms([block('0.0.0.0/1'), block('128.0.0.0/1')], ['IPv4']).length, 2);
    assert.equal(ipAtoms([ALL_IPS], ['IPv4', 'IPv6']).length, 2);
  });
});

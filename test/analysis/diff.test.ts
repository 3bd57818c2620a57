import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { diffConnectivity, hasChanges, type ConnectivityDiff } from '../../src/analysis/diff.js';
import { compactChanges } from '../../src/analysis/diff-compact.js';
import { portSetKey } from '../../src/algebra/port-set.js';
import { connection, map, ports, range, workload } from './map-builders.js';

const web = workload('shop/deployment/web');
const db = workload('shop/deployment/db');
const worker = workload('shop/deployment/worker');
const everywhere = range('0.0.0.0', '255.255.255.255');

/** Changes as short lines: `added web -> db TCP/80 => all`. */
function lines(diff: ConnectivityDiff): string[] {
  const name = (id: string): string => id.replace(/^shop\/deployment\//, '');
  return diff.changes.map((c) => `${c.change} ${name(c.from)} -> ${name(c.to)} ${portSetKey(c.before)} => ${portSetKey(c.after)}`);
}

describe('diffConnectivity', () => {
  test('a connection only the second map allows is added, with every port it allows gained', () => {
    const before = map([web, db], []);
    const after = map([web, db], [connection(web.id, db.id, ports('TCP/5432'))]);
    const diff = diffConnectivity(before, after);
    assert.deepEqual(lines(diff), ['added web -> db T|U|S => T5432|U|S']);
    assert.equal(portSetKey(diff.changes[0]!.gained), 'T5432|U|S');
    assert.equal(portSetKey(diff.changes[0]!.lost), 'T|U|S');
  });

  test('a connection only the first map allows is removed, with every port it allowed lost', () => {
    const diff = diffConnectivity(map([web, db], [connection(web.id, db.id, ports('all'))]), map([web, db], []));
    assert.deepEqual(lines(diff), ['removed web -> db T1-65535|U1-65535|S1-65535 => T|U|S']);
    assert.equal(portSetKey(diff.changes[0]!.lost), 'T1-65535|U1-65535|S1-65535');
  });

  test('a connection both maps allow on other ports is changed, with the ports gained and lost per protocol', () => {
    const before = map([web, db], [connection(web.id, db.id, ports('TCP/5432', 'TCP/9000-9100', 'UDP/53'))]);
    const after = map([web, db], [connection(web.id, db.id, ports('TCP/5432', 'TCP/9000-9050', 'TCP/9187', 'UDP/53'))]);
    const [change] = diffConnectivity(before, after).changes;
    assert.equal(change?.change, 'changed');
    assert.equal(portSetKey(change.gained), 'T9187|U|S');
    assert.equal(portSetKey(change.lost), 'T9051-9100|U|S');
  });

  test('equal maps have no change and every connection unchanged', () => {
    const both = map([web, db, everywhere], [connection(web.id, db.id, ports('TCP/80')), connection(everywhere.id, web.id, ports('all'))]);
    const diff = diffConnectivity(both, both);
    assert.deepEqual(diff.changes, []);
    assert.equal(diff.unchanged.length, 2);
    assert.equal(hasChanges(diff), false);
  });

  test('changes are listed added, then removed, then changed, each by source then destination in endpoint order', () => {
    const before = map([db, web, worker], [connection(worker.id, db.id, ports('TCP/1')), connection(web.id, db.id, ports('TCP/1'))]);
    const after = map([db, web, worker], [
      connection(db.id, worker.id, ports('TCP/2')), connection(db.id, web.id, ports('TCP/2')), connection(web.id, db.id, ports('TCP/3')),
    ]);
    assert.deepEqual(lines(diffConnectivity(before, after)), [
      'added db -> web T|U|S => T2|U|S',
      'added db -> worker T|U|S => T2|U|S',
      'removed worker -> db T1|U|S => T|U|S',
      'changed web -> db T1|U|S => T3|U|S',
    ]);
  });

  test('an endpoint in one map only is added or removed, which counts as a change even without connections', () => {
    const diff = diffConnectivity(map([web, worker], []), map([db, web], []));
    assert.deepEqual(diff.endpoints.map((e) => `${e.endpoint.id} ${e.presence}`), [
      'shop/deployment/db added', 'shop/deployment/web both', 'shop/deployment/worker removed',
    ]);
    assert.deepEqual(diff.changes, []);
    assert.equal(hasChanges(diff), true);
  });

  test('maps of different levels are not compared', () => {
    assert.throws(() => diffConnectivity(map([], [], 'pod'), map([], [], 'workload')), /pod map with a workload map/);
  });
});

describe('address ranges of a diff', () => {
  const low = range('0.0.0.0', '9.255.255.255');
  const ten = range('10.0.0.0', '10.255.255.255');
  const high = range('11.0.0.0', '255.255.255.255');

  test('both maps are cut at the boundaries of either, so a change inside one range of the first map is found', () => {
    const before = map([db, everywhere], [connection(everywhere.id, db.id, ports('TCP/5432'))]);
    const after = map([db, low, ten, high], [connection(low.id, db.id, ports('TCP/5432')), connection(high.id, db.id, ports('TCP/5432'))]);
    const diff = diffConnectivity(before, after);
    assert.deepEqual(diff.endpoints.map((e) => e.endpoint.id), [db.id, '0.0.0.0-9.255.255.255', '10.0.0.0/8', '11.0.0.0-255.255.255.255']);
    assert.deepEqual(lines(diff), ['removed 10.0.0.0/8 -> db T5432|U|S => T|U|S']);
    assert.deepEqual(diff.unchanged.map((c) => c.from), ['0.0.0.0-9.255.255.255', '11.0.0.0-255.255.255.255']);
  });

  test('neighbouring ranges that both maps treat alike are one range', () => {
    const before = map([db, low, ten, high], [low, ten, high].map((r) => connection(db.id, r.id, ports('UDP/53'))));
    const after = map([db, everywhere], [connection(db.id, everywhere.id, ports('UDP/53', 'TCP/443'))]);
    const diff = diffConnectivity(before, after);
    assert.deepEqual(diff.endpoints.map((e) => e.endpoint.id), [db.id, '0.0.0.0/0']);
    assert.deepEqual(lines(diff), ['changed db -> 0.0.0.0/0 T|U53|S => T443|U53|S']);
  });

  test('IPv6 ranges that only the second map analysed are endpoints added with it', () => {
    const v6 = range('::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
    const before = map([db, everywhere], [connection(db.id, everywhere.id, ports('all'))]);
    const after = map([db, everywhere, v6], [connection(db.id, everywhere.id, ports('all')), connection(db.id, v6.id, ports('all'))]);
    const diff = diffConnectivity(before, after);
    assert.deepEqual(diff.endpoints.map((e) => `${e.endpoint.id} ${e.presence}`), ['shop/deployment/db both', '0.0.0.0/0 both', '::/0 added']);
    assert.deepEqual(lines(diff), ['added db -> ::/0 T|U|S => T1-65535|U1-65535|S1-65535']);
  });
});

describe('compactChanges', () => {
  test('touching ranges with the same change towards one endpoint are one row, named as one CIDR when they make one', () => {
    const a = range('10.0.0.0', '10.0.255.255');
    const b = range('10.1.0.0', '10.1.255.255');
    const c = range('10.2.0.0', '10.255.255.255');
    const before = map([db, web, a, b, c], []);
    const after = map([db, web, a, b, c], [
      connection(db.id, a.id, ports('TCP/443')), connection(db.id, b.id, ports('TCP/443')), connection(db.id, c.id, ports('TCP/80')),
      connection(a.id, web.id, ports('TCP/8080')), connection(c.id, web.id, ports('TCP/8080')),
    ]);
    const rows = compactChanges(diffConnectivity(before, after)).map((r) => `${r.from} -> ${r.to}`);
    assert.deepEqual(rows, [
      'shop/deployment/db -> 10.0.0.0/15',
      'shop/deployment/db -> 10.2.0.0-10.255.255.255',
      '10.0.0.0/16 -> shop/deployment/web',
      '10.2.0.0-10.255.255.255 -> shop/deployment/web',
    ]);
  });
});

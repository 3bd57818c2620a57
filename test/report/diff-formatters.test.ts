import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { diffConnectivity } from '../../src/analysis/diff.js';
import { formatToString, formatters } from '../../src/report/index.js';
import { connection, map, ports, range, workload } from '../analysis/map-builders.js';

const web = workload('shop/deployment/web');
const db = workload('shop/deployment/db');
const legacy = workload('shop/deployment/legacy');
const low = range('0.0.0.0', '9.255.255.255');
const ten = range('10.0.0.0', '10.255.255.255');
const high = range('11.0.0.0', '255.255.255.255');
const diff = diffConnectivity(
  map([db, legacy, web, low, ten, high], [
    connection(web.id, db.id, ports('TCP/5432', 'TCP/9000-9100')),
    connection(legacy.id, db.id, ports('all')),
    connection(ten.id, db.id, ports('TCP/5432')),
  ]),
  map([db, web, low, ten, high], [
    connection(web.id, db.id, ports('TCP/5432', 'TCP/9187')),
    connection(db.id, low.id, ports('UDP/53')),
    connection(db.id, ten.id, ports('UDP/53')),
    connection(db.id, high.id, ports('UDP/53')),
  ]),
);

describe('diff formatters', () => {
  test('-o yaml reads back as the same document as -o json', () => {
    const json: unknown = JSON.parse(formatToString(formatters.diff.json, diff));
    assert.deepEqual(parse(formatToString(formatters.diff.yaml, diff)), json);
  });

  test('-o json lists every endpoint with its presence and every change with its ports', () => {
    const json = JSON.parse(formatToString(formatters.diff.json, diff));
    assert.deepEqual(json.summary, { added: 3, removed: 2, changed: 1, unchanged: 0, endpointsAdded: 0, endpointsRemoved: 1 });
    assert.deepEqual(json.endpoints[1], { id: 'shop/deployment/legacy', kind: 'Deployment', namespace: 'shop', name: 'legacy', presence: 'removed' });
    assert.deepEqual(json.changes.at(-1), {
      change: 'changed',
      from: 'shop/deployment/web',
      to: 'shop/deployment/db',
      before: { TCP: [[5432, 5432], [9000, 9100]] },
      after: { TCP: [[5432, 5432], [9187, 9187]] },
      gained: { TCP: [[9187, 9187]] },
      lost: { TCP: [[9000, 9100]] },
    });
  });

  test('the table, csv and md merge touching ranges that changed alike into one row; json keeps one per range', () => {
    const table = formatToString(formatters.diff.table, diff);
    assert.match(table, /^added +shop\/deployment\/db +0\.0\.0\.0\/0 +none +UDP\/53$/m);
    assert.match(formatToString(formatters.diff.csv, diff), /^added,shop\/deployment\/db,0\.0\.0\.0\/0,none,UDP\/53,UDP\/53,none,$/m);
    // 10.0.0.0/8 is a range of its own (it reached db before), so the json has three added rows
    const added = JSON.parse(formatToString(formatters.diff.json, diff)).changes.filter((c: { change: string }) => c.change === 'added');
    assert.deepEqual(added.map((c: { to: string }) => c.to), ['0.0.0.0-9.255.255.255', '10.0.0.0/8', '11.0.0.0-255.255.255.255']);
  });

  test('a removed endpoint is named in the note of its rows and listed at the end', () => {
    const table = formatToString(formatters.diff.table, diff);
    assert.match(table, /^removed +shop\/deployment\/legacy +shop\/deployment\/db +all +none +FROM was removed$/m);
    assert.match(table, /^Endpoints removed \(1\):\n {2}shop\/deployment\/legacy\n$/m);
  });

  test('every format says the same thing whatever the chunk length', () => {
    for (const [name, format] of Object.entries(formatters.diff)) {
      const whole = formatToString(format, diff);
      assert.equal(formatToString(format, diff, { chunkLength: 7 }), whole, name);
    }
  });
});

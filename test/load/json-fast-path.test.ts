// Strict JSON is read by a fast path; it must give exactly what the YAML parser gives.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { jsonToPlain } from '../../src/load/json-to-plain.js';
import { childLineOf, lineOf } from '../../src/load/positions.js';
import { fixtureText, loadText, printed } from './helpers.js';

describe('JSON fast path', () => {
  it('loads strict JSON with the same cluster, problems and lines as the YAML parser', () => {
    const json = fixtureText('json-pod-and-list.json');
    const fast = loadText(json, 'x.json');
    // A trailing YAML comment makes the text not strict JSON, so it takes the YAML path.
    const slow = loadText(`${json}\n# not JSON any more\n`, 'x.json');
    assert.deepEqual(printed(fast), printed(slow));
    assert.deepEqual(fast.cluster, slow.cluster);
    assert.equal(printed(fast).length, 1);
  });

  it('records the line of every object, key and item', () => {
    const doc = jsonToPlain('{\n  "a": [\n    1,\n    {"b": 2}\n  ],\n  "c": 3\n}\n');
    assert.ok(doc);
    const root = doc.value as { a: unknown[] };
    assert.equal(doc.line, 1);
    assert.equal(childLineOf(root, 'a'), 2);
    assert.equal(childLineOf(root, 'c'), 6);
    assert.equal(childLineOf(root.a, 1), 4);
    assert.equal(lineOf(root.a[1]), 4);
  });

  it('leaves anything but one strict JSON value to the YAML parser', () => {
    for (const text of ['{"a": 1, "a": 2}', '{"a": 1,}', '{"a": 1} {"b": 2}', "{'a': 1}", '{"a": 01}', '[1, 2', '{"a": "tab\there"}']) {
      assert.equal(jsonToPlain(text), undefined, text);
    }
    assert.deepEqual(jsonToPlain(' {"a": "\\u00e9\\n", "b": [true, false, null, -1.5e3]} ')?.value, { a: 'é\n', b: [true, false, null, -1500] });
  });

  it('duplicate keys are reported by the YAML parser', () => {
    assert.deepEqual(printed(loadText('{"kind": "Pod", "kind": "Pod"}', 'd.json')), ['d.json:1:17: Map keys must be unique']);
  });
});

// kubectl (go-yaml) accepts tabs at the start of a line inside a flow collection; so do we.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixFlowIndentTabs } from '../../src/load/flow-tabs.js';
import { loadFixture, printed } from './helpers.js';

describe('tabs inside flow collections', () => {
  it('a Deployment with a tab-indented line inside `args: [...]` loads', () => {
    const result = loadFixture('tab-at-line-start-inside-flow-sequence.yaml');
    assert.deepEqual(printed(result), []);
    assert.deepEqual(result.cluster.workloads.map((w) => [w.name, w.ports.map((p) => p.containerPort)]), [['webapp', [8080]]]);
  });

  it('only leading whitespace of lines inside a flow collection changes, and no line is added', () => {
    const text = 'a:\n  [\n\t"x",\n  ]\nb: |\n  [\n\tliteral tab\n';
    const fixed = fixFlowIndentTabs(text);
    assert.equal(fixed.split('\n').length, text.split('\n').length);
    assert.deepEqual(fixed.split('\n'), ['a:', '  [', '   "x",', '  ]', 'b: |', '  [', '\tliteral tab', '']);
  });

  it('brackets inside quotes, plain scalars and comments do not open a collection', () => {
    const text = 'a: "[not flow"\nb: x-[y]\nc: it\'s # [\n\tkey: v\n';
    assert.equal(fixFlowIndentTabs(text), text);
  });
});

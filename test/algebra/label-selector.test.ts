import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Labels } from '../../src/model/common.js';
import { EVERYTHING, type LabelRequirement, type LabelSelector } from '../../src/model/label-selector.js';
import { formatSelector, isEmptySelector, selectorMatches } from '../../src/algebra/label-selector.js';

function selector(matchLabels: Labels, ...matchExpressions: LabelRequirement[]): LabelSelector {
  return { matchLabels, matchExpressions };
}
const web: Labels = { app: 'web', env: 'prod' };

describe('selectorMatches', () => {
  it('the empty selector matches every label set, even an empty one', () => {
    assert.equal(selectorMatches(EVERYTHING, web), true);
    assert.equal(selectorMatches(EVERYTHING, {}), true);
  });
  it('matchLabels k: v matches only when the label has exactly that value', () => {
    assert.equal(selectorMatches(selector({ app: 'web' }), web), true);
    assert.equal(selectorMatches(selector({ app: 'Web' }), web), false, 'values are case-sensitive');
    assert.equal(selectorMatches(selector({ tier: 'web' }), web), false);
  });
  it('matchLabels with an empty value needs the key with an empty value', () => {
    assert.equal(selectorMatches(selector({ app: '' }), { app: '' }), true);
    assert.equal(selectorMatches(selector({ app: '' }), {}), false);
  });
  it('In matches a label set whose value is among the values', () => {
    const s = selector({}, { key: 'env', operator: 'In', values: ['dev', 'prod'] });
    assert.equal(selectorMatches(s, web), true);
    assert.equal(selectorMatches(s, { env: 'test' }), false);
  });
  it('In does not match a label set without the key', () => {
    assert.equal(selectorMatches(selector({}, { key: 'env', operator: 'In', values: ['prod'] }), { app: 'web' }), false);
  });
  it('NotIn matches a label set without the key', () => {
    assert.equal(selectorMatches(selector({}, { key: 'env', operator: 'NotIn', values: ['prod'] }), { app: 'web' }), true);
  });
  it('NotIn rejects a value among the values and accepts any other', () => {
    const s = selector({}, { key: 'env', operator: 'NotIn', values: ['prod'] });
    assert.equal(selectorMatches(s, web), false);
    assert.equal(selectorMatches(s, { env: 'dev' }), true);
  });
  it('Exists matches any value of the key, including the empty value', () => {
    const s = selector({}, { key: 'env', operator: 'Exists', values: [] });
    assert.equal(selectorMatches(s, web), true);
    assert.equal(selectorMatches(s, { env: '' }), true);
    assert.equal(selectorMatches(s, { app: 'web' }), false);
  });
  it('DoesNotExist matches only a label set without the key', () => {
    const s = selector({}, { key: 'env', operator: 'DoesNotExist', values: [] });
    assert.equal(selectorMatches(s, web), false);
    assert.equal(selectorMatches(s, { env: '' }), false);
    assert.equal(selectorMatches(s, { app: 'web' }), true);
  });
  it('all requirements are ANDed, matchLabels and matchExpressions together', () => {
    const s = selector({ app: 'web' }, { key: 'env', operator: 'NotIn', values: ['prod'] });
    assert.equal(selectorMatches(s, web), false);
    assert.equal(selectorMatches(s, { app: 'web', env: 'dev' }), true);
    assert.equal(selectorMatches(s, { app: 'db', env: 'dev' }), false);
  });
  it('prototype keys are not labels: "constructor" and "__proto__" exist only when set', () => {
    const exists = (key: string) => selector({}, { key, operator: 'Exists', values: [] });
    assert.equal(selectorMatches(exists('constructor'), {}), false);
    assert.equal(selectorMatches(exists('__proto__'), {}), false);
    assert.equal(selectorMatches(exists('toString'), { app: 'web' }), false);
    const own = JSON.parse('{"__proto__": "x", "constructor": "y"}') as Labels;
    assert.equal(selectorMatches(exists('__proto__'), own), true);
    assert.equal(selectorMatches(selector(JSON.parse('{"__proto__": "x"}') as Labels), own), true);
    assert.equal(selectorMatches(selector(JSON.parse('{"__proto__": "z"}') as Labels), own), false);
    assert.equal(selectorMatches(selector({}, { key: 'constructor', operator: 'NotIn', values: ['y'] }), own), false);
  });
  it('a label set with a null prototype is read like any other', () => {
    const labels = Object.assign(Object.create(null) as Record<string, string>, { app: 'web' });
    assert.equal(selectorMatches(selector({ app: 'web' }), labels), true);
  });
});

describe('isEmptySelector', () => {
  it('is true only without matchLabels and without matchExpressions', () => {
    assert.equal(isEmptySelector(EVERYTHING), true);
    assert.equal(isEmptySelector(selector({})), true);
    assert.equal(isEmptySelector(selector({ app: 'web' })), false);
    assert.equal(isEmptySelector(selector({}, { key: 'a', operator: 'Exists', values: [] })), false);
  });
});

describe('formatSelector', () => {
  it('the empty selector prints as the empty string', () => {
    assert.equal(formatSelector(EVERYTHING), '');
  });
  it('prints each operator in apimachinery style', () => {
    assert.equal(formatSelector(selector({ app: 'web' })), 'app=web');
    assert.equal(formatSelector(selector({}, { key: 'env', operator: 'In', values: ['prod', 'dev'] })), 'env in (dev,prod)');
    assert.equal(formatSelector(selector({}, { key: 'env', operator: 'NotIn', values: ['prod'] })), 'env notin (prod)');
    assert.equal(formatSelector(selector({}, { key: 'env', operator: 'Exists', values: [] })), 'env');
    assert.equal(formatSelector(selector({}, { key: 'env', operator: 'DoesNotExist', values: [] })), '!env');
  });
  it('sorts requirements by key then operator, and values without repeats', () => {
    const s = selector(
      { tier: 'db', app: 'web' },
      { key: 'app', operator: 'DoesNotExist', values: [] },
      { key: 'env', operator: 'NotIn', values: ['b', 'a', 'b'] },
      { key: 'app', operator: 'In', values: ['x'] },
    );
    assert.equal(formatSelector(s), 'app=web,app in (x),!app,env notin (a,b),tier=db');
  });
  it('equal selectors written in different orders print the same', () => {
    const a = selector({ a: '1', b: '2' }, { key: 'c', operator: 'Exists', values: [] }, { key: 'c', operator: 'In', values: ['1', '2'] });
    const b = selector({ b: '2', a: '1' }, { key: 'c', operator: 'In', values: ['2', '1'] }, { key: 'c', operator: 'Exists', values: [] });
    assert.equal(formatSelector(a), formatSelector(b));
  });
});

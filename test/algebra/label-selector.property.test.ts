import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Labels } from '../../src/model/common.js';
import { SELECTOR_OPERATORS, type LabelRequirement, type LabelSelector } from '../../src/model/label-selector.js';
import { formatSelector, isEmptySelector, selectorMatches } from '../../src/algebra/label-selector.js';

// Prototype names are in the pool on purpose: they must never count as labels.
const key = fc.constantFrom('app', 'env', 'tier', '__proto__', 'constructor', 'toString');
const value = fc.constantFrom('', 'a', 'b', 'web');

/** Object.fromEntries defines own properties, so "__proto__" becomes a real label. */
const labels: fc.Arbitrary<Labels> = fc.array(fc.tuple(key, value), { maxLength: 5 }).map((entries) => Object.fromEntries(entries));

const requirement: fc.Arbitrary<LabelRequirement> = fc.record({
  key,
  operator: fc.constantFrom(...SELECTOR_OPERATORS),
  values: fc.uniqueArray(value, { minLength: 1, maxLength: 3 }),
}).map((r) => (r.operator === 'In' || r.operator === 'NotIn' ? r : { ...r, values: [] }));

const selector: fc.Arbitrary<LabelSelector> = fc.record({
  matchLabels: labels,
  matchExpressions: fc.array(requirement, { maxLength: 4 }),
});

/** semantics §3, transcribed row by row over a Map, which has no prototype to confuse. */
function referenceMatches(s: LabelSelector, l: Labels): boolean {
  const set = new Map(Object.entries(l));
  const fromMatchLabels = Object.entries(s.matchLabels).map(([k, v]): LabelRequirement => ({ key: k, operator: 'In', values: [v] }));
  return [...fromMatchLabels, ...s.matchExpressions].every((r) => {
    const present = set.has(r.key);
    const inValues = r.values.includes(set.get(r.key) ?? '\u0000absent');
    switch (r.operator) {
      case 'In': return present && inValues;
      case 'NotIn': return !present || !inValues;
      case 'Exists': return present;
      case 'DoesNotExist': return !present;
    }
  });
}

describe('label selector properties', () => {
  it('selectorMatches agrees with the semantics table for every selector and label set', () => {
    fc.assert(fc.property(selector, labels, (s, l) => selectorMatches(s, l) === referenceMatches(s, l)));
  });
  it('an empty selector matches every label set', () => {
    fc.assert(fc.property(selector, labels, (s, l) => !isEmptySelector(s) || selectorMatches(s, l)));
  });
  it('formatSelector does not depend on the order requirements were written in', () => {
    fc.assert(
      fc.property(selector, (s) => {
        const reversed: LabelSelector = {
          matchLabels: Object.fromEntries(Object.entries(s.matchLabels).reverse()),
          matchExpressions: [...s.matchExpressions].reverse().map((r) => ({ ...r, values: [...r.values].reverse() })),
        };
        return formatSelector(s) === formatSelector(reversed);
      }),
    );
  });
});

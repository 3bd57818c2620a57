import { assertNever, type Labels } from '../model/common.js';
import type { LabelRequirement, LabelSelector } from '../model/label-selector.js';

/**
 * semantics §3: every requirement is ANDed; a matchLabels entry `k: v` is `k In [v]`;
 * the empty selector has no requirement and so matches every label set.
 */
export function selectorMatches(selector: LabelSelector, labels: Labels): boolean {
  const wanted = selector.matchLabels;
  for (const key of Object.keys(wanted)) {
    if (labelValue(labels, key) !== wanted[key]) return false;
  }
  return selector.matchExpressions.every((requirement) => requirementMatches(requirement, labels));
}

/** No requirement at all, so it matches everything (semantics §3). */
export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

/**
 * apimachinery `labels.Selector.String()` style: `k=v` (matchLabels), `k in (a,b)`, `k notin (a,b)`,
 * `k`, `!k`; joined by ","; sorted by key, then operator, so equal selectors print the same.
 * The empty selector prints "".
 */
export function formatSelector(selector: LabelSelector): string {
  const parts: { key: string; rank: number; text: string }[] = [];
  for (const key of Object.keys(selector.matchLabels)) {
    parts.push({ key, rank: 0, text: `${key}=${selector.matchLabels[key] ?? ''}` });
  }
  for (const requirement of selector.matchExpressions) {
    parts.push({ key: requirement.key, rank: OPERATOR_RANK[requirement.operator], text: formatRequirement(requirement) });
  }
  parts.sort((a, b) => compareText(a.key, b.key) || a.rank - b.rank || compareText(a.text, b.text));
  return parts.map((part) => part.text).join(',');
}

/** Sort order after the key; matchLabels' `=` (rank 0) comes first. */
const OPERATOR_RANK = { In: 1, NotIn: 2, Exists: 3, DoesNotExist: 4 } as const;

/** The table of semantics §3, one row per operator. */
function requirementMatches(requirement: LabelRequirement, labels: Labels): boolean {
  const value = labelValue(labels, requirement.key);
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && requirement.values.includes(value);
    case 'NotIn':
      // semantics §3: an object without the key matches NotIn
      return value === undefined || !requirement.values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    default:
      return assertNever(requirement.operator);
  }
}

/** Own keys only: a label named "__proto__" or "constructor" must not read the prototype. */
function labelValue(labels: Labels, key: string): string | undefined {
  return Object.hasOwn(labels, key) ? labels[key] : undefined;
}

function formatRequirement(requirement: LabelRequirement): string {
  const { key, operator } = requirement;
  // apimachinery prints the values of a requirement sorted (and as a set, so without repeats)
  const values = () => [...new Set(requirement.values)].sort(compareText).join(',');
  switch (operator) {
    case 'In':
      return `${key} in (${values()})`;
    case 'NotIn':
      return `${key} notin (${values()})`;
    case 'Exists':
      return key;
    case 'DoesNotExist':
      return `!${key}`;
    default:
      return assertNever(operator);
  }
}

/** Code-unit order, independent of the locale (unlike localeCompare). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Label selector matching, read straight from semantics §3 — the lab's own copy, like a network
// plugin's, so that the kernel-vs-engine comparison does not share this logic with the engine.
import type { Labels } from '../model/common.js';
import type { LabelRequirement, LabelSelector } from '../model/label-selector.js';
import { assertNever } from '../model/common.js';

/** semantics §3: every requirement must hold; an empty selector matches every label set. */
export function selects(selector: LabelSelector, labels: Labels): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    if (!Object.hasOwn(labels, key) || labels[key] !== value) return false;
  }
  return selector.matchExpressions.every((requirement) => holds(requirement, labels));
}

function holds(requirement: LabelRequirement, labels: Labels): boolean {
  const present = Object.hasOwn(labels, requirement.key);
  const value = labels[requirement.key];
  switch (requirement.operator) {
    case 'In':
      return present && value !== undefined && requirement.values.includes(value);
    case 'NotIn':
      // semantics §3: an object without the key matches NotIn.
      return !present || value === undefined || !requirement.values.includes(value);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    default:
      return assertNever(requirement.operator);
  }
}

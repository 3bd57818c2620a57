import type { Labels } from './common.js';

export const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;
export type SelectorOperator = (typeof SELECTOR_OPERATORS)[number];

export interface LabelRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  /** Empty for Exists / DoesNotExist. */
  readonly values: readonly string[];
}

/**
 * A normalised metav1.LabelSelector. Absent or null matchLabels/matchExpressions become
 * empty; an empty selector (no requirement at all) matches every label set.
 */
export interface LabelSelector {
  readonly matchLabels: Labels;
  readonly matchExpressions: readonly LabelRequirement[];
}

export const EVERYTHING: LabelSelector = Object.freeze({ matchLabels: Object.freeze({}), matchExpressions: Object.freeze([]) });

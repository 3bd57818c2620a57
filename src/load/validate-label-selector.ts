// Label and label-selector validation (semantics §7.2; k/k apimachinery meta/v1/validation
// ValidateLabelSelector, ValidateLabelSelectorRequirement, ValidateLabels).

import type { Labels } from '../model/common.js';
import { childLineOf, siteWith, type Site } from './positions.js';
import type { ProblemSink } from './problem-sink.js';
import type { ExpressionWire, SelectorWire } from './decode-label-selector.js';
import { forbidden, invalid, required } from './field-errors.js';
import { labelValueErrors, qualifiedNameErrors } from './validate-names.js';

/**
 * ValidateLabels: every key a qualified name, every value a label value. The API reports these
 * at the map's path (no key in it); the line is the entry's own.
 */
export function validateLabels(labels: Labels, site: Site, written: unknown, sink: ProblemSink): void {
  for (const [key, value] of Object.entries(labels)) {
    const at = siteWith(site, { line: childLineOf(written, key) ?? site.line });
    for (const message of qualifiedNameErrors(key)) sink.error(at, 'validation', invalid(key, message));
    for (const message of labelValueErrors(value)) sink.error(at, 'validation', invalid(value, message));
  }
}

export function validateSelector(selector: SelectorWire, sink: ProblemSink): void {
  validateLabels(selector.matchLabels, selector.matchLabelsSite, selector.matchLabelsRaw, sink);
  for (const expression of selector.matchExpressions) validateRequirement(expression, sink);
}

function validateRequirement(e: ExpressionWire, sink: ProblemSink): void {
  switch (e.operator) {
    case 'In':
    case 'NotIn':
      if (e.values.length === 0) {
        sink.error(e.valuesSite, 'validation', required("must be specified when `operator` is 'In' or 'NotIn'"));
      }
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (e.values.length > 0) {
        sink.error(e.valuesSite, 'validation', forbidden("may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      }
      break;
    default:
      sink.error(e.operatorSite, 'validation', invalid(e.operator, 'not a valid selector operator'));
  }
  for (const message of qualifiedNameErrors(e.key)) sink.error(e.keySite, 'validation', invalid(e.key, message));
  // AllowInvalidLabelValueInSelector is false on create (semantics §7.2), so values are checked.
  e.values.forEach((value, i) => {
    const at = e.valueSites[i] ?? siteWith(e.valuesSite, { path: `${e.valuesSite.path}[${i}]` });
    for (const message of labelValueErrors(value)) sink.error(at, 'validation', invalid(value, message));
  });
}

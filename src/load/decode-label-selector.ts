// metav1.LabelSelector as written -> a checked wire form (for validation) -> the model's
// normalised LabelSelector (absent/null matchLabels and matchExpressions become empty; semantics §3).

import type { Labels } from '../model/common.js';
import type { LabelRequirement, LabelSelector, SelectorOperator } from '../model/label-selector.js';
import type { Site } from './positions.js';
import type { ProblemSink } from './problem-sink.js';
import { child, items, readList, readObject, readString, readStringList, readStringMap, type Field } from './read-fields.js';

export interface ExpressionWire {
  readonly site: Site;
  readonly key: string;
  readonly keySite: Site;
  readonly operator: string;
  readonly operatorSite: Site;
  readonly values: readonly string[];
  readonly valuesSite: Site;
  readonly valueSites: readonly Site[];
}

export interface SelectorWire {
  readonly site: Site;
  readonly matchLabels: Labels;
  readonly matchLabelsSite: Site;
  /** The written matchLabels map (for per-entry lines), if any. */
  readonly matchLabelsRaw: unknown;
  readonly matchExpressions: readonly ExpressionWire[];
}

/** Decodes a selector that is present (callers decide what absent means). */
export function decodeSelector(field: Field, sink: ProblemSink): SelectorWire | undefined {
  const before = sink.errorCount;
  const object = readObject(field, sink) ?? {};
  const labelsField = child(object, 'matchLabels', field.site);
  const matchLabels = readStringMap(labelsField, sink) ?? {};
  const exprField = child(object, 'matchExpressions', field.site);
  const expressions = items(readList(exprField, sink) ?? [], exprField.site).map((f) => decodeExpression(f, sink));
  if (sink.errorCount > before) return undefined;
  return {
    site: field.site,
    matchLabels,
    matchLabelsSite: labelsField.site,
    matchLabelsRaw: labelsField.value,
    matchExpressions: expressions,
  };
}

function decodeExpression(field: Field, sink: ProblemSink): ExpressionWire {
  const object = readObject(field, sink) ?? {};
  const keyField = child(object, 'key', field.site);
  const operatorField = child(object, 'operator', field.site);
  const valuesField = child(object, 'values', field.site);
  const key = readString(keyField, sink) ?? '';
  const operator = readString(operatorField, sink) ?? '';
  const values = readStringList(valuesField, sink) ?? [];
  const valueSites = Array.isArray(valuesField.value) ? items(valuesField.value, valuesField.site).map((f) => f.site) : [];
  return {
    site: field.site,
    key,
    keySite: keyField.site,
    operator,
    operatorSite: operatorField.site,
    values,
    valuesSite: valuesField.site,
    valueSites,
  };
}

/** The model form of a selector that passed validation (operators are then known to be valid). */
export function toLabelSelector(wire: SelectorWire): LabelSelector {
  const matchExpressions: LabelRequirement[] = wire.matchExpressions.map((e) => ({
    key: e.key,
    operator: e.operator as SelectorOperator,
    values: e.values,
  }));
  return { matchLabels: wire.matchLabels, matchExpressions };
}

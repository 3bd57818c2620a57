// The checks a CustomResourceDefinition's OpenAPI schema makes (required, enum, minimum/maximum,
// minItems/maxItems, maxLength, min/maxProperties, listType=set), reported with the messages of the
// apiextensions-apiserver (kube-openapi validate errors, as `kubectl apply` prints them). Used by
// the loaders of AdminNetworkPolicy, BaselineAdminNetworkPolicy and ClusterNetworkPolicy.

import type { Site } from './positions.js';
import type { ProblemSink } from './problem-sink.js';
import { goQuote, goValue, notSupported, required } from './field-errors.js';
import { child, items, readInt32, readList, readObject, readString, type Field, type PlainObject } from './read-fields.js';

/** A present value of a required field, or an error "Required value". */
export function requiredField(field: Field, sink: ProblemSink): boolean {
  if (field.value !== undefined && field.value !== null) return true;
  sink.error(field.site, 'validation', required());
  return false;
}

/** An integer within [min, max]. */
export function readBoundedInt(field: Field, min: number, max: number, sink: ProblemSink): number | undefined {
  const value = readInt32(field, sink);
  if (value === undefined) return undefined;
  const path = field.site.path;
  if (value < min) sink.error(field.site, 'validation', `Invalid value: ${value}: ${path} in body should be greater than or equal to ${min}`);
  else if (value > max) sink.error(field.site, 'validation', `Invalid value: ${value}: ${path} in body should be less than or equal to ${max}`);
  else return value;
  return undefined;
}

/** A string from an enum (case-sensitive, as OpenAPI enums are). */
export function readEnum<T extends string>(field: Field, values: readonly T[], sink: ProblemSink): T | undefined {
  const value = readString(field, sink);
  if (value === undefined) return undefined;
  if ((values as readonly string[]).includes(value)) return value as T;
  sink.error(field.site, 'validation', notSupported(value, values));
  return undefined;
}

/** A string of at most `max` characters. */
export function readShortString(field: Field, max: number, sink: ProblemSink): string | undefined {
  const value = readString(field, sink);
  if (value === undefined) return undefined;
  if ([...value].length > max) {
    sink.error(field.site, 'validation', `Too long: may not be more than ${max} bytes`);
    return undefined;
  }
  return value;
}

/** A list with minItems/maxItems; absent or null: undefined, with no problem. */
export function readBoundedList(field: Field, min: number, max: number, sink: ProblemSink): Field[] | undefined {
  const list = readList(field, sink);
  if (list === undefined) return undefined;
  if (list.length < min) {
    sink.error(field.site, 'validation', `Invalid value: ${list.length}: ${field.site.path} in body should have at least ${min} items`);
  } else if (list.length > max) {
    sink.error(field.site, 'validation', `Too many: ${list.length}: must have at most ${max} items`);
  }
  return items(list, field.site);
}

/** listType=set: a value written twice is an error at the second item. */
export function checkSet(fields: readonly Field[], values: readonly string[], sink: ProblemSink): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) sink.error(fields[i]!.site, 'validation', `Duplicate value: ${goQuote(value)}`);
    seen.add(value);
  });
}

/**
 * An object with exactly one of `members` set (minProperties: 1, maxProperties: 1 over a schema
 * whose properties are `members`). Returns the member's name and field, or undefined.
 */
export function readOneOf<K extends string>(
  field: Field,
  members: readonly K[],
  sink: ProblemSink,
): { readonly key: K; readonly field: Field; readonly object: PlainObject } | undefined {
  const object = readObject(field, sink); // absent: the caller reports it if required
  if (object === undefined) return undefined;
  // Unknown fields are pruned before validation; null means not set.
  const set = members.filter((key) => Object.hasOwn(object, key) && object[key] !== undefined && object[key] !== null);
  const path = field.site.path;
  if (set.length === 0) {
    sink.error(field.site, 'validation', `Invalid value: 0: ${path} in body should have at least 1 properties`);
    return undefined;
  }
  if (set.length > 1) {
    sink.error(field.site, 'validation', `Invalid value: ${set.length}: ${path} in body should have at most 1 properties`);
    return undefined;
  }
  const key = set[0]!;
  return { key, field: child(object, key, field.site), object };
}

/** A CEL rule's failure: the value is shown by its type, as the apiserver does. */
export function celError(site: Site, value: unknown, message: string, sink: ProblemSink): void {
  const type = typeof value === 'string' ? 'string' : Array.isArray(value) ? 'array' : 'object';
  sink.error(site, 'validation', `Invalid value: ${goQuote(type)}: ${message}`);
}

/** A string that must match a schema pattern. */
export function checkPattern(field: Field, value: string, pattern: RegExp, sink: ProblemSink): boolean {
  if (pattern.test(value)) return true;
  sink.error(field.site, 'validation', `Invalid value: ${goValue(value)}: ${field.site.path} in body should match '${pattern.source}'`);
  return false;
}

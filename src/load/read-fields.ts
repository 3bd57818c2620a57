// Typed reads of plain values with Go JSON decoding rules (what the API server's decoder
// accepts): null means "not set", a wrong type is a schema error at the field's site, and
// map[string]string / []string entries that are null decode to "".
// Every reader returns undefined for "absent or wrong"; callers learn about wrong types
// from the ProblemSink's error count.

import { fieldSite, itemSite, type Site } from './positions.js';
import type { ProblemSink } from './problem-sink.js';
import { goValue } from './field-errors.js';
import { setOwn } from './yaml-to-plain.js';

export type PlainObject = Readonly<Record<string, unknown>>;

/** A value with its location. */
export interface Field {
  readonly value: unknown;
  readonly site: Site;
}

export function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property only: a key like "constructor" must not reach Object.prototype. */
export function own(object: PlainObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** The field `key` of an object read at `site`. */
export function child(object: PlainObject, key: string, site: Site): Field {
  return { value: own(object, key), site: fieldSite(site, object, key) };
}

/** The items of a list as fields. */
export function items(list: readonly unknown[], site: Site): Field[] {
  return list.map((value, index) => ({ value, site: itemSite(site, list, index) }));
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'map';
  return typeof value;
}

function typeError(field: Field, expected: string, sink: ProblemSink): undefined {
  const shown = typeof field.value === 'object' ? '' : ` ${goValue(field.value)}`;
  sink.error(field.site, 'schema', `Invalid type: expected ${expected}, got ${typeName(field.value)}${shown}`);
  return undefined;
}

function isAbsent(field: Field): boolean {
  return field.value === undefined || field.value === null;
}

export function readObject(field: Field, sink: ProblemSink): PlainObject | undefined {
  if (isAbsent(field)) return undefined;
  return isPlainObject(field.value) ? field.value : typeError(field, 'map', sink);
}

export function readList(field: Field, sink: ProblemSink): readonly unknown[] | undefined {
  if (isAbsent(field)) return undefined;
  return Array.isArray(field.value) ? field.value : typeError(field, 'list', sink);
}

export function readString(field: Field, sink: ProblemSink): string | undefined {
  if (isAbsent(field)) return undefined;
  return typeof field.value === 'string' ? field.value : typeError(field, 'string', sink);
}

export function readBoolean(field: Field, sink: ProblemSink): boolean | undefined {
  if (isAbsent(field)) return undefined;
  return typeof field.value === 'boolean' ? field.value : typeError(field, 'boolean', sink);
}

function isInt32(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31;
}

export function readInt32(field: Field, sink: ProblemSink): number | undefined {
  if (isAbsent(field)) return undefined;
  return isInt32(field.value) ? field.value : typeError(field, '32-bit integer', sink);
}

/** intstr.IntOrString: an int32 or a string. */
export function readIntOrString(field: Field, sink: ProblemSink): number | string | undefined {
  if (isAbsent(field)) return undefined;
  if (isInt32(field.value) || typeof field.value === 'string') return field.value;
  return typeError(field, 'integer or string', sink);
}

/** map[string]string, keeping the written key order. */
export function readStringMap(field: Field, sink: ProblemSink): Readonly<Record<string, string>> | undefined {
  const object = readObject(field, sink);
  if (object === undefined) return undefined;
  const out: Record<string, string> = {};
  let wrong = 0;
  for (const [key, value] of Object.entries(object)) {
    if (value === null) setOwn(out, key, '');
    else if (typeof value === 'string') setOwn(out, key, value);
    else wrong += typeError(child(object, key, field.site), 'string', sink) ?? 1;
  }
  return wrong === 0 ? out : undefined;
}

/** []string. */
export function readStringList(field: Field, sink: ProblemSink): readonly string[] | undefined {
  const list = readList(field, sink);
  if (list === undefined) return undefined;
  const out: string[] = [];
  for (const item of items(list, field.site)) {
    if (item.value === null) out.push('');
    else if (typeof item.value === 'string') out.push(item.value);
    else typeError(item, 'string', sink);
  }
  return out.length === list.length ? out : undefined;
}

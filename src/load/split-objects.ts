// Documents -> Kubernetes objects: a document is one object, a `kind: List`, or a typed list
// (`PodList`, `NetworkPolicyList`, ...) as `kubectl get -o yaml` writes them. Items of a typed
// list may omit apiVersion/kind; they are inferred from the list. Field paths of list items are
// relative to the item, and their lines point into the list.

import { lineOf, siteWith, type Site } from './positions.js';
import type { ProblemSink } from './problem-sink.js';
import { child, isPlainObject, items, own, readList, readString, type PlainObject } from './read-fields.js';
import { invalid, required } from './field-errors.js';
import type { ParsedDocument } from './parse-documents.js';

export interface InputObject {
  readonly kind: string;
  /** Absent when the object (and its list) did not say. */
  readonly apiVersion?: string;
  readonly value: PlainObject;
  /** Path '' and the line where the object starts. */
  readonly site: Site;
}

interface Inherited {
  readonly kind?: string;
  readonly apiVersion?: string;
}

export function objectsOfDocument(file: string, doc: ParsedDocument, sink: ProblemSink): InputObject[] {
  if (doc.value === null || doc.value === undefined) return [];
  const out: InputObject[] = [];
  collect({ value: doc.value, site: { file, path: '', line: doc.line } }, {}, { sink, out });
  return out;
}

interface Collector {
  readonly sink: ProblemSink;
  readonly out: InputObject[];
}

function collect(field: { value: unknown; site: Site }, inherited: Inherited, to: Collector): void {
  const { value, site } = field;
  const { sink } = to;
  if (!isPlainObject(value)) {
    sink.error(site, 'schema', invalid(value, 'a Kubernetes object must be a map'));
    return;
  }
  const before = sink.errorCount;
  const kind = readString(child(value, 'kind', site), sink) ?? inherited.kind;
  const apiVersion = readString(child(value, 'apiVersion', site), sink) ?? inherited.apiVersion;
  if (sink.errorCount > before) return;
  if (kind === undefined || kind === '') {
    sink.error(siteWith(site, { path: 'kind' }), 'schema', required('kind not set'));
    return;
  }
  if (isList(kind, value)) {
    collectList({ value, site }, kind, to);
    return;
  }
  to.out.push(apiVersion === undefined ? { kind, value, site } : { kind, apiVersion, value, site });
}

/** `List`, or `<Kind>List` with an `items` field. */
function isList(kind: string, value: PlainObject): boolean {
  return kind === 'List' || (kind.endsWith('List') && kind.length > 4 && own(value, 'items') !== undefined);
}

function collectList(field: { value: PlainObject; site: Site }, kind: string, to: Collector): void {
  const { value: list, site } = field;
  const { sink } = to;
  const itemsField = child(list, 'items', site);
  const entries = readList(itemsField, sink);
  if (entries === undefined) return;
  const apiVersion = readString(child(list, 'apiVersion', site), sink);
  // Items of a typed list carry the list's group/version; a plain List says nothing about them.
  const inherited: Inherited =
    kind === 'List' ? {} : { kind: kind.slice(0, -'List'.length), ...(apiVersion === undefined ? {} : { apiVersion }) };
  for (const item of items(entries, itemsField.site)) {
    // An item is an object of its own: paths restart at it, its line is where it starts.
    const line = lineOf(item.value) ?? item.site.line;
    collect({ value: item.value, site: { file: site.file, path: '', line } }, inherited, to);
  }
}

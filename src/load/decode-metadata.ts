// ObjectMeta: name, namespace, labels and the controlling owner, checked as the API server's
// ValidateObjectMeta does for the parts netwarden uses (semantics §7.1).

import type { Labels } from '../model/common.js';
import type { OwnerRef } from '../model/cluster.js';
import type { Site } from './positions.js';
import type { ProblemSink } from './problem-sink.js';
import { child, items, readBoolean, readList, readObject, readString, readStringMap, type PlainObject } from './read-fields.js';
import { invalid, required } from './field-errors.js';
import { dns1035LabelErrors, dns1123LabelErrors, dns1123SubdomainErrors } from './validate-names.js';
import { validateLabels } from './validate-label-selector.js';

export type NameRule = 'dns1123-subdomain' | 'dns1123-label' | 'dns1035-label';

export interface MetadataOptions {
  /** Namespaced objects get `defaultNamespace` when metadata.namespace is absent or empty. */
  readonly namespaced: boolean;
  readonly defaultNamespace: string;
  readonly nameRule: NameRule;
}

export interface ObjectMeta {
  readonly name: string;
  /** '' for cluster-scoped objects. */
  readonly namespace: string;
  readonly labels: Labels;
  /** ownerReferences[controller=true]. */
  readonly owner?: OwnerRef;
}

const NAME_CHECKS: Record<NameRule, (name: string) => string[]> = {
  'dns1123-subdomain': (name) => dns1123SubdomainErrors(name),
  'dns1123-label': dns1123LabelErrors,
  'dns1035-label': dns1035LabelErrors,
};

export function decodeMetadata(object: PlainObject, site: Site, options: MetadataOptions, sink: ProblemSink): ObjectMeta | undefined {
  const before = sink.errorCount;
  const metaField = child(object, 'metadata', site);
  const meta = readObject(metaField, sink) ?? {};
  const nameField = child(meta, 'name', metaField.site);
  const name = readString(nameField, sink) ?? '';
  const namespaceField = child(meta, 'namespace', metaField.site);
  const written = readString(namespaceField, sink) ?? '';
  const labelsField = child(meta, 'labels', metaField.site);
  const labels = readStringMap(labelsField, sink) ?? {};
  const owner = decodeOwner(meta, metaField.site, sink);
  if (sink.errorCount > before) return undefined;

  if (name === '') {
    // The API server would invent a name from generateName; a static input has none to offer.
    const generated = readString(child(meta, 'generateName', metaField.site), sink);
    const detail = generated ? 'only generateName is set; the object needs a name to be analysed' : 'name or generateName is required';
    sink.error(nameField.site, 'validation', required(detail));
  } else {
    for (const message of NAME_CHECKS[options.nameRule](name)) sink.error(nameField.site, 'validation', invalid(name, message));
  }
  const namespace = options.namespaced ? (written === '' ? options.defaultNamespace : written) : '';
  if (options.namespaced && written !== '') {
    for (const message of dns1123LabelErrors(written)) sink.error(namespaceField.site, 'validation', invalid(written, message));
  }
  validateLabels(labels, labelsField.site, labelsField.value, sink);
  if (sink.errorCount > before) return undefined;
  return owner === undefined ? { name, namespace, labels } : { name, namespace, labels, owner };
}

/** The ownerReference with `controller: true`, if any. */
function decodeOwner(meta: PlainObject, site: Site, sink: ProblemSink): OwnerRef | undefined {
  const refsField = child(meta, 'ownerReferences', site);
  let owner: OwnerRef | undefined;
  for (const ref of items(readList(refsField, sink) ?? [], refsField.site)) {
    const object = readObject(ref, sink) ?? {};
    const kind = readString(child(object, 'kind', ref.site), sink) ?? '';
    const name = readString(child(object, 'name', ref.site), sink) ?? '';
    const controller = readBoolean(child(object, 'controller', ref.site), sink) ?? false;
    if (controller && owner === undefined) owner = { kind, name };
  }
  return owner;
}

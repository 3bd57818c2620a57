// A Namespace object -> model Namespace. The API server always sets the label
// kubernetes.io/metadata.name=<name>, overriding what was written (semantics §2.5).

import type { Namespace } from '../model/cluster.js';
import type { InputObject } from './split-objects.js';
import type { ProblemSink } from './problem-sink.js';
import { decodeMetadata } from './decode-metadata.js';

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export function decodeNamespace(input: InputObject, sink: ProblemSink): Namespace | undefined {
  const meta = decodeMetadata(input.value, input.site, { namespaced: false, defaultNamespace: '', nameRule: 'dns1123-label' }, sink);
  if (meta === undefined) return undefined;
  return {
    name: meta.name,
    labels: { ...meta.labels, [NAMESPACE_NAME_LABEL]: meta.name },
    declared: true,
    source: { file: input.site.file, line: input.site.line },
  };
}

/** A namespace only referenced by other objects. */
export function implicitNamespace(name: string): Namespace {
  return { name, labels: { [NAMESPACE_NAME_LABEL]: name }, declared: false };
}

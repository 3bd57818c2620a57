// A Service -> model Service: selector, ports (targetPort defaults to port, protocol to TCP),
// clusterIP. The engine resolves Services to pods (semantics §4.2); nothing here does.

import { PROTOCOLS, isProtocol } from '../model/common.js';
import type { Service, ServicePort } from '../model/cluster.js';
import type { InputObject } from './split-objects.js';
import type { ProblemSink } from './problem-sink.js';
import { decodeMetadata } from './decode-metadata.js';
import { child, items, readInt32, readIntOrString, readList, readObject, readString, readStringMap, type Field } from './read-fields.js';
import { invalid, notSupported } from './field-errors.js';
import { portNumberErrors } from './validate-names.js';
import { validateLabels } from './validate-label-selector.js';

const SORTED_PROTOCOLS = [...PROTOCOLS].sort();

export function decodeService(input: InputObject, defaultNamespace: string, sink: ProblemSink): Service | undefined {
  const before = sink.errorCount;
  const meta = decodeMetadata(input.value, input.site, { namespaced: true, defaultNamespace, nameRule: 'dns1035-label' }, sink);
  const specField = child(input.value, 'spec', input.site);
  const spec = readObject(specField, sink) ?? {};
  const selectorField = child(spec, 'selector', specField.site);
  const selector = readStringMap(selectorField, sink);
  if (selector !== undefined) validateLabels(selector, selectorField.site, selectorField.value, sink);
  const portsField = child(spec, 'ports', specField.site);
  const ports = items(readList(portsField, sink) ?? [], portsField.site).map((f) => decodeServicePort(f, sink));
  const clusterIP = readString(child(spec, 'clusterIP', specField.site), sink);
  if (meta === undefined || sink.errorCount > before) return undefined;
  const service: Service = {
    namespace: meta.namespace,
    name: meta.name,
    ports: ports.filter((p): p is ServicePort => p !== undefined),
    source: { file: input.site.file, line: input.site.line },
  };
  // An empty selector does not survive storage (an empty map is not persisted): no selector.
  const withSelector = selector !== undefined && Object.keys(selector).length > 0 ? { ...service, selector } : service;
  return clusterIP === undefined || clusterIP === '' ? withSelector : { ...withSelector, clusterIP };
}

function decodeServicePort(entry: Field, sink: ProblemSink): ServicePort | undefined {
  const before = sink.errorCount;
  const object = readObject(entry, sink) ?? {};
  const name = readString(child(object, 'name', entry.site), sink) ?? '';
  const portField = child(object, 'port', entry.site);
  const port = readInt32(portField, sink) ?? 0;
  const target = readIntOrString(child(object, 'targetPort', entry.site), sink);
  const protocolField = child(object, 'protocol', entry.site);
  const protocol = readString(protocolField, sink) || 'TCP';
  if (sink.errorCount > before) return undefined;
  for (const message of portNumberErrors(port)) sink.error(portField.site, 'validation', invalid(port, message));
  if (!isProtocol(protocol)) {
    sink.error(protocolField.site, 'validation', notSupported(protocol, SORTED_PROTOCOLS));
    return undefined;
  }
  if (sink.errorCount > before) return undefined;
  // SetDefaults_Service: an unset (zero) targetPort becomes the port.
  const targetPort = target === undefined || target === 0 || target === '' ? port : target;
  const base = { port, targetPort, protocol };
  return name === '' ? base : { name, ...base };
}

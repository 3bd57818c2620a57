// The parts of a PodSpec that NetworkPolicy analysis needs: the container ports (targets of
// named ports, semantics §2.8) and hostNetwork (§5.3). Init and ephemeral containers do not
// serve traffic and are not read. Ports are checked like validateContainerPorts [CP].

import { PROTOCOLS, isProtocol } from '../model/common.js';
import type { ContainerPort } from '../model/cluster.js';
import type { Site } from './positions.js';
import type { ProblemSink } from './problem-sink.js';
import { child, items, readBoolean, readInt32, readList, readObject, readString, type Field } from './read-fields.js';
import { goQuote, invalid, notSupported, required } from './field-errors.js';
import { portNameErrors, portNumberErrors } from './validate-names.js';

export interface PodSpecParts {
  readonly ports: readonly ContainerPort[];
  readonly hostNetwork: boolean;
}

// core/validation sorts its supported set: "SCTP", "TCP", "UDP".
const SORTED_PROTOCOLS = [...PROTOCOLS].sort();

export function decodePodSpec(field: Field, sink: ProblemSink): PodSpecParts | undefined {
  const before = sink.errorCount;
  const spec = readObject(field, sink) ?? {};
  const hostNetwork = readBoolean(child(spec, 'hostNetwork', field.site), sink) ?? false;
  const containersField = child(spec, 'containers', field.site);
  const ports: ContainerPort[] = [];
  for (const container of items(readList(containersField, sink) ?? [], containersField.site)) {
    const object = readObject(container, sink) ?? {};
    ports.push(...decodeContainerPorts(child(object, 'ports', container.site), sink));
  }
  return sink.errorCount > before ? undefined : { ports, hostNetwork };
}

function decodeContainerPorts(field: Field, sink: ProblemSink): ContainerPort[] {
  const out: ContainerPort[] = [];
  const names = new Set<string>();
  for (const entry of items(readList(field, sink) ?? [], field.site)) {
    const port = decodeContainerPort(entry, names, sink);
    if (port !== undefined) out.push(port);
  }
  return out;
}

function decodeContainerPort(entry: Field, names: Set<string>, sink: ProblemSink): ContainerPort | undefined {
  const before = sink.errorCount;
  const object = readObject(entry, sink) ?? {};
  const nameField = child(object, 'name', entry.site);
  const numberField = child(object, 'containerPort', entry.site);
  const protocolField = child(object, 'protocol', entry.site);
  const name = readString(nameField, sink) ?? '';
  const containerPort = readInt32(numberField, sink) ?? 0;
  const protocol = readString(protocolField, sink) || 'TCP'; // SetDefaults_ContainerPort: "" too
  if (sink.errorCount > before) return undefined;
  checkName(name, nameField.site, names, sink);
  if (containerPort === 0) sink.error(numberField.site, 'validation', required());
  else for (const m of portNumberErrors(containerPort)) sink.error(numberField.site, 'validation', invalid(containerPort, m));
  if (!isProtocol(protocol)) {
    sink.error(protocolField.site, 'validation', notSupported(protocol, SORTED_PROTOCOLS));
    return undefined;
  }
  if (sink.errorCount > before) return undefined;
  return name === '' ? { containerPort, protocol } : { name, containerPort, protocol };
}

function checkName(name: string, site: Site, names: Set<string>, sink: ProblemSink): void {
  if (name === '') return;
  const messages = portNameErrors(name);
  for (const message of messages) sink.error(site, 'validation', invalid(name, message));
  if (messages.length === 0 && names.has(name)) sink.error(site, 'validation', `Duplicate value: ${goQuote(name)}`);
  names.add(name);
}

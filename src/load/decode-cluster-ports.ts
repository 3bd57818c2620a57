// The port part of an AdminNetworkPolicy/BaselineAdminNetworkPolicy rule (`ports`, v1alpha1) or a
// ClusterNetworkPolicy rule (`protocols`, v1alpha2), checked as their CRDs do (ANP semantics §2,
// §4, §9.1) and normalised to protocol + inclusive range, or a named port.

import type { Protocol } from '../model/common.js';
import type { ClusterPort, ClusterPortList } from '../model/cluster-policy.js';
import type { Site } from './positions.js';
import type { ProblemSink } from './problem-sink.js';
import { notSupported } from './field-errors.js';
import { celError, readBoundedInt, readBoundedList, readOneOf, requiredField } from './crd-checks.js';
import { child, readObject, readString, type Field, type PlainObject } from './read-fields.js';

export type ClusterApiVersion = 'v1alpha1' | 'v1alpha2';

function sourceOf(site: Site): { file: string; line: number } {
  return { file: site.file, line: site.line };
}

/** `ports` / `protocols` of one rule; absent: every port (§4.1). `[]` is invalid (minItems 1). */
export function decodeClusterPorts(
  rule: PlainObject,
  site: Site,
  version: ClusterApiVersion,
  max: number,
  sink: ProblemSink,
): ClusterPortList {
  const field = child(rule, version === 'v1alpha1' ? 'ports' : 'protocols', site);
  const entries = readBoundedList(field, 1, max, sink);
  if (entries === undefined) return { kind: 'any' };
  const items: ClusterPort[] = [];
  entries.forEach((entry, index) => {
    const port = version === 'v1alpha1' ? decodePort(entry, index, sink) : decodeProtocol(entry, index, sink);
    if (port !== undefined) items.push(port);
  });
  return { kind: 'list', items };
}

/** v1alpha1 Port: exactly one of portNumber, portRange, namedPort (§4.2). */
function decodePort(entry: Field, index: number, sink: ProblemSink): ClusterPort | undefined {
  const member = readOneOf(entry, ['portNumber', 'portRange', 'namedPort'] as const, sink);
  if (member === undefined) return undefined;
  const source = sourceOf(entry.site);
  if (member.key === 'namedPort') {
    const name = readString(member.field, sink);
    return name === undefined ? undefined : { kind: 'named', index, name, source };
  }
  const object = readObject(member.field, sink);
  if (object === undefined) return undefined;
  const protocol = readProtocol(child(object, 'protocol', member.field.site), sink);
  if (member.key === 'portNumber') {
    const portField = child(object, 'port', member.field.site);
    if (!requiredField(portField, sink)) return undefined;
    const port = readBoundedInt(portField, 1, 65535, sink);
    if (port === undefined || protocol === undefined) return undefined;
    return { kind: 'range', index, protocol, from: port, to: port, source };
  }
  const startField = child(object, 'start', member.field.site);
  const endField = child(object, 'end', member.field.site);
  const hasBoth = requiredField(startField, sink) && requiredField(endField, sink);
  const start = hasBoth ? readBoundedInt(startField, 1, 65535, sink) : undefined;
  const end = hasBoth ? readBoundedInt(endField, 1, 65535, sink) : undefined;
  if (start === undefined || end === undefined || protocol === undefined) return undefined;
  if (start > end) {
    // ANP semantics §9.5.3 / §12 #11: the schema lets it through, the field docs forbid it; an empty range.
    sink.error(member.field.site, 'validation', `Invalid value: ${start}-${end}: start must be less than or equal to end (an empty range matches no port)`);
    return undefined;
  }
  return { kind: 'range', index, protocol, from: start, to: end, source };
}

/** v1alpha1 `protocol`: defaulted to TCP; any string is stored, but only TCP, UDP and SCTP mean something (§9.5.2). */
function readProtocol(field: Field, sink: ProblemSink): Protocol | undefined {
  const value = readString(field, sink) ?? 'TCP';
  if (value === 'TCP' || value === 'UDP' || value === 'SCTP') return value;
  sink.error(field.site, 'validation', notSupported(value, ['TCP', 'UDP', 'SCTP']));
  return undefined;
}

const PROTOCOL_KEYS = { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP' } as const;

/** v1alpha2 Protocol: exactly one of tcp, udp, sctp, destinationNamedPort (§4.3). */
function decodeProtocol(entry: Field, index: number, sink: ProblemSink): ClusterPort | undefined {
  const member = readOneOf(entry, ['tcp', 'udp', 'sctp', 'destinationNamedPort'] as const, sink);
  if (member === undefined) return undefined;
  const source = sourceOf(entry.site);
  if (member.key === 'destinationNamedPort') {
    const name = readString(member.field, sink);
    return name === undefined ? undefined : { kind: 'named', index, name, source };
  }
  // `tcp: {}` fails minProperties 1: there is no protocol-only form (§2.3, §12 #22).
  const port = readOneOf(member.field, ['destinationPort'] as const, sink);
  if (port === undefined) return undefined;
  const match = readOneOf(port.field, ['number', 'range'] as const, sink);
  if (match === undefined) return undefined;
  const protocol = PROTOCOL_KEYS[member.key];
  if (match.key === 'number') {
    const number = readBoundedInt(match.field, 1, 65535, sink);
    return number === undefined ? undefined : { kind: 'range', index, protocol, from: number, to: number, source };
  }
  return decodeRange(match.field, index, protocol, sink);
}

function decodeRange(field: Field, index: number, protocol: Protocol, sink: ProblemSink): ClusterPort | undefined {
  const object = readObject(field, sink);
  if (object === undefined) return undefined;
  const startField = child(object, 'start', field.site);
  const endField = child(object, 'end', field.site);
  const hasBoth = requiredField(startField, sink) && requiredField(endField, sink);
  const start = hasBoth ? readBoundedInt(startField, 1, 65535, sink) : undefined;
  const end = hasBoth ? readBoundedInt(endField, 1, 65535, sink) : undefined;
  if (start === undefined || end === undefined) return undefined;
  if (start >= end) {
    celError(field.site, object, 'Start port must be less than End port', sink); // CEL self.start < self.end
    return undefined;
  }
  return { kind: 'range', index, protocol, from: start, to: end, source: sourceOf(field.site) };
}

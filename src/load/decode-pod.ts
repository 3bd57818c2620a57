// A Pod object -> model Pod: labels, container ports, hostNetwork, IPs from status, and the
// controlling owner (used to avoid counting a workload's pods twice; expand-workloads.ts).

import type { Pod } from '../model/cluster.js';
import type { InputObject } from './split-objects.js';
import type { ProblemSink } from './problem-sink.js';
import { decodeMetadata } from './decode-metadata.js';
import { decodePodSpec } from './decode-pod-spec.js';
import { child, items, readList, readObject, readString, type PlainObject } from './read-fields.js';
import type { Site } from './positions.js';

export function decodePod(input: InputObject, defaultNamespace: string, sink: ProblemSink): Pod | undefined {
  const before = sink.errorCount;
  const meta = decodeMetadata(input.value, input.site, { namespaced: true, defaultNamespace, nameRule: 'dns1123-subdomain' }, sink);
  const spec = decodePodSpec(child(input.value, 'spec', input.site), sink);
  const ips = decodeIPs(input.value, input.site, sink);
  if (meta === undefined || spec === undefined || sink.errorCount > before) return undefined;
  const source = { file: input.site.file, line: input.site.line };
  const pod: Pod = {
    namespace: meta.namespace,
    name: meta.name,
    labels: meta.labels,
    ports: spec.ports,
    ips,
    hostNetwork: spec.hostNetwork,
    source,
  };
  return meta.owner === undefined ? pod : { ...pod, owner: meta.owner };
}

/** status.podIPs[*].ip, else status.podIP; duplicates removed. */
function decodeIPs(object: PlainObject, site: Site, sink: ProblemSink): string[] {
  const statusField = child(object, 'status', site);
  const status = readObject(statusField, sink) ?? {};
  const ips: string[] = [];
  const listField = child(status, 'podIPs', statusField.site);
  for (const entry of items(readList(listField, sink) ?? [], listField.site)) {
    const ip = readString(child(readObject(entry, sink) ?? {}, 'ip', entry.site), sink);
    if (ip !== undefined && ip !== '' && !ips.includes(ip)) ips.push(ip);
  }
  const single = readString(child(status, 'podIP', statusField.site), sink);
  if (single !== undefined && single !== '' && !ips.includes(single)) ips.unshift(single);
  return ips;
}

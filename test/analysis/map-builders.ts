// Connectivity maps written by hand, so that diff tests state their case in a few lines.
import { intervalToCIDRs, parseIP } from '../../src/algebra/ip-set.js';
import { ALL_PORTS, EMPTY_PORT_SET, portSetOf, unionPorts, type PortSet } from '../../src/algebra/port-set.js';
import type { ConnectivityMap, MapConnection, MapEndpoint, MapLevel } from '../../src/engine/types.js';
import type { Protocol } from '../../src/model/common.js';

/** A workload endpoint `ns/deployment/name`. */
export function workload(id: string): MapEndpoint {
  const [namespace, kind, name] = id.split('/') as [string, string, string];
  return { id, kind: kind === 'deployment' ? 'Deployment' : kind, namespace, name, pods: [`${namespace}/${name}-0`] };
}

/** An external range `first-last` (written as the map writes it: one CIDR, else first-last). */
export function range(start: string, end: string): MapEndpoint {
  const from = parseIP(start)!;
  const to = parseIP(end)!;
  const family = start.includes(':') ? 'IPv6' : 'IPv4';
  const cidrs = intervalToCIDRs(family, from.value, to.value);
  const id = cidrs.length === 1 ? cidrs[0]! : `${start}-${end}`;
  return { id, kind: 'External', start, end, cidrs };
}

/** `ports('TCP/80', 'UDP/53-54')`; `all` for every port. */
export function ports(...texts: string[]): PortSet {
  let set = EMPTY_PORT_SET;
  for (const text of texts) {
    if (text === 'all') return ALL_PORTS;
    const [protocol, span] = text.split('/') as [Protocol, string];
    const [from, to = from] = span.split('-').map(Number) as [number, number?];
    set = unionPorts(set, portSetOf(protocol, from, to));
  }
  return set;
}

export function connection(from: string, to: string, allow: PortSet): MapConnection {
  return { from, to, allow };
}

/** A map whose endpoints are given in the map's order (pod groups by id, then ranges by address). */
export function map(endpoints: MapEndpoint[], connections: MapConnection[], level: MapLevel = 'workload'): ConnectivityMap {
  return { level, endpoints, connections };
}

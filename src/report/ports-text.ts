import { PROTOCOLS, assertNever } from '../model/common.js';
import type { Protocol } from '../model/common.js';
import type { PolicyPort } from '../model/network-policy.js';
import { isAllPorts } from '../algebra/port-set.js';
import type { PortSet } from '../algebra/port-set.js';

const MAX_PORT = 65535;

/** `TCP/80`: one port of one protocol. */
export function formatProtocolPort(protocol: Protocol, port: number): string {
  return `${protocol}/${port}`;
}

/**
 * A port set in words: `all` for every port of every protocol, otherwise a comma-separated list
 * such as `TCP/80, TCP/8000-8080, UDP/all`.
 */
export function formatPortSet(ports: PortSet): string {
  if (isAllPorts(ports)) return 'all';
  const parts: string[] = [];
  for (const protocol of PROTOCOLS) {
    for (const [from, to] of ports[protocol]) {
      parts.push(`${protocol}/${formatRange(from, to)}`);
    }
  }
  return parts.length === 0 ? 'none' : parts.join(', ');
}

function formatRange(from: number, to: number): string {
  if (from <= 1 && to >= MAX_PORT) return 'all';
  return from === to ? `${from}` : `${from}-${to}`;
}

/** One entry of a rule's `ports` list, e.g. `TCP/80`, `TCP/8000-8080`, `TCP/http`, `UDP/all`. */
export function formatPolicyPort(entry: PolicyPort): string {
  const spec = entry.port;
  switch (spec.kind) {
    case 'all':
      return `${entry.protocol}/all`;
    case 'range':
      return `${entry.protocol}/${formatRange(spec.from, spec.to)}`;
    case 'named':
      return `${entry.protocol}/${spec.name}`;
    default:
      return assertNever(spec);
  }
}

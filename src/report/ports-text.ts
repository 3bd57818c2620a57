import { PROTOCOLS, assertNever } from '../model/common.js';
import type { Protocol } from '../model/common.js';
import type { PolicyPort } from '../model/network-policy.js';
import { isAllPorts } from '../algebra/port-set.js';
import type { PortRange, PortSet } from '../algebra/port-set.js';

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

/**
 * One protocol's ranges, compact: `80,443,8000-8080`; `all` for every port; '' for none. For cells
 * and edge labels that already say the protocol (map -o wide, csv, dot, mermaid).
 */
export function formatPortRanges(ranges: readonly PortRange[]): string {
  return ranges.map(([from, to]) => formatRange(from, to)).join(',');
}

/**
 * A port set in few characters, for graph edges: `all` for every port of every protocol, else
 * the protocols with ports, each as `TCP 80,443`, joined by `; ` (`TCP all; UDP 53`).
 */
export function formatPortSetCompact(ports: PortSet): string {
  if (isAllPorts(ports)) return 'all';
  const parts: string[] = [];
  for (const protocol of PROTOCOLS) {
    if (ports[protocol].length > 0) parts.push(`${protocol} ${formatPortRanges(ports[protocol])}`);
  }
  return parts.length === 0 ? 'none' : parts.join('; ');
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

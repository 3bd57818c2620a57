// Ports in the words the CLI uses (src/report/ports-text.ts): `all`, `TCP/80, UDP/53`, `none`.
import type { PortsJson } from '../../api-types.ts';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;

function range([from, to]: [number, number]): string {
  if (from <= 1 && to >= 65535) return 'all';
  return from === to ? `${from}` : `${from}-${to}`;
}

export function isAllPorts(ports: PortsJson): boolean {
  return PROTOCOLS.every((p) => {
    const ranges = ports[p];
    return ranges !== undefined && ranges.length === 1 && ranges[0]?.[0] === 1 && ranges[0]?.[1] === 65535;
  });
}

/** `all`, or `TCP/80, TCP/8000-8080, UDP/all`, or `none`. */
export function portsText(ports: PortsJson): string {
  if (isAllPorts(ports)) return 'all';
  const parts: string[] = [];
  for (const protocol of PROTOCOLS) {
    for (const r of ports[protocol] ?? []) parts.push(`${protocol}/${range(r)}`);
  }
  return parts.length === 0 ? 'none' : parts.join(', ');
}

/** Few characters for an edge label: `all`, `TCP 80,443`, `TCP all; UDP 53`; long lists cut with `…`. */
export function portsLabel(ports: PortsJson, max = 28): string {
  if (isAllPorts(ports)) return 'all';
  const parts: string[] = [];
  for (const protocol of PROTOCOLS) {
    const ranges = ports[protocol];
    if (ranges !== undefined && ranges.length > 0) parts.push(`${protocol} ${ranges.map(range).join(',')}`);
  }
  const text = parts.join('; ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The first allowed port of a connection, for Explain: TCP first, then UDP, then SCTP. */
export function firstPort(ports: PortsJson): { protocol: 'TCP' | 'UDP' | 'SCTP'; port: number } | undefined {
  for (const protocol of PROTOCOLS) {
    const first = ports[protocol]?.[0];
    if (first !== undefined) return { protocol, port: first[0] };
  }
  return undefined;
}

/** Both port sets together: per protocol, ranges sorted and merged (adjacent ones too). */
export function unionPorts(a: PortsJson, b: PortsJson): PortsJson {
  const out: PortsJson = {};
  for (const protocol of PROTOCOLS) {
    const ranges = [...(a[protocol] ?? []), ...(b[protocol] ?? [])].sort((x, y) => x[0] - y[0]);
    const merged: [number, number][] = [];
    for (const [from, to] of ranges) {
      const last = merged[merged.length - 1];
      if (last !== undefined && from <= last[1] + 1) last[1] = Math.max(last[1], to);
      else merged.push([from, to]);
    }
    if (merged.length > 0) out[protocol] = merged;
  }
  return out;
}

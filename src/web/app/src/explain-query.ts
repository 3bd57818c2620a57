// From a drawn connection to an Explain query: the port TCP/80 when the connection allows it (the
// common case), else its first allowed port; nothing for namespace-level ends (not explainable).
import type { MapView } from '../../api-types.ts';
import type { ExplainQuery } from './api.ts';
import { firstPort } from './ports.ts';

export function explainQueryFor(map: MapView, from: string, to: string): ExplainQuery | undefined {
  const ends = map.endpoints.filter((e) => e.id === from || e.id === to);
  if (ends.some((e) => e.kind === 'Namespace')) return undefined;
  const connection = map.connections.find((c) => c.from === from && c.to === to);
  if (connection === undefined) return { from, to, protocol: 'TCP' };
  const tcp80 = (connection.allow.TCP ?? []).some(([a, b]) => a <= 80 && 80 <= b);
  if (tcp80) return { from, to, port: '80', protocol: 'TCP' };
  const first = firstPort(connection.allow);
  return first === undefined ? { from, to, protocol: 'TCP' } : { from, to, port: String(first.port), protocol: first.protocol };
}

// The exposure report's words on the page, as the CLI's table writes them
// (src/report/exposure-words.ts, kubectl's selector text from src/algebra/label-selector.ts):
// `entire cluster`, `any namespace, pods k8s-app=kube-dns`, `namespaces purpose=monitoring, any pod`;
// ports as the map's edges and tables write them, named ports last (`TCP http`, `TCP/http`).
// test/web/exposure-words.test.ts holds them to the CLI's words.
import type { ExposurePeerJson, ExposurePortsJson, SelectorJson } from '../../api-types.ts';
import { isAllPorts, portsLabel, portsText } from './ports.ts';

/** Code-unit order, independent of the locale, as the CLI sorts. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const OPERATOR_RANK = { In: 1, NotIn: 2, Exists: 3, DoesNotExist: 4 } as const;

function requirementText(r: SelectorJson['matchExpressions'][number]): string {
  const values = () => [...new Set(r.values)].sort(compareText).join(',');
  switch (r.operator) {
    case 'In':
      return `${r.key} in (${values()})`;
    case 'NotIn':
      return `${r.key} notin (${values()})`;
    case 'Exists':
      return r.key;
    case 'DoesNotExist':
      return `!${r.key}`;
  }
}

/** `k=v,k2 in (a,b),!k3`, sorted by key then operator, as kubectl prints a selector. */
export function selectorText(selector: SelectorJson): string {
  const parts = [
    ...Object.entries(selector.matchLabels).map(([key, value]) => ({ key, rank: 0, text: `${key}=${value}` })),
    ...selector.matchExpressions.map((r) => ({ key: r.key, rank: OPERATOR_RANK[r.operator], text: requirementText(r) })),
  ];
  parts.sort((a, b) => compareText(a.key, b.key) || a.rank - b.rank || compareText(a.text, b.text));
  return parts.map((p) => p.text).join(',');
}

/** The PEER column of `netwarden exposure`. */
export function peerText(peer: ExposurePeerJson): string {
  switch (peer.kind) {
    case 'entire-cluster':
      return 'entire cluster';
    case 'external':
      return peer.blocks.map((b) => (b.except.length === 0 ? b.cidr : `${b.cidr} (except ${b.except.join(', ')})`)).join(', ');
    case 'representative': {
      const ns = peer.namespaces;
      const namespaces = ns.kind === 'all' ? 'any namespace' : ns.kind === 'named' ? `namespace ${ns.name}` : `namespaces ${selectorText(ns.selector)}`;
      const pods = peer.pods.kind === 'all' ? 'any pod' : `pods ${selectorText(peer.pods.selector)}`;
      return `${namespaces}, ${pods}`;
    }
  }
}

function namedParts(ports: ExposurePortsJson, separator: '/'): string[] {
  return (ports.named ?? []).map((n) => (n.protocol === undefined ? n.name : `${n.protocol}${separator}${n.name}`));
}

function hasNumbers(ports: ExposurePortsJson): boolean {
  return (['TCP', 'UDP', 'SCTP'] as const).some((p) => (ports[p]?.length ?? 0) > 0);
}

/** Every port of every protocol and no name: drawn as an `all` (grey) edge. */
export function exposureIsAll(ports: ExposurePortsJson): boolean {
  return (ports.named ?? []).length === 0 && isAllPorts(ports);
}

/**
 * An edge label, as the map's edges and `netwarden exposure -o dot`: `TCP 5432`, `all`,
 * `TCP 80,http; UDP 53` (named ports after a protocol's numbers); cut with `…` past `max`.
 */
export function exposurePortsLabel(ports: ExposurePortsJson, max = 28): string {
  const named = ports.named ?? [];
  if (named.length === 0) return hasNumbers(ports) ? portsLabel(ports, max) : 'none';
  const parts: string[] = [];
  const bare = named.filter((n) => n.protocol === undefined).map((n) => n.name);
  if (bare.length > 0) parts.push(bare.join(','));
  for (const protocol of ['TCP', 'UDP', 'SCTP'] as const) {
    const numbers = hasNumbers({ [protocol]: ports[protocol] ?? [] }) ? [portsLabel({ [protocol]: ports[protocol] ?? [] }, Infinity).slice(protocol.length + 1)] : [];
    const items = [...numbers, ...named.filter((n) => n.protocol === protocol).map((n) => n.name)];
    if (items.length > 0) parts.push(`${protocol} ${items.join(',')}`);
  }
  const text = parts.join('; ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** As the PORTS column: `TCP/5432, UDP/53`, `all`, `none`; named ports last, `TCP/http`. */
export function exposurePortsText(ports: ExposurePortsJson): string {
  const parts = [...(hasNumbers(ports) ? [portsText(ports)] : []), ...namedParts(ports, '/')];
  return parts.length === 0 ? 'none' : parts.join(', ');
}

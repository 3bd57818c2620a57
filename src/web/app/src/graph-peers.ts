// The cluster-wide peers of the exposure report (GET /api/exposure) as graph nodes: the entire
// cluster ("any namespace"), and each peer the policies name by labels in any namespace or in
// namespaces chosen by labels. They stand for pods that may not exist yet, so the map of today's
// pods cannot show them. A peer inside one named namespace is left out: that namespace's pods
// are on the graph already. Edges come from the report: the subjects exposed to each peer.
import type { ElementDefinition } from 'cytoscape';
import type { ExposurePeerJson, ExposurePortsJson, ExposureView, MapView } from '../../api-types.ts';
import { edgeId, nodeSize } from './graph-elements.ts';
import { exposureIsAll, exposurePortsLabel, peerText } from './exposure-words.ts';
import { isNamespace } from './map-model.ts';
import { unionPorts } from './ports.ts';

export const PEER_PREFIX = 'peer:';

/** One subject's exposure to one drawn peer, in one direction. */
export interface PeerLink {
  readonly peer: string;
  readonly subject: string;
  /** ingress: the peer may connect to the subject; egress: the subject may connect to the peer. */
  readonly direction: 'ingress' | 'egress';
  readonly ports: ExposurePortsJson;
}

export interface PeerIndex {
  /** Node id -> the exposure table's words for it. */
  readonly peers: ReadonlyMap<string, string>;
  readonly links: readonly PeerLink[];
}

export function isPeerNode(id: string): boolean {
  return id.startsWith(PEER_PREFIX);
}

function drawnPeer(peer: ExposurePeerJson): boolean {
  return peer.kind === 'entire-cluster' || (peer.kind === 'representative' && peer.namespaces.kind !== 'named');
}

function hasPorts(ports: ExposurePortsJson): boolean {
  return Object.values(ports).some((list) => Array.isArray(list) && list.length > 0);
}

/** The drawn peers and every exposure to them that lets some port through. */
export function peerIndex(report: ExposureView): PeerIndex {
  const peers = new Map<string, string>();
  const links: PeerLink[] = [];
  for (const subject of report.subjects) {
    for (const direction of ['ingress', 'egress'] as const) {
      for (const { peer, ports } of subject[direction].exposures) {
        if (!drawnPeer(peer) || !hasPorts(ports)) continue;
        const text = peerText(peer);
        const id = `${PEER_PREFIX}${text}`;
        peers.set(id, text);
        links.push({ peer: id, subject: subject.id, direction, ports });
      }
    }
  }
  return { peers, links };
}

/** The ranges as ports.ts unions them, plus the named ports of both, each once. */
function unionExposurePorts(a: ExposurePortsJson, b: ExposurePortsJson): ExposurePortsJson {
  const out: ExposurePortsJson = unionPorts(a, b);
  const named = [...(a.named ?? []), ...(b.named ?? [])].filter((n, i, all) => all.findIndex((m) => m.name === n.name && m.protocol === n.protocol) === i);
  if (named.length > 0) out.named = named;
  return out;
}

/** The node a subject is drawn as: itself, or at namespace level its namespace (unless opened). */
function drawnAs(map: MapView): (subject: string) => string | undefined {
  const ids = new Set(map.endpoints.map((e) => e.id));
  const namespaces = new Set(map.endpoints.filter(isNamespace).map((e) => e.id));
  return (subject) => (ids.has(subject) ? subject : map.level === 'namespace' && namespaces.has(subject.split('/')[0] ?? '') ? subject.split('/')[0] : undefined);
}

export function peerLabel(text: string): string {
  return text === 'entire cluster' ? 'any namespace\nentire cluster' : text;
}

/**
 * Nodes and edges for the drawn peers; with `focus`, only the peers linked to that node (a big
 * cluster's namespace level, where every peer linked to every namespace would hide the map).
 */
export function peerElements(index: PeerIndex, map: MapView, focus?: string): ElementDefinition[] {
  const nodeOf = drawnAs(map);
  const edges = new Map<string, { source: string; target: string; ports: ExposurePortsJson }>();
  for (const link of index.links) {
    const node = nodeOf(link.subject);
    if (node === undefined || (focus !== undefined && node !== focus && link.peer !== focus)) continue;
    const [source, target] = link.direction === 'ingress' ? [link.peer, node] : [node, link.peer];
    const id = edgeId(source, target);
    const prior = edges.get(id);
    edges.set(id, { source, target, ports: prior === undefined ? link.ports : unionExposurePorts(prior.ports, link.ports) });
  }
  const used = new Set([...edges.values()].flatMap((e) => [e.source, e.target]));
  const elements: ElementDefinition[] = [];
  for (const [id, text] of index.peers) {
    if (!used.has(id)) continue;
    const label = peerLabel(text);
    elements.push({ group: 'nodes', data: { id, label, kind: 'Peer', ...nodeSize(label, 13) }, classes: 'cluster-peer' });
  }
  for (const [id, e] of edges) {
    const classes = `${exposureIsAll(e.ports) ? 'full' : 'partial'} peer-edge`;
    elements.push({ group: 'edges', data: { id, source: e.source, target: e.target, label: exposurePortsLabel(e.ports) }, classes });
  }
  return elements;
}

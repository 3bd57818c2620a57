// Cytoscape elements for a map: namespaces as compound parents (workload and pod levels),
// namespaces as nodes with counts (namespace level), external ranges as their own nodes, and
// one edge per allowed connection labelled with its ports. A what-if diff marks edges added,
// changed and removed (removed ones are drawn from the diff, since the new map lacks them).
import type { ElementDefinition } from 'cytoscape';
import type { ClusterView, DiffJson, MapEndpointView, MapView } from '../../api-types.ts';
import { portsLabel } from './ports.ts';
import { FONT } from './graph-style.ts';
import { isExternal, isNamespace, isPodOrWorkload } from './map-model.ts';
import { formatCount } from './format.ts';

const NS_PREFIX = 'ns:';

export function namespaceNodeId(name: string): string {
  return `${NS_PREFIX}${name}`;
}

export function edgeId(from: string, to: string): string {
  return `e:${from}\u0000${to}`;
}

function isolationClass(isolated: { ingress: boolean; egress: boolean } | undefined): string {
  if (isolated === undefined) return '';
  if (isolated.ingress && isolated.egress) return 'iso-both';
  if (isolated.ingress) return 'iso-in';
  return isolated.egress ? 'iso-out' : '';
}

function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

let measure: CanvasRenderingContext2D | null | undefined;

/** A node's box from its label (cytoscape's `width: label` is deprecated): text width + padding. */
export function nodeSize(label: string, fontSize: number): { w: number; h: number } {
  measure ??= document.createElement('canvas').getContext('2d');
  const lines = label.split('\n');
  let width = 0;
  for (const [i, line] of lines.entries()) {
    if (measure !== null) measure.font = `${i === 0 ? 'bold ' : ''}${fontSize}px ${FONT}`;
    width = Math.max(width, measure === null ? line.length * fontSize * 0.6 : measure.measureText(line).width);
  }
  return { w: Math.ceil(width) + 28, h: lines.length * Math.round(fontSize * 1.3) + 20 };
}

function endpointNode(endpoint: MapEndpointView, podCounts: ReadonlyMap<string, number>): ElementDefinition {
  if (isExternal(endpoint)) {
    const label = endpoint.id === '0.0.0.0/0' || endpoint.id === '::/0' ? `${endpoint.id}\noutside the cluster` : endpoint.id;
    return { group: 'nodes', data: { id: endpoint.id, label, kind: 'External', ...nodeSize(label, 13) }, classes: 'external' };
  }
  if (isNamespace(endpoint)) {
    const label = `${endpoint.name}\n${plural(endpoint.workloads, 'workload')} · ${plural(endpoint.pods, 'pod')}`;
    const classes = ['namespace-node', isolationClass(endpoint.isolated)].join(' ').trim();
    return { group: 'nodes', data: { id: endpoint.id, label, kind: 'Namespace', namespace: endpoint.namespace, ...nodeSize(label, 13) }, classes };
  }
  const pods = podCounts.get(endpoint.id);
  const detail = endpoint.kind === 'Pod' ? 'Pod' : pods === undefined ? endpoint.kind : `${endpoint.kind} · ${plural(pods, 'pod')}`;
  const classes = ['workload', isolationClass(endpoint.isolated)].join(' ').trim();
  return {
    group: 'nodes',
    data: { id: endpoint.id, label: `${endpoint.name}\n${detail}`, kind: endpoint.kind, parent: namespaceNodeId(endpoint.namespace), namespace: endpoint.namespace, ...nodeSize(`${endpoint.name}\n${detail}`, 13) },
    classes,
  };
}

function namespaceParents(map: MapView): ElementDefinition[] {
  const names = new Set<string>();
  for (const e of map.endpoints) if (isPodOrWorkload(e)) names.add(e.namespace);
  return [...names].sort().map((name) => ({ group: 'nodes', data: { id: namespaceNodeId(name), label: name, kind: 'NamespaceGroup' }, classes: 'namespace-group' }));
}

function diffClasses(diff: DiffJson | undefined): Map<string, string> {
  const classes = new Map<string, string>();
  for (const change of diff?.changes ?? []) classes.set(edgeId(change.from, change.to), change.change);
  return classes;
}

export function graphElements(map: MapView, cluster: ClusterView | undefined, diff?: DiffJson): ElementDefinition[] {
  const podCounts = new Map<string, number>();
  for (const w of cluster?.workloads ?? []) podCounts.set(w.id, w.podCount);
  const elements: ElementDefinition[] = namespaceParents(map);
  const present = new Set<string>();
  for (const endpoint of map.endpoints) {
    elements.push(endpointNode(endpoint, podCounts));
    present.add(endpoint.id);
  }
  const changes = diffClasses(diff);
  for (const c of map.connections) {
    const id = edgeId(c.from, c.to);
    const label = c.pairs !== undefined && c.pairs > 1 && map.level === 'namespace' ? `${portsLabel(c.allow)} · ${plural(c.pairs, 'pair')}` : portsLabel(c.allow);
    const classes = [c.full ? 'full' : 'partial', changes.get(id) ?? ''].join(' ').trim();
    elements.push({ group: 'edges', data: { id, source: c.from, target: c.to, label }, classes });
  }
  for (const change of diff?.changes ?? []) {
    if (change.change !== 'removed' || !present.has(change.from) || !present.has(change.to)) continue;
    elements.push({ group: 'edges', data: { id: edgeId(change.from, change.to), source: change.from, target: change.to, label: `removed: ${portsLabel(change.before)}` }, classes: 'removed' });
  }
  return elements;
}

// Exports of the Graph tab: PNG from cytoscape's renderer, SVG written from the laid-out
// positions (built with DOM nodes and textContent, so names are escaped by the serializer),
// and files downloaded from memory (an object URL: nothing leaves the page).
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';

const SVG_NS = 'http://www.w3.org/2000/svg';

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function graphPng(cy: Core): Blob {
  return cy.png({ full: true, scale: 2, bg: '#ffffff', output: 'blob' });
}

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function style(ele: NodeSingular | EdgeSingular, name: string): string {
  return String(ele.style(name));
}

function nodeShape(node: NodeSingular): SVGElement {
  const box = node.boundingBox({ includeLabels: node.isParent(), includeOverlays: false });
  const dashed = style(node, 'border-style') === 'dashed' ? { 'stroke-dasharray': '6 4' } : {};
  return el('rect', {
    x: box.x1, y: box.y1, width: box.w, height: box.h, rx: node.isParent() ? 10 : 6,
    fill: style(node, 'background-color'), stroke: style(node, 'border-color'),
    'stroke-width': parseFloat(style(node, 'border-width')) || 1, ...dashed,
  });
}

function nodeLabel(node: NodeSingular): SVGElement {
  const lines = String(node.data('label') ?? '').split('\n');
  const box = node.boundingBox({ includeLabels: false, includeOverlays: false });
  const top = node.isParent() ? box.y1 - 6 - 14 * (lines.length - 1) : node.position('y') - ((lines.length - 1) * 14) / 2 + 4;
  const text = el('text', { x: node.position('x'), y: top, 'text-anchor': 'middle', 'font-size': node.isParent() ? 14 : 13, fill: style(node, 'color') });
  if (node.isParent()) text.setAttribute('font-weight', 'bold');
  lines.forEach((line, i) => text.append(el('tspan', { x: node.position('x'), dy: i === 0 ? 0 : 14 }, line)));
  return text;
}

function edgePath(edge: EdgeSingular): SVGElement[] {
  const s = edge.sourceEndpoint();
  const t = edge.targetEndpoint();
  const control = edge.controlPoints();
  const c = control !== undefined && control.length > 0 ? control[0] : undefined;
  const d = c === undefined ? `M${s.x},${s.y} L${t.x},${t.y}` : `M${s.x},${s.y} Q${c.x},${c.y} ${t.x},${t.y}`;
  const color = style(edge, 'line-color');
  const dashed = style(edge, 'line-style') === 'dashed' ? { 'stroke-dasharray': '6 4' } : {};
  const path = el('path', { d, fill: 'none', stroke: color, 'stroke-width': parseFloat(style(edge, 'width')) || 1.5, 'marker-end': 'url(#arrow)', ...dashed });
  const mid = edge.midpoint();
  const label = String(edge.data('label') ?? '');
  const width = label.length * 5.6 + 6;
  return [
    path,
    el('rect', { x: mid.x - width / 2, y: mid.y - 8, width, height: 15, rx: 3, fill: '#ffffff', 'fill-opacity': 0.9 }),
    el('text', { x: mid.x, y: mid.y + 3.5, 'text-anchor': 'middle', 'font-size': 10, fill: style(edge, 'color') }, label),
  ];
}

/** The graph as drawn now, as a standalone SVG document. */
export function graphSvg(cy: Core): Blob {
  const box = cy.elements().boundingBox({ includeLabels: true });
  const pad = 20;
  const svg = el('svg', { xmlns: SVG_NS, viewBox: `${box.x1 - pad} ${box.y1 - pad} ${box.w + 2 * pad} ${box.h + 2 * pad}`, width: Math.ceil(box.w + 2 * pad), height: Math.ceil(box.h + 2 * pad), 'font-family': 'Inter, Segoe UI, Roboto, Helvetica, Arial, sans-serif' });
  const defs = el('defs', {});
  const marker = el('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  marker.append(el('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#64748b' }));
  defs.append(marker);
  svg.append(defs, el('rect', { x: box.x1 - pad, y: box.y1 - pad, width: box.w + 2 * pad, height: box.h + 2 * pad, fill: '#ffffff' }));
  const parents = cy.nodes().filter((n) => n.isParent());
  const leaves = cy.nodes().filter((n) => !n.isParent());
  parents.forEach((n) => void svg.append(nodeShape(n), nodeLabel(n)));
  cy.edges().forEach((e) => void svg.append(...edgePath(e)));
  leaves.forEach((n) => void svg.append(nodeShape(n), nodeLabel(n)));
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
  return new Blob([xml], { type: 'image/svg+xml' });
}

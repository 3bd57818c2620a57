// One cytoscape instance for the Graph tab. A map up to LARGE nodes/edges is laid out by fcose
// (compound-aware force layout); a larger one (a big cluster's namespace level) is placed on a
// grid and shows only the edges of the selected node, so the page stays responsive.
import cytoscape from 'cytoscape';
import type { Core, EdgeSingular, ElementDefinition, NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { graphStyle } from './graph-style.ts';

cytoscape.use(fcose);

const LARGE_NODES = 400;
const LARGE_EDGES = 3000;

export interface GraphEvents {
  onEdge(from: string, to: string): void;
  onNode(id: string | undefined): void;
  onExpand(id: string): void;
}

export class GraphController {
  readonly cy: Core;
  private hiddenEdges: ElementDefinition[] = [];
  large = false;
  laidOut = false;

  constructor(container: HTMLElement, events: GraphEvents) {
    this.cy = cytoscape({ container, style: graphStyle, wheelSensitivity: 0.3, minZoom: 0.05, maxZoom: 3, boxSelectionEnabled: false });
    this.cy.on('tap', 'edge', (event) => {
      const edge = event.target as EdgeSingular;
      if (!edge.hasClass('removed')) events.onEdge(edge.source().id(), edge.target().id());
    });
    this.cy.on('tap', 'node', (event) => {
      const node = event.target as NodeSingular;
      if (this.large) this.showEdgesOf(node.id());
      events.onNode(node.id());
    });
    this.cy.on('tap', (event) => {
      if (event.target === this.cy) events.onNode(undefined);
    });
    this.cy.on('dbltap', 'node.namespace-node', (event) => events.onExpand((event.target as NodeSingular).id()));
  }

  /**
   * Replaces the graph. When every workload or range was already drawn (a what-if, a reload),
   * the nodes keep their places, so what changed is what the eye sees move: only the edges.
   */
  setElements(elements: ElementDefinition[], onDone: () => void): void {
    const nodes = elements.filter((e) => e.group === 'nodes');
    const edges = elements.filter((e) => e.group === 'edges');
    const before = new Map(this.cy.nodes().filter((n) => !n.isParent()).map((n) => [n.id(), { ...(n as NodeSingular).position() }] as const));
    const leaves = nodes.filter((n) => !String(n.data.id).startsWith('ns:') || n.data['kind'] === 'Namespace');
    const keep = before.size > 0 && leaves.every((n) => before.has(String(n.data.id)));
    this.large = nodes.length > LARGE_NODES || edges.length > LARGE_EDGES;
    this.hiddenEdges = this.large ? edges : [];
    this.laidOut = false;
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(
        (this.large ? nodes : elements).map((e) => {
          const position = keep ? before.get(String(e.data.id)) : undefined;
          return position === undefined ? e : { ...e, position: { x: position.x, y: position.y } };
        }),
      );
    });
    if (keep) {
      this.laidOut = true;
      onDone();
    } else this.layout(onDone);
  }

  layout(onDone: () => void = () => undefined): void {
    const options = this.large ? this.gridOptions()
      : { name: 'fcose', quality: 'proof', randomize: true, animate: false, fit: true, padding: 40, nodeDimensionsIncludeLabels: true, idealEdgeLength: 190, nodeRepulsion: 14000, nodeSeparation: 120, nestingFactor: 0.2, gravity: 0.25, numIter: 4000, packComponents: true, tile: true };
    const layout = this.cy.layout(options as cytoscape.LayoutOptions);
    layout.one('layoutstop', () => {
      // A large grid fitted to the screen is unreadable: start at its top left (the most
      // connected), labels legible; Fit shows it all.
      if (this.large && this.cy.zoom() < 0.8) {
        const box = this.cy.nodes().boundingBox();
        this.cy.zoom(0.9);
        this.cy.pan({ x: 24 - box.x1 * 0.9, y: 24 - box.y1 * 0.9 });
      }
      // A small graph fitted to the screen would be drawn huge: keep text at about its size.
      if (this.cy.zoom() > 1.25) {
        this.cy.zoom(1.25);
        this.cy.center();
      }
      this.laidOut = true;
      onDone();
    });
    layout.run();
  }

  /**
   * Large graphs: a grid shaped like the screen (nodes are about 3.4 times wider than tall), the
   * most connected nodes first (top left), so hubs such as kube-system are easy to find.
   */
  private gridOptions(): cytoscape.GridLayoutOptions {
    const degree = new Map<string, number>();
    for (const e of this.hiddenEdges) {
      for (const end of [String(e.data.source), String(e.data.target)]) degree.set(end, (degree.get(end) ?? 0) + 1);
    }
    const n = Math.max(1, this.cy.nodes().length);
    const cols = Math.max(1, Math.round(Math.sqrt((n * (this.cy.width() / Math.max(1, this.cy.height()))) / 3.4)));
    const rank = (node: NodeSingular) => degree.get(node.id()) ?? 0;
    return { name: 'grid', avoidOverlap: true, condense: true, animate: false, fit: true, padding: 30, cols, sort: (a, b) => rank(b as NodeSingular) - rank(a as NodeSingular) || (a.id() < b.id() ? -1 : 1) };
  }

  /**
   * Large graphs: the edges touching `id`, added on demand (at most 600). A peer card drawn for
   * one namespace (setOverlay) has none among them and keeps the edges it was drawn with; the
   * overlay's edges stay whichever node is clicked.
   */
  private showEdgesOf(id: string): void {
    const touching = this.hiddenEdges.filter((e) => e.data.source === id || e.data.target === id).slice(0, 600);
    if (touching.length === 0 && this.cy.getElementById(id).hasClass('cluster-peer')) return;
    this.cy.batch(() => {
      this.cy.edges().not('.overlay').remove();
      this.cy.add(touching);
    });
  }

  /**
   * Replaces the peer nodes drawn for one node (a big cluster's namespace level) with `elements`,
   * placed in a column to the right of `near`, without laying out the rest again.
   */
  setOverlay(elements: ElementDefinition[], near: string | undefined): void {
    const anchor = near === undefined ? undefined : this.cy.getElementById(near);
    const at = anchor === undefined || anchor.empty() ? { x: 0, y: 0 } : (anchor as NodeSingular).position();
    const right = anchor === undefined || anchor.empty() ? 0 : (anchor as NodeSingular).width() / 2;
    const nodes = elements.filter((e) => e.group === 'nodes');
    this.cy.batch(() => {
      this.cy.elements('.overlay').remove();
      this.cy.add(
        elements.map((e) => {
          const overlay = { ...e, classes: `${String(e.classes ?? '')} overlay` };
          const i = nodes.indexOf(e);
          if (i === -1) return overlay;
          const w = Number(e.data['w'] ?? 0);
          return { ...overlay, position: { x: at.x + right + 120 + w / 2, y: at.y + (i - (nodes.length - 1) / 2) * 70 } };
        }),
      );
    });
  }

  focus(id: string): boolean {
    const node = this.cy.getElementById(id);
    if (node.empty()) return false;
    this.cy.elements().unselect();
    node.select();
    if (this.large) this.showEdgesOf(id);
    this.cy.animate({ center: { eles: node }, zoom: Math.max(this.cy.zoom(), 1) }, { duration: 250 });
    return true;
  }

  /** Page coordinates of an edge's midpoint (for the test hook), or null when it is not drawn. */
  edgePoint(from: string, to: string): { x: number; y: number } | null {
    const edge = this.cy.edges().filter((e) => e.source().id() === from && e.target().id() === to && !e.hasClass('removed'));
    if (edge.empty()) return null;
    const mid = (edge.first() as EdgeSingular).renderedMidpoint();
    const box = this.cy.container()?.getBoundingClientRect();
    return box === undefined ? null : { x: box.left + mid.x, y: box.top + mid.y };
  }

  /** Page coordinates of a node's centre (for the test hook), or null when it is not drawn. */
  nodePoint(id: string): { x: number; y: number } | null {
    const node = this.cy.getElementById(id);
    const box = this.cy.container()?.getBoundingClientRect();
    if (node.empty() || box === undefined) return null;
    const at = (node as NodeSingular).renderedPosition();
    return { x: box.left + at.x, y: box.top + at.y };
  }

  destroy(): void {
    this.cy.destroy();
  }
}

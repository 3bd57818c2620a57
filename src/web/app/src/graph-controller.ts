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

  setElements(elements: ElementDefinition[], onDone: () => void): void {
    const nodes = elements.filter((e) => e.group === 'nodes');
    const edges = elements.filter((e) => e.group === 'edges');
    this.large = nodes.length > LARGE_NODES || edges.length > LARGE_EDGES;
    this.hiddenEdges = this.large ? edges : [];
    this.laidOut = false;
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(this.large ? nodes : elements);
    });
    this.layout(onDone);
  }

  layout(onDone: () => void = () => undefined): void {
    const options = this.large
      ? { name: 'grid', avoidOverlap: true, condense: true, animate: false, fit: true, padding: 30 }
      : { name: 'fcose', quality: 'proof', randomize: true, animate: false, fit: true, padding: 40, nodeDimensionsIncludeLabels: true, idealEdgeLength: 140, nodeRepulsion: 9000, nestingFactor: 0.15, gravity: 0.3, packComponents: true, tile: true };
    const layout = this.cy.layout(options as cytoscape.LayoutOptions);
    layout.one('layoutstop', () => {
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

  /** Large graphs: the edges touching `id`, added on demand (at most 600). */
  private showEdgesOf(id: string): void {
    this.cy.batch(() => {
      this.cy.edges().remove();
      const touching = this.hiddenEdges.filter((e) => e.data.source === id || e.data.target === id).slice(0, 600);
      this.cy.add(touching);
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

  destroy(): void {
    this.cy.destroy();
  }
}

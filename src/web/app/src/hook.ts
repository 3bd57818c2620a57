// `window.__netwarden`: read-only view state for the browser tests and for scripting the page
// (which tab, which level, whether the graph is laid out, a cell's state, where an edge is drawn).
import type { MapView } from '../../api-types.ts';
import { cellState } from './map-model.ts';
import type { CellState } from './map-model.ts';

export interface GraphProbe {
  nodes(): string[];
  edges(): [string, string][];
  edgePoint(from: string, to: string): { x: number; y: number } | null;
  nodePoint(id: string): { x: number; y: number } | null;
  laidOut(): boolean;
  /** A node's label as drawn (lines joined by a newline), or null when it is not drawn. */
  nodeLabel(id: string): string | null;
  edgeLabel(from: string, to: string): string | null;
}

export interface MatrixProbe {
  /** Scrolls the cell into view and returns its page coordinates. */
  cellPoint(from: string, to: string): { x: number; y: number } | null;
}

interface Registry {
  tab: string;
  level: string | undefined;
  generation: number;
  whatIf: boolean;
  ready: boolean;
  graph: GraphProbe | undefined;
  matrix: MatrixProbe | undefined;
  /** The map the Graph and Matrix show (the what-if map when one is applied). */
  map: MapView | undefined;
}

export const registry: Registry = { tab: 'graph', level: undefined, generation: 0, whatIf: false, ready: false, graph: undefined, matrix: undefined, map: undefined };

const probe = Object.freeze({
  state: () => ({ tab: registry.tab, level: registry.level, generation: registry.generation, whatIf: registry.whatIf, ready: registry.ready, graphLaidOut: registry.graph?.laidOut() ?? false }),
  graphNodes: () => registry.graph?.nodes() ?? [],
  graphEdges: () => registry.graph?.edges() ?? [],
  edgePoint: (from: string, to: string) => registry.graph?.edgePoint(from, to) ?? null,
  nodePoint: (id: string) => registry.graph?.nodePoint(id) ?? null,
  nodeLabel: (id: string) => registry.graph?.nodeLabel(id) ?? null,
  edgeLabel: (from: string, to: string) => registry.graph?.edgeLabel(from, to) ?? null,
  matrixCell: (from: string, to: string): CellState | null => (registry.map === undefined ? null : (cellState(registry.map, from, to) ?? null)),
  matrixCellPoint: (from: string, to: string) => registry.matrix?.cellPoint(from, to) ?? null,
});

declare global {
  interface Window {
    __netwarden: typeof probe;
  }
}

Object.defineProperty(window, '__netwarden', { value: probe, writable: false, configurable: false });

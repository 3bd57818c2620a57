// Level switch, find, fit/re-layout, and the exports (graph SVG/PNG, map JSON/CSV).
import { useState } from 'preact/hooks';
import type { MapEndpointView, MapLevel } from '../../api-types.ts';
import { exportUrl } from './api.ts';
import { download, graphPng, graphSvg } from './export.ts';
import type { GraphController } from './graph-controller.ts';
import { EXPAND_LIMIT } from './map-model.ts';
import { formatCount } from './format.ts';

const LEVELS: { id: MapLevel; label: string }[] = [
  { id: 'namespace', label: 'Namespaces' },
  { id: 'workload', label: 'Workloads' },
  { id: 'pod', label: 'Pods' },
];

interface Props {
  level: MapLevel | undefined;
  /** The cluster's workload count: above EXPAND_LIMIT, a finer level is loaded on a second click. */
  workloads: number;
  controller: GraphController | undefined;
  expanded: ReadonlySet<string>;
  endpoints: MapEndpointView[];
  onLevel(level: MapLevel): void;
  onCollapse(): void;
  onFind(id: string): boolean;
}

export function GraphToolbar({ level, workloads, controller, expanded, endpoints, onLevel, onCollapse, onFind }: Props) {
  const [find, setFind] = useState('');
  const [asked, setAsked] = useState<MapLevel>();
  const choose = (next: MapLevel) => {
    const heavy = next !== 'namespace' && workloads > EXPAND_LIMIT && asked !== next;
    setAsked(heavy ? next : undefined);
    if (!heavy) onLevel(next);
  };
  const exportLevel = level === 'pod' ? 'pod' : 'workload';
  return (
    <div class="toolbar">
      <div class="segmented" role="group" aria-label="level">
        {LEVELS.map((l) => (
          <button type="button" class={level === l.id ? 'active' : ''} data-testid={`level-${l.id}`} onClick={() => choose(l.id)}>
            {l.label}
          </button>
        ))}
      </div>
      {asked !== undefined ? <span class="warn-text">{formatCount(workloads)} workloads: the {asked}-level map is large and slow to draw. Click again to load it.</span> : null}
      {expanded.size > 0 ? (
        <button type="button" onClick={onCollapse}>
          Collapse {expanded.size} namespace{expanded.size === 1 ? '' : 's'}
        </button>
      ) : null}
      <form
        class="find"
        onSubmit={(event) => {
          event.preventDefault();
          if (!onFind(find.trim())) {
            const match = endpoints.find((e) => e.id.includes(find.trim()));
            if (match !== undefined) onFind(match.id);
          }
        }}
      >
        <input type="search" placeholder="Find a workload, namespace or range" list="graph-ids" value={find} onInput={(e) => setFind(e.currentTarget.value)} />
        <datalist id="graph-ids">{endpoints.slice(0, 5000).map((e) => <option value={e.id} />)}</datalist>
      </form>
      <button type="button" onClick={() => controller?.cy.fit(undefined, 40)}>Fit</button>
      <button type="button" onClick={() => controller?.layout()}>Re-layout</button>
      <span class="spacer" />
      <span class="export-label">Export</span>
      <button type="button" data-testid="export-svg" onClick={() => controller !== undefined && download('netwarden-graph.svg', graphSvg(controller.cy))}>SVG</button>
      <button type="button" data-testid="export-png" onClick={() => controller !== undefined && download('netwarden-graph.png', graphPng(controller.cy))}>PNG</button>
      <a class="button" href={exportUrl('json', exportLevel)} download="netwarden-map.json" title={`the ${exportLevel}-level map as netwarden map -o json prints it`}>Map JSON</a>
      <a class="button" href={exportUrl('csv', exportLevel)} download="netwarden-map.csv" title={`the ${exportLevel}-level map as netwarden map -o csv prints it`}>Map CSV</a>
    </div>
  );
}

// The Matrix tab's controls (namespace, filter, sort, key) and its status line (the hovered cell).
import type { MapEndpointView, MapView } from '../../api-types.ts';
import { formatCount } from './format.ts';
import { CELL_COLORS, headerText } from './matrix-canvas.ts';
import type { Hover } from './matrix-canvas.ts';
import type { MatrixFilter, MatrixModel, MatrixSort } from './matrix-model.ts';
import { endpointNamespace } from './map-model.ts';
import { portsText } from './ports.ts';

interface ToolbarProps {
  map: MapView | undefined;
  model: MatrixModel;
  filter: MatrixFilter;
  onFilter(filter: MatrixFilter): void;
}

export function MatrixToolbar({ map, model, filter, onFilter }: ToolbarProps) {
  const namespaces = [...new Set((map?.endpoints ?? []).flatMap((e) => endpointNamespace(e) ?? []))].sort();
  return (
    <div class="toolbar">
      <label>
        Namespace{' '}
        <select value={filter.namespace} onChange={(e) => onFilter({ ...filter, namespace: e.currentTarget.value })}>
          <option value="">all</option>
          {namespaces.map((n) => <option value={n}>{n}</option>)}
        </select>
      </label>
      <label>
        Filter <input type="search" placeholder="app=backend, a label key, or part of a name" value={filter.text} onInput={(e) => onFilter({ ...filter, text: e.currentTarget.value })} />
      </label>
      <label>
        Sort{' '}
        <select value={filter.sort} onChange={(e) => onFilter({ ...filter, sort: e.currentTarget.value as MatrixSort })}>
          <option value="map">namespace, name</option>
          <option value="name">name</option>
          <option value="connected">most connected first</option>
        </select>
      </label>
      <span class="muted">{formatCount(model.rows.length)} × {formatCount(model.cols.length)}</span>
      <span class="spacer" />
      {(['allowed', 'partial', 'denied'] as const).map((s) => <span class="key"><span class="sw" style={{ background: CELL_COLORS[s] }} /> {s === 'partial' ? 'some ports' : s}</span>)}
    </div>
  );
}

export function MatrixStatus({ model, hover }: { model: MatrixModel; hover: Hover | undefined }) {
  const from: MapEndpointView | undefined = hover === undefined ? undefined : model.rows[hover.row];
  const to: MapEndpointView | undefined = hover === undefined ? undefined : model.cols[hover.col];
  if (from === undefined || to === undefined) {
    return (
      <div class="matrix-status" data-testid="matrix-hover">
        <span class="muted">Hover a cell to see whether the row's endpoint can reach the column's; click it for the explanation.</span>
      </div>
    );
  }
  const state = model.state(from.id, to.id);
  const connection = model.connection(from.id, to.id);
  return (
    <div class="matrix-status" data-testid="matrix-hover">
      <code>{headerText(from)}</code> → <code>{headerText(to)}</code>: <b class={`state ${state}`} data-testid="matrix-cell-state">{state}</b>
      {connection !== undefined ? <span class="muted"> {portsText(connection.allow)}</span> : null}
      {state !== 'n/a' ? <span class="muted"> · click to explain</span> : null}
    </div>
  );
}

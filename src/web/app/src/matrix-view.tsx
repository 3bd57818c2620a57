// The Matrix tab: sources x destinations on a canvas with virtual scrolling. Hover a cell for its
// state and ports, click it to explain the verdict.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ClusterView, MapView } from '../../api-types.ts';
import type { ExplainQuery } from './api.ts';
import { registry } from './hook.ts';
import { COL_HEADER, ROW_HEADER, drawMatrix } from './matrix-canvas.ts';
import type { Hover, Viewport } from './matrix-canvas.ts';
import { MatrixModel } from './matrix-model.ts';
import type { MatrixFilter } from './matrix-model.ts';
import { MatrixStatus, MatrixToolbar } from './matrix-parts.tsx';
import { explainQueryFor } from './explain-query.ts';

interface Props {
  map: MapView | undefined;
  cluster: ClusterView | undefined;
  visible: boolean;
  onExplain(query: ExplainQuery): void;
}

const EMPTY: MapView = { level: 'workload', endpoints: [], connections: [] };

export function MatrixView({ map, cluster, visible, onExplain }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [filter, setFilter] = useState<MatrixFilter>({ namespace: '', text: '', sort: 'map' });
  const [hover, setHover] = useState<Hover>();
  const model = useMemo(() => new MatrixModel(map ?? EMPTY, cluster, filter), [map, cluster, filter]);
  const most = Math.max(model.rows.length, model.cols.length);
  const cell = most > 300 ? 14 : most > 40 ? 22 : 34;
  const viewport = (): Viewport | undefined => {
    const s = scroller.current;
    return s === null ? undefined : { scrollLeft: s.scrollLeft, scrollTop: s.scrollTop, width: s.clientWidth, height: s.clientHeight, cell };
  };
  const redraw = () => {
    const v = viewport();
    if (v === undefined || canvas.current === null || !visible) return;
    // User Timing marks (devtools, bench/dashboard.ts): how long one redraw takes.
    performance.mark('netwarden:matrix-draw-start');
    drawMatrix(canvas.current, model, v, hover);
    performance.measure('netwarden:matrix-draw', 'netwarden:matrix-draw-start');
  };
  useEffect(redraw);
  useEffect(() => {
    const s = scroller.current;
    if (s === null) return undefined;
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(redraw);
    };
    s.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      s.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  });

  const cellAt = (clientX: number, clientY: number): Hover | undefined => {
    const s = scroller.current;
    if (s === null) return undefined;
    const box = s.getBoundingClientRect();
    const x = clientX - box.left - ROW_HEADER + s.scrollLeft;
    const y = clientY - box.top - COL_HEADER + s.scrollTop;
    if (clientX - box.left < ROW_HEADER || clientY - box.top < COL_HEADER) return undefined;
    const row = Math.floor(y / cell);
    const col = Math.floor(x / cell);
    return row < model.rows.length && col < model.cols.length ? { row, col } : undefined;
  };
  registry.matrix = {
    cellPoint: (from, to) => {
      const s = scroller.current;
      const row = model.rows.findIndex((e) => e.id === from);
      const col = model.cols.findIndex((e) => e.id === to);
      if (s === null || row < 0 || col < 0) return null;
      s.scrollTop = Math.max(0, row * cell - (s.clientHeight - COL_HEADER) / 2);
      s.scrollLeft = Math.max(0, col * cell - (s.clientWidth - ROW_HEADER) / 2);
      const box = s.getBoundingClientRect();
      return { x: box.left + ROW_HEADER + col * cell - s.scrollLeft + cell / 2, y: box.top + COL_HEADER + row * cell - s.scrollTop + cell / 2 };
    },
  };

  const click = (event: MouseEvent) => {
    const at = cellAt(event.clientX, event.clientY);
    const f = at === undefined ? undefined : model.rows[at.row];
    const t = at === undefined ? undefined : model.cols[at.col];
    if (f === undefined || t === undefined || f.id === t.id || map === undefined) return;
    const query = explainQueryFor(map, f.id, t.id);
    if (query !== undefined) onExplain(query);
  };

  return (
    <div class="matrix-view">
      <MatrixToolbar map={map} model={model} filter={filter} onFilter={setFilter} />
      <MatrixStatus model={model} hover={hover} />
      <div class="matrix-area">
        <div class="matrix-scroll" ref={scroller} data-testid="matrix" onMouseMove={(e) => setHover(cellAt(e.clientX, e.clientY))} onMouseLeave={() => setHover(undefined)} onClick={click}>
          <div style={{ width: `${ROW_HEADER + model.cols.length * cell}px`, height: `${COL_HEADER + model.rows.length * cell}px` }} />
        </div>
        <canvas ref={canvas} class="matrix-canvas" />
      </div>
    </div>
  );
}

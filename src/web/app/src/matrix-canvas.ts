// Drawing the matrix on a canvas the size of the viewport: only the visible cells and headers
// are drawn on each scroll, so 1,000 x 1,000 (or more) endpoints scroll as smoothly as 10 x 10.
import type { MapEndpointView } from '../../api-types.ts';
import type { CellState } from './map-model.ts';
import { endpointName, endpointNamespace, isExternal, isNamespace } from './map-model.ts';
import type { MatrixModel } from './matrix-model.ts';

export const ROW_HEADER = 230;
export const COL_HEADER = 150;

export const CELL_COLORS: Record<CellState, string> = { allowed: '#22c55e', partial: '#fbbf24', denied: '#cbd5e1', 'n/a': '#f8fafc' };

/** Big cells also say their state in a glyph (not by colour alone). */
const GLYPHS: Record<CellState, [string, string]> = { allowed: ['✓', '#ffffff'], partial: ['~', '#78350f'], denied: ['✕', '#64748b'], 'n/a': ['', ''] };

export interface Viewport {
  scrollLeft: number;
  scrollTop: number;
  width: number;
  height: number;
  cell: number;
}

export interface Hover {
  row: number;
  col: number;
}

export function headerText(e: MapEndpointView): string {
  if (isExternal(e) || isNamespace(e)) return endpointName(e);
  return `${endpointNamespace(e) ?? ''}/${endpointName(e)}`;
}

export function visibleRange(v: Viewport, count: number, offset: number, extent: number): [number, number] {
  const first = Math.max(0, Math.floor(offset / v.cell));
  const last = Math.min(count, Math.ceil((offset + extent) / v.cell));
  return [first, last];
}

function fit(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`…${cut}`).width > width) cut = cut.slice(1);
  return `…${cut}`;
}

function drawGlyph(ctx: CanvasRenderingContext2D, state: CellState, x: number, y: number): void {
  const [glyph, color] = GLYPHS[state];
  if (glyph === '') return;
  ctx.fillStyle = color;
  ctx.font = 'bold 14px Inter, "Segoe UI", Roboto, Arial, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(glyph, x, y + 1);
}

function drawCells(ctx: CanvasRenderingContext2D, model: MatrixModel, v: Viewport, rows: [number, number], cols: [number, number], hover: Hover | undefined): void {
  const gap = v.cell >= 12 ? 1 : 0;
  for (let r = rows[0]; r < rows[1]; r++) {
    const from = model.rows[r];
    if (from === undefined) continue;
    const y = COL_HEADER + r * v.cell - v.scrollTop;
    for (let c = cols[0]; c < cols[1]; c++) {
      const to = model.cols[c];
      if (to === undefined) continue;
      const state = model.state(from.id, to.id);
      const x = ROW_HEADER + c * v.cell - v.scrollLeft;
      ctx.fillStyle = CELL_COLORS[state];
      ctx.fillRect(x, y, v.cell - gap, v.cell - gap);
      if (v.cell >= 30) drawGlyph(ctx, state, x + v.cell / 2, y + v.cell / 2);
    }
  }
  if (hover === undefined) return;
  ctx.strokeStyle = '#1e3a8a';
  ctx.lineWidth = 2;
  ctx.strokeRect(ROW_HEADER + hover.col * v.cell - v.scrollLeft, COL_HEADER + hover.row * v.cell - v.scrollTop, v.cell - 1, v.cell - 1);
}

function drawHeaders(ctx: CanvasRenderingContext2D, model: MatrixModel, v: Viewport, rows: [number, number], cols: [number, number], hover: Hover | undefined): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, v.width, COL_HEADER);
  ctx.fillRect(0, 0, ROW_HEADER, v.height);
  ctx.font = `${Math.min(12, v.cell - 3)}px Inter, "Segoe UI", Roboto, Arial, sans-serif`;
  ctx.textBaseline = 'middle';
  for (let r = rows[0]; r < rows[1]; r++) {
    const e = model.rows[r];
    if (e === undefined) continue;
    ctx.fillStyle = hover?.row === r ? '#1d4ed8' : '#334155';
    ctx.textAlign = 'right';
    ctx.fillText(fit(ctx, headerText(e), ROW_HEADER - 12), ROW_HEADER - 6, COL_HEADER + r * v.cell - v.scrollTop + v.cell / 2);
  }
  for (let c = cols[0]; c < cols[1]; c++) {
    const e = model.cols[c];
    if (e === undefined) continue;
    ctx.save();
    ctx.translate(ROW_HEADER + c * v.cell - v.scrollLeft + v.cell / 2, COL_HEADER - 6);
    ctx.rotate(-Math.PI / 3);
    ctx.fillStyle = hover?.col === c ? '#1d4ed8' : '#334155';
    ctx.textAlign = 'left';
    ctx.fillText(fit(ctx, headerText(e), COL_HEADER * 1.1), 0, 0);
    ctx.restore();
  }
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, ROW_HEADER, COL_HEADER);
  ctx.fillStyle = '#64748b';
  ctx.font = '12px Inter, "Segoe UI", Roboto, Arial, sans-serif';
  ctx.textAlign = 'right';
  ctx.fillText('from ↓   to →', ROW_HEADER - 8, COL_HEADER - 10);
}

export function drawMatrix(canvas: HTMLCanvasElement, model: MatrixModel, v: Viewport, hover: Hover | undefined): void {
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(v.width * ratio) || canvas.height !== Math.round(v.height * ratio)) {
    canvas.width = Math.round(v.width * ratio);
    canvas.height = Math.round(v.height * ratio);
    canvas.style.width = `${v.width}px`;
    canvas.style.height = `${v.height}px`;
  }
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, v.width, v.height);
  const rows = visibleRange(v, model.rows.length, v.scrollTop, v.height - COL_HEADER);
  const cols = visibleRange(v, model.cols.length, v.scrollLeft, v.width - ROW_HEADER);
  drawCells(ctx, model, v, rows, cols, hover);
  drawHeaders(ctx, model, v, rows, cols, hover);
}

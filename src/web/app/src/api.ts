// The dashboard API (docs/dashboard.md, "API"): typed fetches, same origin only.
import type { ClusterView, ErrorView, ExplainView, ExposureView, MapLevel, MapView, ReloadEvent, WhatIfRequest, WhatIfView } from '../../api-types.ts';

export type Loaded<T> = { kind: 'ok'; value: T } | { kind: 'error'; message: string };

async function request<T>(path: string, init?: RequestInit): Promise<Loaded<T>> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: 'same-origin', cache: 'no-store' });
  } catch (error) {
    return { kind: 'error', message: `cannot reach the netwarden server (${String(error)})` };
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = isErrorView(body) ? body.error : `${response.status} ${response.statusText}`;
    return { kind: 'error', message };
  }
  return { kind: 'ok', value: body as T };
}

function isErrorView(body: unknown): body is ErrorView {
  return typeof body === 'object' && body !== null && typeof (body as ErrorView).error === 'string';
}

export function fetchCluster(): Promise<Loaded<ClusterView>> {
  return request<ClusterView>('/api/cluster');
}

export function fetchMap(level?: MapLevel): Promise<Loaded<MapView>> {
  return request<MapView>(level === undefined ? '/api/map' : `/api/map?level=${level}`);
}

/** The exposure report (`netwarden exposure -o json`): the server computes it on the first request. */
export function fetchExposure(level: 'workload' | 'pod'): Promise<Loaded<ExposureView>> {
  return request<ExposureView>(`/api/exposure?level=${level}`);
}

export interface ExplainQuery {
  from: string;
  to: string;
  port?: string;
  protocol: 'TCP' | 'UDP' | 'SCTP';
}

export function fetchExplain(query: ExplainQuery): Promise<Loaded<ExplainView>> {
  const params = new URLSearchParams({ from: query.from, to: query.to, protocol: query.protocol });
  if (query.port !== undefined && query.port.trim() !== '') params.set('port', query.port.trim());
  return request<ExplainView>(`/api/explain?${params.toString()}`);
}

export function postWhatIf(body: WhatIfRequest): Promise<Loaded<WhatIfView>> {
  return request<WhatIfView>('/api/whatif', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export function exportUrl(format: 'json' | 'csv', level: MapLevel): string {
  return `/api/export/map.${format}?level=${level}`;
}

/** Calls `onReload` on every `event: reload` of /api/events (the server's --watch); returns a closer. */
export function subscribeReload(onReload: (event: ReloadEvent) => void, onState: (live: boolean) => void): () => void {
  const source = new EventSource('/api/events');
  source.addEventListener('open', () => onState(true));
  source.addEventListener('error', () => onState(false));
  source.addEventListener('reload', (message) => {
    const data: unknown = JSON.parse((message as MessageEvent<string>).data);
    if (typeof data === 'object' && data !== null && typeof (data as ReloadEvent).generation === 'number') onReload(data as ReloadEvent);
  });
  return () => source.close();
}

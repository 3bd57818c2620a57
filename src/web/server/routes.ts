import type { IncomingMessage, ServerResponse } from 'node:http';
import { exposure } from '../../analysis/exposure.js';
import { formatters } from '../../report/index.js';
import type { MapLevel } from '../api-types.js';
import type { EventHub } from './events.js';
import { explain } from './explain.js';
import { HttpError, PreparedBody, readBody, sendError, sendJson } from './http-io.js';
import { checkLevel, connectivityAt, mapView } from './map-view.js';
import type { Snapshot } from './snapshot.js';
import type { StaticFiles } from './static-files.js';
import { whatIf } from './what-if.js';

/** What the routes read: the current snapshot (it changes on reload), the event streams, the files. */
export interface RouteContext {
  snapshot(): Snapshot;
  readonly events: EventHub;
  readonly files: StaticFiles;
}

/** Bodies computed once per snapshot: the cluster view, and the map at each level asked for. */
const prepared = new WeakMap<Snapshot, Map<string, PreparedBody>>();

function preparedBody(snapshot: Snapshot, key: string, make: () => unknown): PreparedBody {
  return preparedText(snapshot, key, () => PreparedBody.json(make()));
}

function preparedText(snapshot: Snapshot, key: string, make: () => PreparedBody): PreparedBody {
  let bodies = prepared.get(snapshot);
  if (bodies === undefined) prepared.set(snapshot, (bodies = new Map()));
  let body = bodies.get(key);
  if (body === undefined) bodies.set(key, (body = make()));
  return body;
}

/** Prepares the bodies the page asks for first, so that its first requests answer at once. */
export function warmUp(snapshot: Snapshot): void {
  preparedBody(snapshot, 'cluster', () => snapshot.clusterView);
  preparedBody(snapshot, `map:${snapshot.defaultLevel}`, () => mapView(snapshot, snapshot.defaultLevel));
}

export async function route(request: IncomingMessage, response: ServerResponse, context: RouteContext): Promise<void> {
  const raw = request.url ?? '/';
  const queryAt = raw.indexOf('?');
  const path = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const query = new URLSearchParams(queryAt === -1 ? '' : raw.slice(queryAt + 1));
  const method = request.method ?? 'GET';
  if (path === '/api/whatif') {
    if (method !== 'POST') throw new HttpError(405, 'POST a JSON body to /api/whatif');
    await postWhatIf(request, response, context.snapshot());
    return;
  }
  if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, `${method} is not allowed here`);
  if (path.startsWith('/api/')) return getApi(path, query, request, response, context);
  (await context.files.body(path)).send(request, response);
}

function getApi(path: string, query: URLSearchParams, request: IncomingMessage, response: ServerResponse, context: RouteContext): void {
  const snapshot = context.snapshot();
  switch (path) {
    case '/api/cluster':
      return preparedBody(snapshot, 'cluster', () => snapshot.clusterView).send(request, response);
    case '/api/map': {
      const level = levelOf(query, snapshot.defaultLevel);
      checkLevel(snapshot, level);
      return preparedBody(snapshot, `map:${level}`, () => mapView(snapshot, level)).send(request, response);
    }
    case '/api/exposure': {
      const level = levelOf(query, 'workload');
      if (level === 'namespace') throw new HttpError(400, 'level namespace: the exposure report has workload and pod levels');
      checkLevel(snapshot, level);
      return preparedText(snapshot, `exposure:${level}`, () => exposureBody(snapshot, level)).send(request, response);
    }
    case '/api/explain':
      return sendJson(request, response, explain(snapshot, { from: query.get('from'), to: query.get('to'), port: query.get('port'), protocol: query.get('protocol') }));
    case '/api/export/map.json':
    case '/api/export/map.csv':
      return exportMap(path.endsWith('.csv') ? 'csv' : 'json', query, request, response, snapshot);
    case '/api/events':
      return context.events.attach(response);
    default:
      throw new HttpError(404, `no API route ${path}`);
  }
}

function levelOf(query: URLSearchParams, fallback: MapLevel): MapLevel {
  const level = query.get('level');
  if (level === null || level === '') return fallback;
  if (level === 'namespace' || level === 'workload' || level === 'pod') return level;
  throw new HttpError(400, `level ${level}: expected namespace, workload or pod`);
}

/** The map formatters' output, exactly what `netwarden map -o json|csv --level ...` prints. */
function exportMap(format: 'json' | 'csv', query: URLSearchParams, request: IncomingMessage, response: ServerResponse, snapshot: Snapshot): void {
  const level = levelOf(query, 'workload');
  if (level === 'namespace') throw new HttpError(400, 'level namespace: the map formats have workload and pod levels');
  checkLevel(snapshot, level);
  let text = '';
  for (const chunk of formatters.map[format](connectivityAt(snapshot, level))) text += chunk;
  const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
  new PreparedBody(text, type).send(request, response, 200, { 'Content-Disposition': `attachment; filename="netwarden-map.${format}"` });
}

/**
 * What `netwarden exposure -o json --level ...` prints. Computed on the first request for this
 * snapshot, not at load: it is not needed for the page's first view, and takes seconds at 100,000 pods.
 */
function exposureBody(snapshot: Snapshot, level: 'workload' | 'pod'): PreparedBody {
  let text = '';
  for (const chunk of formatters.exposure.json(exposure(snapshot.compiled, { level }))) text += chunk;
  return new PreparedBody(text);
}

async function postWhatIf(request: IncomingMessage, response: ServerResponse, snapshot: Snapshot): Promise<void> {
  const type = String(request.headers['content-type'] ?? '');
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new HttpError(415, 'POST /api/whatif takes Content-Type: application/json');
  const text = await readBody(request);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'the request body is not JSON');
  }
  sendJson(request, response, whatIf(snapshot, body));
}

/** Any failure as `{ "error": ... }`: an HttpError's status and message, else 500 without details. */
export function reportFailure(request: IncomingMessage, response: ServerResponse, error: unknown, log: (text: string) => void): void {
  if (error instanceof HttpError) {
    if (error.status === 413) response.setHeader('Connection', 'close');
    sendError(request, response, error.status, error.message);
    return;
  }
  log(`netwarden dashboard: internal error on ${request.method ?? ''} ${request.url ?? ''}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  sendError(request, response, 500, 'internal error');
}

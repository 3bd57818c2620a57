import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

/** The headers of every response (docs/dashboard.md, "Security"). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export const MAX_BODY_BYTES = 1024 * 1024;

/** An HTTP failure the routes report as `{ "error": message }` with this status. */
export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** Bodies above this size are gzipped when the client accepts it (maps at 100k pods are megabytes). */
const GZIP_THRESHOLD = 8 * 1024;

/** A response body prepared once and sent many times (the cluster view), gzipped on first need. */
export class PreparedBody {
  private gzipped: Buffer | undefined;
  readonly bytes: Buffer;
  readonly contentType: string;

  constructor(text: string | Buffer, contentType = 'application/json; charset=utf-8') {
    this.bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    this.contentType = contentType;
  }

  static json(value: unknown): PreparedBody {
    return new PreparedBody(JSON.stringify(value));
  }

  send(request: IncomingMessage, response: ServerResponse, status = 200, headers: Record<string, string> = {}): void {
    const gzip = this.bytes.length >= GZIP_THRESHOLD && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const body = gzip ? (this.gzipped ??= gzipSync(this.bytes, { level: 1 })) : this.bytes;
    response.writeHead(status, {
      ...SECURITY_HEADERS,
      'Content-Type': this.contentType,
      'Content-Length': String(body.length),
      'Cache-Control': 'no-store',
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      ...headers,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  }
}

export function sendJson(request: IncomingMessage, response: ServerResponse, value: unknown, status = 200): void {
  PreparedBody.json(value).send(request, response, status);
}

/** `{ "error": message }`: never a stack trace. */
export function sendError(request: IncomingMessage, response: ServerResponse, status: number, message: string): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  sendJson(request, response, { error: message }, status);
}

/** The request body as text; over MAX_BODY_BYTES is a 413 (the rest is not read). */
export async function readBody(request: IncomingMessage): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, `request body over ${MAX_BODY_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

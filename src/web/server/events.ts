import type { ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from './http-io.js';

/** Comments keep proxies and browsers from closing an idle stream. */
const KEEP_ALIVE_MS = 25_000;

/** The open /api/events streams (server-sent events). */
export class EventHub {
  private readonly clients = new Set<ServerResponse>();
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.timer = setInterval(() => this.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    this.timer.unref();
  }

  attach(response: ServerResponse): void {
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(': keep-alive\n\n');
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
  }

  /** `event: reload` with the new generation: the page fetches /api/cluster and the map again. */
  reload(generation: number): void {
    this.write(`event: reload\ndata: ${JSON.stringify({ generation })}\n\n`);
  }

  close(): void {
    clearInterval(this.timer);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private write(text: string): void {
    for (const client of this.clients) client.write(text);
  }
}

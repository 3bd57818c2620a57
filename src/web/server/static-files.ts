import { existsSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpError, PreparedBody } from './http-io.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** One or more plain name segments: letters, digits, `.`, `_`, `-`; no segment starts with a dot. */
const ASSET_PATH = /^\/assets\/((?:[A-Za-z0-9_-][A-Za-z0-9_.-]*\/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*)$/;

/**
 * The browser app's files: `dist/web` next to the compiled server (`dist/src/web/server` -> `dist/web`),
 * or, when running from sources, `<repo>/dist/web`. undefined when the app is not built.
 */
export function findWebRoot(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../../../web'), resolve(here, '../../../dist/web')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>netwarden dashboard</title></head>
<body><h1>netwarden dashboard</h1>
<p>The browser app is not built. Run <code>npm run build</code> in the netwarden checkout, then start <code>netwarden ui</code> again.
The API answers meanwhile: <a href="/api/cluster">/api/cluster</a>, <a href="/api/map">/api/map</a>.</p></body></html>
`;

/**
 * Serves `/`, `/index.html` and files under `assets/` only. The path is checked as sent, before
 * any decoding: no `..`, no percent-encoding, no backslashes, no absolute or doubled slashes;
 * then the real path (symlinks resolved) must still be inside `assets/`.
 */
export class StaticFiles {
  private readonly root: string | undefined;

  constructor(root: string | undefined) {
    this.root = root;
  }

  async body(rawPath: string): Promise<PreparedBody> {
    if (rawPath === '/' || rawPath === '/index.html') {
      if (this.root === undefined) return new PreparedBody(NOT_BUILT, CONTENT_TYPES['.html']);
      return this.file(join(this.root, 'index.html'), join(this.root, 'index.html'));
    }
    const match = ASSET_PATH.exec(rawPath);
    if (match === null || this.root === undefined) throw new HttpError(404, 'not found');
    const assets = join(this.root, 'assets');
    return this.file(join(assets, ...match[1]!.split('/')), assets + sep);
  }

  /** `prefix`: the real path must start with it (or equal it, for index.html). */
  private async file(path: string, prefix: string): Promise<PreparedBody> {
    let real: string;
    let realPrefix: string;
    try {
      real = await realpath(path);
      realPrefix = prefix.endsWith(sep) ? (await realpath(prefix)) + sep : await realpath(prefix);
    } catch {
      throw new HttpError(404, 'not found');
    }
    if (prefix.endsWith(sep) ? !real.startsWith(realPrefix) : real !== realPrefix) throw new HttpError(404, 'not found');
    let bytes: Buffer;
    try {
      bytes = await readFile(real);
    } catch {
      throw new HttpError(404, 'not found');
    }
    return new PreparedBody(bytes, CONTENT_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream');
  }
}

import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { contentSecurityPolicy } from '../../src/sw/csp';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
};

/**
 * A plain static file server, like the simplest static host: serves `root` under `base`
 * (e.g. '/sub/'), `path/` → `path/index.html`, `path` → `path/index.html` when that exists,
 * anything else → 404.html with status 404. `patch` lets a test change a file as a new deploy
 * would (the service-worker update test). Sends the CSP header, as public/_headers asks.
 */
export function serveStatic(root: string, port: number, base = '/') {
  const patches = new Map<string, (text: string) => string>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (`${url.pathname}/` === base) {
      // As static hosts do: /sub → /sub/
      res.writeHead(301, { Location: base + url.search }).end();
      return;
    }
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end('outside the base path');
      return;
    }
    let rel = normalize(decodeURIComponent(url.pathname.slice(base.length))).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, rel);
    if (!existsSync(file) || statSync(file).isDirectory()) {
      const index = join(file, 'index.html');
      file = existsSync(index) ? index : '';
      rel = join(rel, 'index.html');
    }
    const status = file ? 200 : 404;
    if (!file) file = join(root, '404.html');
    let body: Buffer | string = readFileSync(file);
    const patch = patches.get(rel.replace(/\\/g, '/'));
    if (patch) body = patch(body.toString('utf8'));
    res.writeHead(status, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': contentSecurityPolicy('header'),
      'Cache-Control': 'no-cache',
    });
    res.end(body);
  });
  return {
    url: `http://127.0.0.1:${port}${base}`,
    start: () => new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve())),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    /** Serves `file` (relative to the root, e.g. 'sw.js') changed by `edit` from now on. */
    patch: (file: string, edit: (text: string) => string) => patches.set(file, edit),
  };
}

/**
 * A port for a spec's own server: E2E_PORT + offset (1–9), so a worktree's servers stay inside
 * the ten ports from its E2E_PORT. Each spec uses its own offset (offline 1, sub-path 2,
 * chapter registry 3).
 */
export const ownPort = (offset: number) => Number(process.env.E2E_PORT ?? 4317) + offset;

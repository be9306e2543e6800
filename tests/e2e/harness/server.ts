// A tiny static server for fixtures, on 127.0.0.1 only, random port. No caching, so every load is fresh.
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { FIXTURES_DIR } from './paths.js';

export interface FixtureServer {
  /** e.g. 'http://127.0.0.1:43121' (no trailing slash). */
  origin: string;
  /** Absolute URL of a path on this server: url('article.html') or url('/article.html'). */
  url(path: string): string;
  close(): Promise<void>;
}

export interface RouteResponse {
  status?: number;
  /** Content-Type; default 'text/html; charset=utf-8'. */
  type?: string;
  body: string;
}

export type Route = (req: IncomingMessage) => RouteResponse;

export interface ServerOptions {
  /** Directory served as static files; default tests/fixtures. */
  root?: string;
  /** Dynamic pages by exact pathname (no query), e.g. { '/big.html': () => ({ body: '<p>…' }) }. Win over files. */
  routes?: Record<string, Route>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Serves tests/fixtures (or `root`) on 127.0.0.1 with a random port; `routes` can add dynamic pages. */
export function startServer(opts: ServerOptions = {}): Promise<FixtureServer> {
  const root = resolve(opts.root ?? FIXTURES_DIR);
  const routes = opts.routes ?? {};
  const server = createServer((req, res) => {
    const headers = { 'cache-control': 'no-store' };
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400, headers).end('bad url');
      return;
    }
    const route = Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
    if (route) {
      try {
        const out = route(req);
        res.writeHead(out.status ?? 200, { ...headers, 'content-type': out.type ?? TYPES['.html'] }).end(out.body);
      } catch (err) {
        res.writeHead(500, { ...headers, 'content-type': 'text/plain' }).end(`route failed: ${String(err)}`);
      }
      return;
    }
    const file = resolve(join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403, headers).end('outside root');
      return;
    }
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end(`not found: ${pathname}`);
      return;
    }
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { ...headers, 'content-type': type, 'content-length': size });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const origin = `http://127.0.0.1:${port}`;
      resolvePromise({
        origin,
        url: (path) => `${origin}/${path.replace(/^\//, '')}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

// The one loopback server of tests, tools and `npm start`: static files (fixtures by default), dynamic routes and
// extra directories under a prefix (the corpus), on 127.0.0.1 only, random port. No caching: every load is fresh.
import { createReadStream, readFileSync, statSync } from 'node:fs';
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

interface RouteResponse {
  status?: number;
  /** Content-Type; default 'text/html; charset=utf-8'. */
  type?: string;
  body: string;
}

export type Route = (req: IncomingMessage) => RouteResponse;

interface Mount {
  /** URL prefix with both slashes, e.g. '/static/'. */
  prefix: string;
  /** Directory served under the prefix. */
  dir: string;
  /** Extra headers for files served from here (e.g. a Content-Security-Policy that blocks the page's scripts). */
  headers?: Record<string, string>;
}

export interface ServerOptions {
  /** Directory served as static files; default tests/fixtures; null: none (only routes and mounts). */
  root?: string | null;
  /** Dynamic pages by exact pathname (no query), e.g. { '/big.html': () => ({ body: '<p>…' }) }. Win over files. */
  routes?: Record<string, Route>;
  /** Other directories under URL prefixes; win over `root`. */
  mounts?: Mount[];
  /** Headers on every response (e.g. COOP + COEP for cross-origin isolation in the bench). */
  headers?: Record<string, string>;
}

/** Content-Type for a saved page: the page's own <meta charset> wins; otherwise UTF-8 when the bytes decode as it. */
function htmlContentType(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1').toLowerCase();
  if (/<meta[^>]+charset/.test(head)) return 'text/html';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'text/html; charset=utf-8';
  } catch {
    return 'text/html';
  }
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

/** Serves tests/fixtures (or `root`) on 127.0.0.1 with a random port; `routes` and `mounts` add more. */
export function startServer(opts: ServerOptions = {}): Promise<FixtureServer> {
  const base = opts.root === null ? null : resolve(opts.root ?? FIXTURES_DIR);
  const routes = opts.routes ?? {};
  const mounts = (opts.mounts ?? []).map((m) => ({ ...m, dir: resolve(m.dir) }));
  const server = createServer((req, res) => {
    let headers: Record<string, string> = { ...opts.headers, 'cache-control': 'no-store' };
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
    const mount = mounts.find((m) => pathname.startsWith(m.prefix));
    const root = mount ? mount.dir : base;
    if (mount) {
      pathname = pathname.slice(mount.prefix.length - 1);
      headers = { ...headers, ...mount.headers };
    }
    if (root === null) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end(`not found: ${pathname}`);
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
    const ext = extname(file).toLowerCase();
    if (ext === '.html' || ext === '.htm') {
      // Saved pages come in many encodings: the charset is sniffed, not assumed.
      const body = readFileSync(file);
      res.writeHead(200, { ...headers, 'content-type': htmlContentType(body), 'content-length': size });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    const type = TYPES[ext] ?? 'application/octet-stream';
    res.writeHead(200, { ...headers, 'content-type': type, 'content-length': String(size) });
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

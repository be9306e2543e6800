// The bench's page server on 127.0.0.1: generated pages, corpus pages (their scripts blocked by CSP: the bench
// measures our engine, not the site's JavaScript), the bench bundle and mark.js. Every response is
// cross-origin isolated (COOP + COEP) so performance.now() has its fine resolution (5 µs in Chromium instead of
// 100 µs): hover timings are fractions of a millisecond.
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve, sep } from 'node:path';
import { htmlContentType } from './corpus-server.js';

export interface BenchServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

export interface BenchServerOptions {
  /** pathname -> HTML */
  pages: Record<string, string>;
  /** pathname -> JavaScript */
  scripts: Record<string, string>;
  /** Served under /corpus/ when it exists. */
  corpusDir: string;
}

const ISOLATION = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cache-control': 'no-store',
};

export function benchServer(opts: BenchServerOptions): Promise<BenchServer> {
  const corpus = resolve(opts.corpusDir);
  const server = createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const page = opts.pages[pathname];
    if (page !== undefined) {
      res.writeHead(200, { ...ISOLATION, 'content-type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    const script = opts.scripts[pathname];
    if (script !== undefined) {
      res.writeHead(200, { ...ISOLATION, 'content-type': 'text/javascript; charset=utf-8' }).end(script);
      return;
    }
    if (pathname.startsWith('/corpus/')) {
      const file = resolve(join(corpus, pathname.slice('/corpus/'.length)));
      if (file.startsWith(corpus + sep)) {
        try {
          if (statSync(file).isFile()) {
            const body = readFileSync(file);
            res
              .writeHead(200, { ...ISOLATION, 'content-type': htmlContentType(body), 'content-security-policy': "script-src 'self'" })
              .end(body);
            return;
          }
        } catch {
          // fall through to 404
        }
      }
    }
    res.writeHead(404, { ...ISOLATION, 'content-type': 'text/plain' }).end('not found');
  });
  return new Promise((done, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      done({
        origin,
        url: (p) => `${origin}${p.startsWith('/') ? '' : '/'}${p.split('/').map(encodeURIComponent).join('/')}`,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}

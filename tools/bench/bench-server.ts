// The bench's pages on the harness's loopback server: generated pages, corpus pages under /corpus/ (their scripts
// blocked by CSP: the bench measures our engine, not the site's JavaScript), the bench bundle and mark.js. Every
// response is cross-origin isolated (COOP + COEP) so performance.now() has its fine resolution (5 µs in Chromium
// instead of 100 µs): hover timings are fractions of a millisecond.
import { type Route, startServer } from '../../tests/e2e/harness/server.js';

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
};

export async function benchServer(opts: BenchServerOptions): Promise<BenchServer> {
  const routes: Record<string, Route> = {};
  for (const [path, body] of Object.entries(opts.pages)) routes[path] = () => ({ body });
  for (const [path, body] of Object.entries(opts.scripts)) routes[path] = () => ({ body, type: 'text/javascript; charset=utf-8' });
  const server = await startServer({
    root: null,
    routes,
    headers: ISOLATION,
    mounts: [{ prefix: '/corpus/', dir: opts.corpusDir, headers: { 'content-security-policy': "script-src 'self'" } }],
  });
  return {
    origin: server.origin,
    url: (p) => `${server.origin}${p.startsWith('/') ? '' : '/'}${p.split('/').map(encodeURIComponent).join('/')}`,
    close: () => server.close(),
  };
}

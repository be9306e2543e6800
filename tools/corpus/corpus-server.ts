// Serving saved pages on 127.0.0.1 through the harness's server, under two prefixes:
//   /live/<path>    as saved: the page's own scripts run (errors and marks on a living page);
//   /static/<path>  with `Content-Security-Policy: script-src 'none'`: the page's scripts are blocked, so its DOM
//                   is exactly what the parser built, and any difference with the extension is ours.
//                   (Page CSP does not apply to content scripts: they run in the extension's isolated world, in
//                   Chromium and in Firefox; checked by the corpus run, which fails when nothing is ever marked.)
// Every other request is kept inside the machine by tests/e2e/harness/network.ts.
import { startServer } from '../../tests/e2e/harness/server.js';

export interface CorpusServer {
  origin: string;
  /** URL of a page: mode 'static' (page scripts blocked) or 'live'. */
  url(path: string, mode: 'static' | 'live'): string;
  close(): Promise<void>;
}

export async function corpusServer(dir: string): Promise<CorpusServer> {
  const server = await startServer({
    root: null,
    mounts: [
      { prefix: '/static/', dir, headers: { 'content-security-policy': "script-src 'none'" } },
      { prefix: '/live/', dir },
    ],
  });
  return {
    origin: server.origin,
    url: (path, mode) => `${server.origin}/${mode}/${path.split('/').map(encodeURIComponent).join('/')}`,
    close: () => server.close(),
  };
}

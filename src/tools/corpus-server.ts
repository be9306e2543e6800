// Serving saved pages on 127.0.0.1, and keeping every other request inside the machine.
//
//  - corpusServer(dir): serves `dir` under two prefixes:
//      /live/<path>    as saved: the page's own scripts run (errors and marks on a living page);
//      /static/<path>  with `Content-Security-Policy: script-src 'none'`: the page's scripts are blocked, so its DOM
//                      is exactly what the parser built, and any difference with the extension is ours.
//                      (Page CSP does not apply to content scripts: they run in the extension's isolated world, in
//                      Chromium and in Firefox; checked by the corpus run, which fails when nothing is ever marked.)
//  - rejectProxy(): an HTTP proxy on 127.0.0.1 that answers 403 at once to everything (Firefox is pointed at it by
//    prefs; Chromium aborts outside requests by request interception). Counts what it refused.
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

export interface CorpusServer {
  origin: string;
  /** URL of a page: mode 'static' (page scripts blocked) or 'live'. */
  url(path: string, mode: 'static' | 'live'): string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
};

/** Content-Type for a saved page: the page's own <meta charset> wins; otherwise UTF-8 when the bytes decode as it. */
export function htmlContentType(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1').toLowerCase();
  if (/<meta[^>]+charset/.test(head)) return 'text/html';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'text/html; charset=utf-8';
  } catch {
    return 'text/html';
  }
}

function listen(server: Server): Promise<string> {
  return new Promise((done, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

function closer(server: Server): () => Promise<void> {
  return () =>
    new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
}

export async function corpusServer(dir: string): Promise<CorpusServer> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const m = /^\/(static|live)(\/.*)$/.exec(pathname);
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    const file = resolve(join(root, m[2] ?? ''));
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    let body: Buffer;
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      body = readFileSync(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const ext = extname(file).toLowerCase();
    const headers: Record<string, string> = {
      'cache-control': 'no-store',
      'content-type': ext === '.html' || ext === '.htm' ? htmlContentType(body) : (TYPES[ext] ?? 'application/octet-stream'),
    };
    if (m[1] === 'static') headers['content-security-policy'] = "script-src 'none'";
    res.writeHead(200, headers).end(body);
  });
  const origin = await listen(server);
  return {
    origin,
    url: (path, mode) => `${origin}/${mode}/${path.split('/').map(encodeURIComponent).join('/')}`,
    close: closer(server),
  };
}

export interface RejectProxy {
  port: number;
  /** Requests refused so far (plain HTTP and CONNECT tunnels). */
  readonly refused: number;
  close(): Promise<void>;
}

export async function rejectProxy(): Promise<RejectProxy> {
  let refused = 0;
  const server = createServer((_req, res) => {
    refused++;
    res.writeHead(403, { 'content-type': 'text/plain', connection: 'close' }).end('blocked: no network in tests');
  });
  server.on('connect', (_req, socket) => {
    refused++;
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
  });
  const origin = await listen(server);
  return {
    port: Number(new URL(origin).port),
    get refused() {
      return refused;
    },
    close: closer(server),
  };
}

/** Firefox prefs that send every non-loopback request to the reject proxy (loopback is never proxied). */
export function firefoxProxyPrefs(port: number): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
    'network.proxy.socks_remote_dns': false,
  };
}

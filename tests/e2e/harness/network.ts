// Keeping every request of a test or tool browser inside the machine: an HTTP proxy on 127.0.0.1 that answers 403
// at once to everything (Firefox is pointed at it by prefs), and the Chromium flag that makes every other host
// unresolvable. Used by the corpus check and the bench.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Chromium: every host but 127.0.0.1 fails to resolve (for browsers without request interception). */
export const CHROMIUM_LOOPBACK_ONLY_ARG = '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1';

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
  await new Promise<void>((done, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => done());
  });
  return {
    port: (server.address() as AddressInfo).port,
    get refused() {
      return refused;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
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

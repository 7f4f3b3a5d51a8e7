import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';

/** A running web server. */
export interface WebServer {
  /** Where it listens, e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  /** Stops accepting connections and closes open ones. */
  stop(): Promise<void>;
}

/** Serves a Hono app over Node's HTTP server on `host:port` (port 0: any free port, as tests use). */
export async function startWebServer(app: Hono, options: { host: string; port: number }): Promise<WebServer> {
  const server = createAdaptorServer({ fetch: app.fetch });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') && !options.host.startsWith('[') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

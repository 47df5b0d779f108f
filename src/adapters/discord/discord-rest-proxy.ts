import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { proxyRequests } from '@discordjs/proxy';
import { REST, type RESTOptions } from 'discord.js';
import type { Logger } from '../../logger.ts';

/** Where the proxy answers for itself instead of forwarding: a liveness check for compose and supervisors. */
export const PROXY_HEALTH_PATH = '/health';

export interface DiscordRestProxyOptions {
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** Address to listen on. */
  host: string;
  /**
   * Discord's HTTP API, where requests go on to.
   *
   * @defaultValue Discord itself (`https://discord.com/api`)
   */
  upstream?: string;
  /**
   * Further options of the one discord.js `REST` (tests scale `globalRequestsPerSecond` down with the fake's).
   *
   * @defaultValue discord.js's: 50 requests a second, a 50 ms margin on every wait
   */
  rest?: Partial<RESTOptions>;
  logger: Logger;
}

/** A running proxy. */
export interface DiscordRestProxy {
  server: Server;
  /** The address bot processes put in `DISCORD_API_URL`. */
  url: string;
  /** Stops taking requests; resolves when the ones under way have been answered. */
  close(): Promise<void>;
}

/**
 * One queue for the Discord REST requests of several bot processes: `@discordjs/proxy` in front of one discord.js
 * `REST`, so the global limit (50 requests a second per bot) and the per-route buckets are counted once for all of
 * them, instead of once per process as each process's own discord.js does. Bot processes set `DISCORD_API_URL` to
 * its `url`; their token travels in each request's `Authorization` header, so the proxy holds none. Requests wait
 * in its queue rather than being refused (the rate-limit headers are not passed back, so the processes' own
 * limiters never see a limit). `GET /health` is answered here, 200, without reaching Discord. Interaction callbacks
 * go through as well and, as on Discord, outside the global limit. See docs/daily.md, "Fan-out and rate limits".
 */
export async function startDiscordRestProxy(options: DiscordRestProxyOptions): Promise<DiscordRestProxy> {
  const rest = new REST({ ...options.rest, ...(options.upstream ? { api: options.upstream } : {}) });
  rest.on('rateLimited', (info) =>
    options.logger.debug(`Discord REST proxy: ${info.global ? 'global limit' : `${info.method.toUpperCase()} ${info.route}`} reached, waiting ${info.timeToReset} ms`),
  );
  const forward = proxyRequests(rest);
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === PROXY_HEALTH_PATH) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    Promise.resolve().then(() => forward(req, res)).catch((error: unknown) => {
      // A failure that is not Discord's answer (the upstream cannot be reached): the caller sees a 502 and retries.
      options.logger.warn(`Discord REST proxy: ${req.method} ${req.url?.replace(/\/[\w-]{60,}/g, '/…')} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(res.headersSent ? undefined : JSON.stringify({ message: 'Bad Gateway', code: 0 }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    server,
    url: `http://${host}:${port}/api`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

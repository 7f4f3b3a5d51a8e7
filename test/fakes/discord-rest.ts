import { EventEmitter } from 'node:events';
import { waitUntil } from './wait-until.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One REST request as the fake received it. */
export interface DiscordRestCall {
  method: string;
  /** Path without the `/api/v10` prefix, e.g. `/interactions/1/tok/callback`. */
  route: string;
  query: string;
  body: unknown;
  authorization: string | undefined;
  /** performance.now() when it arrived. */
  at: number;
  /** When it arrived, epoch ms (to compare with times other processes recorded). */
  receivedAt: number;
}

/** Ids the fakes share, as snowflakes (Discord's REST client keys rate limits on 17–19 digit ids). */
export const FAKE_DISCORD = {
  applicationId: '100000000000000001',
  botUserId: '100000000000000002',
  guildId: '100000000000000003',
  channelId: '100000000000000004',
} as const;

/**
 * A fake of Discord's REST API on 127.0.0.1 (`/api/v10/...`): the gateway URL, interaction callbacks,
 * webhook edits, follow-ups and deletes of interaction replies, and command registration. Records calls.
 */
export class FakeDiscordRest {
  readonly calls: DiscordRestCall[] = [];
  /** What GET /gateway/bot hands out. */
  gatewayUrl = 'ws://127.0.0.1:1/unset';
  private readonly events = new EventEmitter();
  private messageSequence = 0;
  private readonly failures: Array<{ method: string; route: RegExp }> = [];

  private constructor(private readonly server: Server) {
    this.events.setMaxListeners(0);
  }

  /** Starts the fake on an ephemeral port. */
  static async start(): Promise<FakeDiscordRest> {
    const server = createServer();
    const fake = new FakeDiscordRest(server);
    server.on('request', (request, response) => void fake.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** The base to give discord.js as `rest.api` (DISCORD_API_URL). */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`;
  }

  /** Makes the next `method` call to a matching route fail as Discord rejects a bad body (400, code 50035). */
  failNext(method: string, route: RegExp): void {
    this.failures.push({ method, route });
  }

  /** Calls whose route matches. */
  callsMatching(method: string, route: RegExp): DiscordRestCall[] {
    return this.calls.filter((call) => call.method === method && route.test(call.route));
  }

  /** Resolves once `check` holds, re-checking after every call; rejects after `timeoutMs` naming `what`. */
  async waitUntil(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
    await waitUntil(this.events, 'call', 'Fake Discord REST', what, check, timeoutMs);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    // discord.js percent-encodes "@original".
    const route = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const call: DiscordRestCall = {
      method: request.method ?? 'GET',
      route,
      query: url.search,
      body: raw ? JSON.parse(raw) : undefined,
      authorization: request.headers.authorization,
      at: performance.now(),
      receivedAt: Date.now(),
    };
    this.calls.push(call);
    const [status, body] = this.reply(call);
    response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
    response.end(body === undefined ? undefined : JSON.stringify(body));
    this.events.emit('call');
  }

  private reply(call: DiscordRestCall): [number, unknown] {
    // A revoked token is refused the way Discord refuses it.
    if (call.authorization === 'Bot revoked') return [401, { message: '401: Unauthorized', code: 0 }];
    const failure = this.failures.findIndex((item) => item.method === call.method && item.route.test(call.route));
    if (failure >= 0) {
      this.failures.splice(failure, 1);
      return [400, { message: 'Invalid Form Body', code: 50035 }];
    }
    if (call.method === 'GET' && call.route === '/gateway/bot') {
      return [200, { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } }];
    }
    // A message to a channel (digests go out over REST, without the gateway).
    if (call.method === 'POST' && /^\/channels\/\d+\/messages$/.test(call.route)) return [200, this.message(call.body)];
    if (call.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(call.route)) return [204, undefined];
    if (call.method === 'PATCH' && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(call.route)) return [200, this.message(call.body)];
    if (call.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(call.route)) return [200, this.message(call.body)];
    if (call.method === 'DELETE' && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(call.route)) return [204, undefined];
    if (call.method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(call.route)) {
      const commands = Array.isArray(call.body) ? (call.body as Array<Record<string, unknown>>) : [];
      return [200, commands.map((command, index) => ({ id: `20000000000000000${index}`, application_id: FAKE_DISCORD.applicationId, version: '1', ...command }))];
    }
    return [404, { message: 'Unknown route', code: 0 }];
  }

  /** A message object complete enough for discord.js to build a Message from it. */
  private message(body: unknown): Record<string, unknown> {
    this.messageSequence += 1;
    const fields = (body ?? {}) as Record<string, unknown>;
    return {
      id: `3000000000000000${String(this.messageSequence).padStart(2, '0')}`,
      channel_id: FAKE_DISCORD.channelId,
      author: { id: FAKE_DISCORD.botUserId, username: 'storydesk', discriminator: '0', avatar: null, bot: true, global_name: null },
      content: fields.content ?? '',
      embeds: fields.embeds ?? [],
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      type: 20,
      flags: fields.flags ?? 0,
      webhook_id: FAKE_DISCORD.applicationId,
      application_id: FAKE_DISCORD.applicationId,
    };
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { FAKE_DISCORD } from './discord-rest.js';
import { waitUntil } from './wait-until.js';

/** A slash command as a user would invoke it. */
export interface FakeSlashCommand {
  name: string;
  options?: Array<{ name: string; type: number; value: string | number | boolean }>;
  userId?: string;
}

/**
 * A fake of Discord's gateway WebSocket (v10, JSON, no compression): HELLO, heartbeat ACKs, IDENTIFY →
 * READY, a GUILD_CREATE with a text channel, and INTERACTION_CREATE dispatches on demand.
 */
export class FakeDiscordGateway {
  /** Tokens the bot identified with. */
  readonly identifies: string[] = [];
  heartbeats = 0;
  /** The most bot connections that were ever open at once (replicas must hold one between them). */
  maxOpenConnections = 0;
  /** performance.now() when each interaction (by id) was dispatched. */
  readonly dispatchedAt = new Map<string, number>();
  private readonly events = new EventEmitter();
  private client: WebSocket | undefined;
  private sequence = 0;
  private interactionSequence = 0;

  private constructor(
    private readonly server: WebSocketServer,
    private readonly heartbeatIntervalMs: number,
  ) {
    this.events.setMaxListeners(0);
    server.on('connection', (socket) => {
      this.client = socket;
      this.maxOpenConnections = Math.max(this.maxOpenConnections, this.openConnections);
      this.events.emit('connections');
      socket.on('close', () => this.events.emit('connections'));
      socket.on('message', (data) => this.onMessage(socket, String(data)));
      socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs }, s: null, t: null }));
    });
  }

  /** Starts the fake on an ephemeral port. A short heartbeat interval makes the heartbeat exchange happen in tests. */
  static async start(options: { heartbeatIntervalMs?: number } = {}): Promise<FakeDiscordGateway> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    return new FakeDiscordGateway(server, options.heartbeatIntervalMs ?? 1000);
  }

  /** The URL GET /gateway/bot should return. */
  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Bots connected now (a replica that lost the gateway role must have closed its socket). */
  get openConnections(): number {
    return [...this.server.clients].filter((socket) => socket.readyState === socket.OPEN).length;
  }

  /** Resolves once `check` holds, re-checking whenever a bot connects, identifies or disconnects. */
  async until(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
    await waitUntil(this.events, 'connections', 'Fake Discord gateway', what, check, timeoutMs);
  }

  /** Resolves once a heartbeat has been answered (op 1 → op 11). */
  async heartbeatAnswered(): Promise<void> {
    if (this.heartbeats > 0) return;
    await new Promise<void>((resolve) => this.events.once('heartbeat', resolve));
  }

  /** Dispatches INTERACTION_CREATE for a slash command in the fake guild; returns the interaction id. */
  sendSlashCommand(command: FakeSlashCommand): { id: string; token: string } {
    if (!this.client) throw new Error('Fake Discord gateway: no bot connected');
    this.interactionSequence += 1;
    const id = `4000000000000${String(this.interactionSequence).padStart(5, '0')}`;
    const token = `interaction-token-${this.interactionSequence}`;
    const user = { id: command.userId ?? '100000000000000099', username: 'reporter', discriminator: '0', avatar: null, global_name: 'Reporter' };
    this.dispatchedAt.set(id, performance.now());
    this.dispatch('INTERACTION_CREATE', {
      id,
      application_id: FAKE_DISCORD.applicationId,
      type: 2,
      token,
      version: 1,
      guild_id: FAKE_DISCORD.guildId,
      channel_id: FAKE_DISCORD.channelId,
      channel: { id: FAKE_DISCORD.channelId, type: 0, name: 'newsroom', guild_id: FAKE_DISCORD.guildId },
      member: { user, roles: [], permissions: '2248473465835073', joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
      data: { id: '200000000000000000', name: command.name, type: 1, options: command.options ?? [] },
      app_permissions: '2248473465835073',
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': FAKE_DISCORD.guildId },
      context: 0,
    });
    return { id, token };
  }

  async close(): Promise<void> {
    for (const socket of this.server.clients) socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onMessage(socket: WebSocket, text: string): void {
    const payload = JSON.parse(text) as { op: number; d: unknown };
    if (payload.op === 1) {
      this.heartbeats += 1;
      socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      this.events.emit('heartbeat');
    } else if (payload.op === 2) {
      this.identifies.push(String((payload.d as { token?: string }).token));
      this.events.emit('connections');
      this.dispatch('READY', {
        v: 10,
        user: { id: FAKE_DISCORD.botUserId, username: 'storydesk', discriminator: '0', avatar: null, bot: true, global_name: null },
        guilds: [{ id: FAKE_DISCORD.guildId, unavailable: true }],
        session_id: 'fake-session',
        resume_gateway_url: this.url,
        application: { id: FAKE_DISCORD.applicationId, flags: 0 },
        shard: [0, 1],
      });
      this.dispatch('GUILD_CREATE', guildCreate());
    }
  }

  private dispatch(type: string, data: unknown): void {
    this.sequence += 1;
    this.client?.send(JSON.stringify({ op: 0, t: type, s: this.sequence, d: data }));
  }
}

function guildCreate(): Record<string, unknown> {
  return {
    id: FAKE_DISCORD.guildId,
    name: 'Newsroom',
    icon: null,
    owner_id: '100000000000000099',
    unavailable: false,
    member_count: 2,
    large: false,
    joined_at: '2024-01-01T00:00:00.000Z',
    features: [],
    channels: [{ id: FAKE_DISCORD.channelId, type: 0, name: 'newsroom', position: 0, permission_overwrites: [], guild_id: FAKE_DISCORD.guildId }],
    threads: [],
    members: [],
    roles: [{ id: FAKE_DISCORD.guildId, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    stickers: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    premium_tier: 0,
    preferred_locale: 'en-US',
  };
}

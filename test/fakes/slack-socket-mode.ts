import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** An acknowledgement the bot sent for an envelope. */
export interface SocketModeAck {
  envelopeId: string;
  payload: unknown;
  /** Milliseconds from sending the envelope to receiving its ack. */
  elapsedMs: number;
}

/**
 * A fake of Slack's Socket Mode endpoint: greets with `hello`, sends `events_api` and `slash_commands`
 * envelopes, and records the ack the bot must send for each envelope_id.
 */
export class FakeSlackSocketMode {
  readonly acks = new Map<string, SocketModeAck>();
  private readonly sentAt = new Map<string, number>();
  private readonly events = new EventEmitter();
  private client: WebSocket | undefined;

  private constructor(private readonly server: WebSocketServer) {
    this.events.setMaxListeners(0);
    server.on('connection', (socket) => {
      this.client = socket;
      socket.on('message', (data) => this.onMessage(String(data)));
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-slack', approximate_connection_time: 3600 }, connection_info: { app_id: 'A1' } }));
      this.events.emit('connected');
    });
  }

  /** Starts the fake on an ephemeral port. */
  static async start(): Promise<FakeSlackSocketMode> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    return new FakeSlackSocketMode(server);
  }

  /** The URL apps.connections.open should return. */
  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link/?ticket=fake`;
  }

  /** Resolves when the bot has connected. */
  async connected(): Promise<void> {
    if (this.client) return;
    await new Promise<void>((resolve) => this.events.once('connected', resolve));
  }

  /** Sends an Events API envelope; returns its envelope_id. */
  sendEvent(event: Record<string, unknown>): string {
    return this.send('events_api', {
      token: 'verification-token',
      team_id: 'T1',
      api_app_id: 'A1',
      event,
      type: 'event_callback',
      event_id: `Ev${randomUUID().slice(0, 8)}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
    });
  }

  /** Sends a slash command envelope; returns its envelope_id. */
  sendSlashCommand(command: { command: string; text: string; channel_id: string; user_id: string; response_url: string }): string {
    return this.send('slash_commands', {
      token: 'verification-token',
      team_id: 'T1',
      team_domain: 'fake',
      channel_name: 'newsroom',
      user_name: 'reporter',
      api_app_id: 'A1',
      trigger_id: `trigger-${randomUUID()}`,
      ...command,
    });
  }

  /** Resolves with the ack for an envelope once it arrives; rejects after `timeoutMs`. */
  async waitForAck(envelopeId: string, timeoutMs = 15_000): Promise<SocketModeAck> {
    const existing = this.acks.get(envelopeId);
    if (existing) return existing;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Fake Socket Mode: no ack for envelope ${envelopeId}`)), timeoutMs);
      this.events.once(`ack:${envelopeId}`, (ack: SocketModeAck) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
  }

  async close(): Promise<void> {
    for (const socket of this.server.clients) socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private send(type: string, payload: Record<string, unknown>): string {
    if (!this.client) throw new Error('Fake Socket Mode: no bot connected');
    const envelopeId = randomUUID();
    this.sentAt.set(envelopeId, performance.now());
    this.client.send(JSON.stringify({ envelope_id: envelopeId, payload, type, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
    return envelopeId;
  }

  private onMessage(text: string): void {
    const message = JSON.parse(text) as { envelope_id?: string; payload?: unknown };
    if (!message.envelope_id) return;
    const sent = this.sentAt.get(message.envelope_id) ?? performance.now();
    const ack: SocketModeAck = { envelopeId: message.envelope_id, payload: message.payload, elapsedMs: performance.now() - sent };
    this.acks.set(message.envelope_id, ack);
    this.events.emit(`ack:${message.envelope_id}`, ack);
  }
}

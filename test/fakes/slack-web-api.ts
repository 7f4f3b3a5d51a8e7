import { EventEmitter } from 'node:events';
import { waitUntil } from './wait-until.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call as the fake received it. */
export interface SlackApiCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  /** Milliseconds since the fake started (performance.now based). */
  at: number;
  /** When it arrived, epoch ms (to compare with times other processes recorded). */
  receivedAt: number;
}

/** A message the fake holds, as conversations.replies returns it. */
export interface FakeSlackMessage {
  ts: string;
  text: string;
  user?: string;
  bot_id?: string;
  thread_ts?: string;
  subtype?: string;
}

/** A POST to a slash command's response_url. */
export interface SlackResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

const BOT_USER_ID = 'UBOT';
const BOT_ID = 'BBOT';

/**
 * A fake of Slack's Web API on 127.0.0.1: the methods storydesk calls, form-encoded or JSON bodies as the
 * SDK sends them, Block Kit limits enforced as Slack does (invalid_blocks), messages kept per thread so
 * conversations.replies answers with what was posted. Also serves slash-command response_urls.
 */
export class FakeSlackWebApi {
  readonly calls: SlackApiCall[] = [];
  readonly responses: SlackResponseUrlPost[] = [];
  readonly botUserId = BOT_USER_ID;
  readonly botId = BOT_ID;
  /** The Socket Mode URL that apps.connections.open hands out. */
  socketModeUrl = 'ws://127.0.0.1:1/unset';
  private readonly messages = new Map<string, FakeSlackMessage[]>();
  private readonly failures = new Map<string, string>();
  private readonly events = new EventEmitter();
  private readonly started = performance.now();
  private sequence = 0;

  private constructor(private readonly server: Server) {
    this.events.setMaxListeners(0);
  }

  /** Starts the fake on an ephemeral port. */
  static async start(): Promise<FakeSlackWebApi> {
    const server = createServer();
    const fake = new FakeSlackWebApi(server);
    server.on('request', (request, response) => void fake.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** Base URL to give the SDK as `slackApiUrl`. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
  }

  /** A fresh response_url for a slash command. */
  responseUrl(id: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/response/${id}`;
  }

  /** Adds a message to a channel (a user's earlier question, say), as if posted in Slack. */
  addMessage(channel: string, message: FakeSlackMessage): void {
    const list = this.messages.get(channel) ?? [];
    list.push(message);
    this.messages.set(channel, list);
  }

  /** A timestamp later than any given out so far, in Slack's "seconds.micro" form. */
  nextTs(): string {
    this.sequence += 1;
    return `1700000000.${String(this.sequence).padStart(6, '0')}`;
  }

  /** Makes the next call to `method` fail with Slack error `error` (e.g. "invalid_blocks"). */
  failNext(method: string, error: string): void {
    this.failures.set(method, error);
  }

  /** Calls to one method. */
  callsTo(method: string): SlackApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves once `check` holds, re-checking after every call; rejects after `timeoutMs` naming `what`. */
  async waitUntil(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
    await waitUntil(this.events, 'change', 'Fake Slack', what, check, timeoutMs);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const args = parseBody(raw, request.headers['content-type']);
    if (url.pathname.startsWith('/response/')) {
      this.responses.push({ id: url.pathname.slice('/response/'.length), body: args, at: this.now() });
      send(response, { ok: true });
      this.events.emit('change');
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const token = request.headers.authorization?.replace(/^Bearer /, '') ?? (typeof args.token === 'string' ? args.token : undefined);
    this.calls.push({ method, args, token, at: this.now(), receivedAt: Date.now() });
    // A revoked token is refused the way Slack refuses it.
    send(response, token === 'xoxb-revoked' ? { ok: false, error: 'invalid_auth' } : this.reply(method, args));
    this.events.emit('change');
  }

  private reply(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const failure = this.failures.get(method);
    if (failure) {
      this.failures.delete(method);
      return { ok: false, error: failure };
    }
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.com/', team: 'Fake', user: 'storydesk', team_id: 'T1', user_id: BOT_USER_ID, bot_id: BOT_ID };
      case 'apps.connections.open':
        return { ok: true, url: this.socketModeUrl };
      case 'chat.postMessage':
      case 'chat.postEphemeral':
      case 'chat.update': {
        const problem = blockProblem(args);
        if (problem) return { ok: false, error: problem };
        const ts = typeof args.ts === 'string' ? args.ts : this.nextTs();
        const channel = String(args.channel);
        if (method === 'chat.postMessage') {
          const threadTs = typeof args.thread_ts === 'string' ? { thread_ts: args.thread_ts } : {};
          this.addMessage(channel, { ts, text: String(args.text ?? ''), user: BOT_USER_ID, bot_id: BOT_ID, ...threadTs });
        }
        return method === 'chat.postEphemeral' ? { ok: true, message_ts: ts } : { ok: true, channel, ts, message: { ts, text: args.text } };
      }
      case 'reactions.add':
      case 'reactions.remove':
        return { ok: true };
      case 'conversations.replies': {
        const thread = String(args.ts);
        const messages = (this.messages.get(String(args.channel)) ?? []).filter((message) => message.ts === thread || message.thread_ts === thread);
        return { ok: true, messages, has_more: false };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private now(): number {
    return performance.now() - this.started;
  }
}

/** Slack's own checks on a message: some text, at most 50 blocks, at most 3,000 characters per section. */
function blockProblem(args: Record<string, unknown>): string | undefined {
  const blocks = args.blocks;
  if (blocks === undefined) return typeof args.text === 'string' && args.text !== '' ? undefined : 'no_text';
  if (!Array.isArray(blocks) || blocks.length > 50) return 'invalid_blocks';
  for (const block of blocks as Array<{ type?: string; text?: { text?: string } }>) {
    if (block.type === 'section' && (block.text?.text?.length ?? 0) > 3000) return 'invalid_blocks';
  }
  return undefined;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // The SDK sends arrays and objects (blocks, attachments) as JSON strings inside the form.
    args[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return args;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
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

function send(response: ServerResponse, body: Record<string, unknown>): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

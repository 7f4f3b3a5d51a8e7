import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import type { Logger } from '../../app/logger.js';
import type { Env } from '../../config/schema.js';
import type { Assistant } from '../../core/assistant.js';
import type { Coordination } from '../../core/coordination.js';
import { errorReply } from '../channel-event.js';
import { ChannelHandler, parseChannelAllowlist } from '../channel-handler.js';
import type { ChannelCommand, CommandRegistry } from '../command-registry.js';
import { yieldToEventLoop } from '../yield-to-event-loop.js';
import { answerSlackMessage, type SlackMessageContext } from './answer-slack-message.js';
import { boltLogger } from './bolt-logger.js';
import { slackDeliveryGate } from './slack-delivery-gate.js';
import { renderSlackReply } from './render-slack-answer.js';
import { parseSlackCommandText } from './slack-command-text.js';
import { resolveSlackConnection } from './slack-connection.js';

/** What {@link startSlack} needs. */
export interface StartSlackOptions {
  env: Env;
  assistant: Assistant;
  registry: CommandRegistry;
  logger: Logger;
  /** Shared with the other replicas: an event is answered by one of them. @default this process alone */
  coordination?: Coordination;
  /** Clock for the rate limit. @default Date.now */
  now?: () => number;
  /** Listen on this port instead of SLACK_HTTP_PORT in HTTP mode (tests pass 0 for an ephemeral port). */
  httpPortOverride?: number;
}

/** A running Slack bot. */
export interface SlackBot {
  mode: 'socket' | 'http';
  /** The port the HTTP events endpoint listens on (HTTP mode only; useful when started on port 0). */
  httpPort?: number;
  stop(): Promise<void>;
}

/**
 * Connects to Slack and answers mentions (in their thread), direct messages and the registry's slash
 * commands. Socket Mode with SLACK_APP_TOKEN, HTTP mode (events at /slack/events, signatures verified by
 * Bolt) with SLACK_SIGNING_SECRET + SLACK_HTTP_PORT. Rejects if Slack cannot be reached or the token is bad.
 */
export async function startSlack(options: StartSlackOptions): Promise<SlackBot> {
  const { env, logger } = options;
  const connection = resolveSlackConnection(env);
  // Retries off: a request that fails is reported to the user now, not replayed minutes later.
  const clientOptions = { retryConfig: { retries: 0 }, ...(connection.apiUrl ? { slackApiUrl: connection.apiUrl } : {}) };
  // deferInitialization: Bolt otherwise checks the token in its constructor, where a revoked token becomes
  // an unhandled rejection; `init()` below surfaces it as a start-up error instead.
  const common = { token: connection.botToken, clientOptions, logger: boltLogger(logger), deferInitialization: true };
  const app =
    connection.mode === 'socket'
      ? new App({ ...common, appToken: connection.appToken, socketMode: true })
      : new App({ ...common, signingSecret: connection.signingSecret, endpoints: '/slack/events' });
  await app.init();

  const handler = new ChannelHandler({
    assistant: options.assistant,
    registry: options.registry,
    logger,
    maxQuestionChars: env.STORYDESK_MAX_QUESTION_CHARS,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    ...optionalAllowlist(env.SLACK_ALLOWED_CHANNELS),
    // Slack direct-message channel ids start with D; the allowlist is about shared channels.
    isDirectMessage: (origin) => origin.channelId.startsWith('D'),
    ...(options.now ? { now: options.now } : {}),
  });

  const messageContext = (client: SlackMessageContext['client'], context: { botUserId?: string; botId?: string }): SlackMessageContext => ({
    client,
    handler,
    logger,
    botUserId: context.botUserId,
    botId: context.botId,
  });

  const firstDelivery = slackDeliveryGate(options.coordination, logger);

  app.event('app_mention', async ({ event, body, client, context }) => {
    // Other bots (and our own echoes) never get an answer: two bots could otherwise talk forever.
    if (event.bot_id || event.subtype || !event.user || event.channel.startsWith('D')) return;
    if (!(await firstDelivery({ eventId: body.event_id, messageKey: `${event.channel}:${event.ts}` }))) return;
    // Bolt acknowledged the event before calling us; let the rest of a burst be acknowledged before working.
    await yieldToEventLoop();
    await answerSlackMessage(
      { channel: event.channel, user: event.user, ts: event.ts, ...(event.thread_ts ? { threadTs: event.thread_ts } : {}), text: event.text, direct: false },
      messageContext(client, context),
    );
  });

  app.message(async ({ message, body, client, context }) => {
    if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id || !message.user) return;
    if (!(await firstDelivery({ eventId: body.event_id, messageKey: `${message.channel}:${message.ts}` }))) return;
    await yieldToEventLoop();
    await answerSlackMessage(
      { channel: message.channel, user: message.user, ts: message.ts, ...(message.thread_ts ? { threadTs: message.thread_ts } : {}), text: message.text ?? '', direct: true },
      messageContext(client, context),
    );
  });

  for (const command of options.registry.list()) registerSlashCommand(app, command, slashName(command, env), handler, env, logger);

  app.error(async (error) => {
    logger.error({ err: error }, 'Slack listener failed');
  });

  if (connection.mode === 'socket') {
    await app.start();
    logger.info('Slack connected (Socket Mode)');
    return { mode: 'socket', stop: () => app.stop().then(() => undefined) };
  }
  const server: Server = await app.start(options.httpPortOverride ?? connection.port);
  const httpPort = (server.address() as AddressInfo).port;
  logger.info({ port: httpPort }, 'Slack listening for events at /slack/events (HTTP mode)');
  return { mode: 'http', httpPort, stop: () => app.stop().then(() => undefined) };
}

/** `/ask` takes the configurable SLACK_SLASH_COMMAND name; every other command keeps its own. */
function slashName(command: ChannelCommand, env: Env): string {
  if (command.name !== 'ask') return `/${command.name}`;
  return env.SLACK_SLASH_COMMAND.startsWith('/') ? env.SLACK_SLASH_COMMAND : `/${env.SLACK_SLASH_COMMAND}`;
}

function registerSlashCommand(app: App, command: ChannelCommand, name: string, handler: ChannelHandler, env: Env, logger: Logger): void {
  app.command(name, async ({ command: payload, ack, respond }) => {
    // Acknowledge first: Slack shows the user an error if the ack takes more than 3 seconds.
    await ack();
    await yieldToEventLoop();
    const parsed = parseSlackCommandText(payload.text, command.options);
    const reply = parsed.ok
      ? await handler.handleCommand(command.name, {
          platform: 'slack',
          channelId: payload.channel_id,
          userId: payload.user_id,
          // A slash command's payload carries no time of its own; it arrives as it is sent.
          askedAt: new Date(),
          options: parsed.options,
        })
      : errorReply(parsed.message);
    const rendered = renderSlackReply(reply, { showQuestion: true });
    // Answers go where SLACK_SLASH_RESPONSE says; refusals and help are for the asker only.
    const responseType = reply.kind === 'answer' ? env.SLACK_SLASH_RESPONSE : 'ephemeral';
    try {
      await respond({ response_type: responseType, text: rendered.text, blocks: rendered.blocks });
    } catch (error) {
      logger.error({ err: error, command: name }, 'Posting the slash command reply failed');
    }
  });
}

function optionalAllowlist(value: string | undefined): { allowedChannels?: ReadonlySet<string> } {
  const allowed = parseChannelAllowlist(value);
  return allowed ? { allowedChannels: allowed } : {};
}

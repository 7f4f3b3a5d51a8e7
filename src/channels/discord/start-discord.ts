import { type ChatInputCommandInteraction, Client, Events, GatewayIntentBits, type Interaction, MessageFlags } from 'discord.js';
import type { Logger } from '../../app/logger.js';
import type { Env } from '../../config/schema.js';
import type { Assistant } from '../../core/assistant.js';
import type { Coordination } from '../../core/coordination.js';
import { StorydeskError } from '../../core/errors.js';
import { ChannelHandler } from '../channel-handler.js';
import type { CommandRegistry } from '../command-registry.js';
import { userMessages } from '../user-messages.js';
import { optionsFromInteraction } from './discord-commands.js';
import { DISCORD_GATEWAY_ROLE, ownDiscordGateway } from './discord-gateway-owner.js';
import { renderDiscordReply } from './render-discord-answer.js';

/** What {@link startDiscord} needs. */
export interface StartDiscordOptions {
  env: Env;
  assistant: Assistant;
  registry: CommandRegistry;
  logger: Logger;
  /** Shared with the other replicas: one of them holds the gateway connection at a time. @default this process alone */
  coordination?: Coordination;
  /** Clock for the rate limit. @default Date.now */
  now?: () => number;
  /** Give up connecting after this long, so a silent gateway cannot hang start-up. @default 30000 */
  connectTimeoutMs?: number;
}

/** A running Discord bot. */
export interface DiscordBot {
  stop(): Promise<void>;
}

const NO_MENTIONS = { parse: [] as [] };

/**
 * Starts Discord: with replicas sharing a storage, only the holder of the gateway role connects and the others
 * stand by (discord-gateway-owner.ts); alone, it connects now.
 */
export async function startDiscord(options: StartDiscordOptions): Promise<DiscordBot> {
  if (options.coordination === undefined) return connectDiscord(options);
  const leadership = await options.coordination.leadership(DISCORD_GATEWAY_ROLE);
  return ownDiscordGateway({ leadership, connect: () => connectDiscord(options), logger: options.logger });
}

/**
 * Logs in to the Discord gateway and answers the registry's slash commands: each interaction is deferred
 * at once (Discord allows 3 seconds), then the reply is edited in with the answer embed; refusals and
 * failures go to the asker as an ephemeral follow-up. Mentions are disabled on every message.
 */
async function connectDiscord(options: StartDiscordOptions): Promise<DiscordBot> {
  const { env, logger } = options;
  const token = env.DISCORD_TOKEN;
  if (!token) throw new StorydeskError('discord_config', 'Set DISCORD_TOKEN (the bot token from the Discord developer portal) to connect to Discord.');
  const handler = new ChannelHandler({
    assistant: options.assistant,
    registry: options.registry,
    logger,
    maxQuestionChars: env.STORYDESK_MAX_QUESTION_CHARS,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    ...(options.now ? { now: options.now } : {}),
  });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    ...(env.DISCORD_API_URL ? { rest: { api: env.DISCORD_API_URL.replace(/\/$/, '') } } : {}),
  });
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (!interaction.isChatInputCommand()) return;
    void answerInteraction(interaction, handler, logger);
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'Discord client error'));

  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    client.once(Events.ClientReady, () => resolve());
    timer = setTimeout(() => reject(new Error('the gateway did not become ready in time')), options.connectTimeoutMs ?? 30_000);
  });
  try {
    await Promise.all([client.login(token), ready]);
  } catch (error) {
    await client.destroy();
    ready.catch(() => undefined);
    throw new StorydeskError('discord_connect_failed', `Could not connect to Discord: ${(error as Error).message}. Check DISCORD_TOKEN.`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
  logger.info({ user: client.user?.tag }, 'Discord connected');
  return { stop: () => client.destroy() };
}

/** Defers first, then answers; every path ends with something the user can see. */
async function answerInteraction(interaction: ChatInputCommandInteraction, handler: ChannelHandler, logger: Logger): Promise<void> {
  try {
    await interaction.deferReply();
  } catch (error) {
    logger.error({ err: error, command: interaction.commandName }, 'Could not defer a Discord interaction; it has probably expired');
    return;
  }
  const reply = await handler.handleCommand(interaction.commandName, {
    platform: 'discord',
    channelId: interaction.channelId,
    userId: interaction.user.id,
    askedAt: interaction.createdAt,
    options: optionsFromInteraction(interaction.options.data),
  });
  try {
    if (reply.kind === 'message' && reply.tone === 'error') {
      await sendEphemeral(interaction, renderDiscordReply(reply).content ?? reply.text);
      return;
    }
    await interaction.editReply(renderDiscordReply(reply));
  } catch (error) {
    logger.error({ err: error, command: interaction.commandName }, 'Discord refused the reply; telling the user');
    await sendEphemeral(interaction, `⚠️ ${userMessages.unexpectedFailure()}`).catch((followUpError: unknown) => {
      logger.error({ err: followUpError }, 'Could not tell the user about the failure either');
    });
  }
}

/** An error only the asker sees; the public "thinking…" placeholder is removed so it does not linger. */
async function sendEphemeral(interaction: ChatInputCommandInteraction, content: string): Promise<void> {
  await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  await interaction.deleteReply().catch(() => undefined);
}

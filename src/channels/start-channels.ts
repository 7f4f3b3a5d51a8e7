import type { Logger } from '../app/logger.js';
import type { Env } from '../config/schema.js';
import type { Assistant } from '../core/assistant.js';
import type { CommandRegistry } from './command-registry.js';
import { startDiscord } from './discord/start-discord.js';
import { startSlack } from './slack/start-slack.js';

/** What {@link startChannels} needs: the same for every platform. */
export interface StartChannelsOptions {
  env: Env;
  assistant: Assistant;
  registry: CommandRegistry;
  logger: Logger;
}

/** The chat platforms that were configured, and which of them are running. */
export interface RunningChannels {
  /** Platforms whose credentials are set. */
  configured: Array<'slack' | 'discord'>;
  /** Platforms connected and answering. */
  running: Array<'slack' | 'discord'>;
  /** Disconnects every running platform. */
  stop(): Promise<void>;
}

/**
 * Starts Slack (when SLACK_BOT_TOKEN is set) and Discord (when DISCORD_TOKEN is set) side by side. A
 * platform that fails to connect is logged with the reason and does not stop the other; the caller can
 * fall back to the terminal chat when nothing is configured.
 */
export async function startChannels(options: StartChannelsOptions): Promise<RunningChannels> {
  const { env, logger } = options;
  const starters = [
    { platform: 'slack' as const, configured: env.SLACK_BOT_TOKEN !== undefined, start: () => startSlack(options) },
    { platform: 'discord' as const, configured: env.DISCORD_TOKEN !== undefined, start: () => startDiscord(options) },
  ].filter((starter) => starter.configured);

  const results = await Promise.allSettled(starters.map((starter) => starter.start()));
  const running: Array<{ platform: 'slack' | 'discord'; stop(): Promise<void> }> = [];
  results.forEach((result, index) => {
    const platform = starters[index]?.platform ?? 'slack';
    if (result.status === 'fulfilled') running.push({ platform, stop: () => result.value.stop() });
    else logger.error({ err: result.reason, platform }, `${platform === 'slack' ? 'Slack' : 'Discord'} did not start: ${(result.reason as Error).message}`);
  });
  return {
    configured: starters.map((starter) => starter.platform),
    running: running.map((item) => item.platform),
    stop: async () => {
      await Promise.allSettled(running.map((item) => item.stop()));
    },
  };
}

import type { ChatPlatformDependencies } from './chat-platform.js';
import { chatPlatforms, type PlatformId } from './chat-platforms.js';

/** What {@link startChannels} needs: the same for every platform. */
export type StartChannelsOptions = ChatPlatformDependencies;

/** The chat platforms that were configured, and which of them are running. */
export interface RunningChannels {
  /** Platforms whose credentials are set. */
  configured: PlatformId[];
  /** Platforms connected and answering. */
  running: PlatformId[];
  /** Disconnects every running platform. */
  stop(): Promise<void>;
}

/**
 * Starts every configured chat platform (Slack when SLACK_BOT_TOKEN is set, Discord when DISCORD_TOKEN is)
 * side by side. A platform that fails to connect is logged with the reason and does not stop the others;
 * the caller can fall back to the terminal chat when nothing is configured.
 */
export async function startChannels(options: StartChannelsOptions): Promise<RunningChannels> {
  const { env, logger } = options;
  const starters = chatPlatforms.filter((platform) => platform.isConfigured(env));

  const results = await Promise.allSettled(starters.map((platform) => platform.start(options)));
  const running: Array<{ platform: PlatformId; stop(): Promise<void> }> = [];
  results.forEach((result, index) => {
    const platform = starters[index];
    if (platform === undefined) return;
    if (result.status === 'fulfilled') running.push({ platform: platform.id, stop: () => result.value.stop() });
    else logger.error({ err: result.reason, platform: platform.id }, `${platform.name} did not start: ${(result.reason as Error).message}`);
  });
  return {
    configured: starters.map((platform) => platform.id),
    running: running.map((item) => item.platform),
    stop: async () => {
      await Promise.allSettled(running.map((item) => item.stop()));
    },
  };
}

import { webApi } from '@slack/bolt';
import { REST } from 'discord.js';
import type { Env } from '../../config/schema.js';
import type { DigestSinks } from '../../stories/digest/digest-sink.js';
import { storyPageUrl } from '../../web/story-urls.js';
import { DiscordDigestSink, discordRestSender } from './digest-discord.js';
import { SlackDigestSink } from './digest-slack.js';

/**
 * Digest sinks for the platforms that have a bot token configured. They use the Web API / REST clients
 * only (no Socket Mode or gateway connection), so digests go out even when the chat adapters are not
 * running in this process. SLACK_API_URL and DISCORD_API_URL point them at local servers in tests.
 */
export function createDigestSinks(env: Env): DigestSinks {
  const sinks: DigestSinks = {};
  // With a public URL, each story in a digest links to its web page ("Full timeline").
  const publicUrl = env.STORYDESK_PUBLIC_URL;
  const links = publicUrl ? { storyUrl: (storyId: string) => storyPageUrl(publicUrl, storyId) } : {};
  if (env.SLACK_BOT_TOKEN) {
    const client = new webApi.WebClient(env.SLACK_BOT_TOKEN, {
      ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL.endsWith('/') ? env.SLACK_API_URL : `${env.SLACK_API_URL}/` } : {}),
      retryConfig: { retries: 2 },
    });
    sinks.slack = new SlackDigestSink(client, links);
  }
  if (env.DISCORD_TOKEN) {
    const rest = new REST({ version: '10', ...(env.DISCORD_API_URL ? { api: env.DISCORD_API_URL.replace(/\/$/, '') } : {}) }).setToken(env.DISCORD_TOKEN);
    sinks.discord = new DiscordDigestSink(discordRestSender(rest), links);
  }
  return sinks;
}

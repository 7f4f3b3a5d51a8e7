import { webApi } from '@slack/bolt';
import type { ChatPlatform } from '../chat-platform.js';
import { SlackDigestSink } from './slack-digest.js';
import { startSlack } from './start-slack.js';

/** Slack: Socket Mode or HTTP events (start-slack.ts), digests through the Web API. */
export const slackPlatform: ChatPlatform<'slack'> = {
  id: 'slack',
  name: 'Slack',
  isConfigured: (env) => env.SLACK_BOT_TOKEN !== undefined,
  start: (dependencies) => startSlack(dependencies),
  digestSink: (env, options = {}) => {
    if (!env.SLACK_BOT_TOKEN) return null;
    // SLACK_API_URL points the client at a local server in tests.
    const client = new webApi.WebClient(env.SLACK_BOT_TOKEN, {
      ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL.endsWith('/') ? env.SLACK_API_URL : `${env.SLACK_API_URL}/` } : {}),
      retryConfig: { retries: 2 },
    });
    return new SlackDigestSink(client, options);
  },
};

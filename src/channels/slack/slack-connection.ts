import type { Env } from '../../config/schema.js';
import { StorydeskError } from '../../core/errors.js';

/** How the bot reaches Slack: a Socket Mode WebSocket (no public URL) or an HTTP events endpoint. */
export type SlackConnection =
  | { mode: 'socket'; botToken: string; appToken: string; apiUrl?: string }
  | { mode: 'http'; botToken: string; signingSecret: string; port: number; apiUrl?: string };

/**
 * Picks the connection mode from the environment. HTTP mode needs an explicit SLACK_HTTP_PORT as well as the
 * signing secret: Slack shows every app a signing secret, so its presence alone says nothing about intent.
 * Otherwise Socket Mode, the default. Errors name the variables to set.
 */
export function resolveSlackConnection(env: Env): SlackConnection {
  const botToken = env.SLACK_BOT_TOKEN;
  if (!botToken) throw new StorydeskError('slack_config', 'Set SLACK_BOT_TOKEN (xoxb-…) to connect to Slack.');
  const apiUrl = env.SLACK_API_URL ? { apiUrl: withTrailingSlash(env.SLACK_API_URL) } : {};
  if (env.SLACK_SIGNING_SECRET && env.SLACK_HTTP_PORT !== undefined) {
    return { mode: 'http', botToken, signingSecret: env.SLACK_SIGNING_SECRET, port: env.SLACK_HTTP_PORT, ...apiUrl };
  }
  if (env.SLACK_APP_TOKEN) return { mode: 'socket', botToken, appToken: env.SLACK_APP_TOKEN, ...apiUrl };
  throw new StorydeskError(
    'slack_config',
    'Set SLACK_APP_TOKEN (xapp-…) for Socket Mode, or SLACK_SIGNING_SECRET and SLACK_HTTP_PORT for HTTP mode (events at /slack/events).',
  );
}

/** True when the environment asks for Slack at all (a bot token is set). */
export function slackConfigured(env: Env): boolean {
  return env.SLACK_BOT_TOKEN !== undefined;
}

// The Web API client joins method names onto the base URL, so it must end with a slash.
function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

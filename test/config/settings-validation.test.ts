import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';

function problem(environment: Record<string, string>): string {
  try {
    loadConfig(environment);
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

describe('settings are validated at start, each error naming its variable', () => {
  it('accepts the defaults and complete platform settings', () => {
    expect(() => loadConfig({})).not.toThrow();
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_HTTP_PORT: '3000' })).not.toThrow();
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1' })).not.toThrow();
    // A bot token alone posts digests from the CLI.
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).not.toThrow();
  });

  it('says which URL, port, cron pattern or time zone is malformed, with the value given', () => {
    expect(problem({ OPENAI_BASE_URL: 'not-a-url' })).toMatch(/^Invalid setting: OPENAI_BASE_URL must be an http:\/\/ or https:\/\/ URL.*\(got "not-a-url"\)/);
    expect(problem({ SLACK_API_URL: 'ftp://example.invalid' })).toMatch(/SLACK_API_URL must be an http/);
    expect(problem({ FEEDS: 'https://example.invalid/rss, example.invalid/atom' })).toMatch(/FEEDS must be comma-separated http/);
    expect(problem({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_HTTP_PORT: '70000' })).toMatch(/SLACK_HTTP_PORT must be a port number from 1 to 65535 \(got "70000"\)/);
    expect(problem({ FEED_POLL_CRON: 'every day' })).toMatch(/FEED_POLL_CRON must be a cron pattern/);
    expect(problem({ DIGEST_DEFAULT_TIMEZONE: 'Mars/Olympus' })).toMatch(/DIGEST_DEFAULT_TIMEZONE must be an IANA time zone/);
  });

  it('asks for the setting a half-configured platform lacks instead of falling back silently', () => {
    expect(problem({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toMatch(/SLACK_HTTP_PORT is missing: HTTP mode/);
    expect(problem({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_HTTP_PORT: '3000' })).toMatch(/SLACK_SIGNING_SECRET is missing/);
    expect(problem({ SLACK_APP_TOKEN: 'xapp-1' })).toMatch(/SLACK_BOT_TOKEN is missing/);
    expect(problem({ DISCORD_APPLICATION_ID: '1' })).toMatch(/DISCORD_TOKEN is missing/);
    expect(problem({ EMBEDDINGS_PROVIDER: 'openai' })).toMatch(/EMBEDDINGS_PROVIDER is "openai" but neither OPENAI_API_KEY nor OPENAI_BASE_URL is set/);
  });

  it('never echoes a secret back', () => {
    expect(problem({ SLACK_APP_TOKEN: 'xapp-secret-value' })).not.toMatch(/xapp-secret-value/);
  });
});

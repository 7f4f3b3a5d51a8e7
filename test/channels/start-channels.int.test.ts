import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommandRegistry } from '../../src/channels/create-command-registry.js';
import { startChannels } from '../../src/channels/start-channels.js';
import { loadConfig } from '../../src/config/load-config.js';
import { FakeDiscordGateway } from '../fakes/discord-gateway.js';
import { FAKE_DISCORD, FakeDiscordRest } from '../fakes/discord-rest.js';
import { FakeSlackSocketMode } from '../fakes/slack-socket-mode.js';
import { FakeSlackWebApi } from '../fakes/slack-web-api.js';
import { FakeAssistant } from './fake-assistant.js';

/** A logger whose error lines the test can read. */
function capturingLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: pino({ level: 'error', base: null }, sink) };
}

describe('starting every configured platform', () => {
  let slack: FakeSlackWebApi;
  let rest: FakeDiscordRest;
  let gateway: FakeDiscordGateway;
  beforeAll(async () => {
    slack = await FakeSlackWebApi.start();
    rest = await FakeDiscordRest.start();
    gateway = await FakeDiscordGateway.start();
    rest.gatewayUrl = gateway.url;
  });
  afterAll(async () => {
    await gateway?.close();
    await rest?.close();
    await slack?.close();
  });

  it('keeps Discord running when Slack refuses the token, and logs why Slack did not start', async () => {
    const { lines, logger } = capturingLogger();
    const env = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-revoked',
      SLACK_APP_TOKEN: 'xapp-test',
      SLACK_API_URL: slack.url,
      DISCORD_TOKEN: 'discord-test-token',
      DISCORD_APPLICATION_ID: FAKE_DISCORD.applicationId,
      DISCORD_API_URL: rest.url,
    });
    const channels = await startChannels({ env, assistant: new FakeAssistant(), registry: createCommandRegistry(), logger });
    try {
      expect(channels.configured).toEqual(['slack', 'discord']);
      expect(channels.running).toEqual(['discord']);
      expect(lines.join('')).toMatch(/Slack did not start: .*invalid_auth/);
    } finally {
      await channels.stop();
    }
  });

  it('keeps Slack running when Discord refuses the token', async () => {
    const socket = await FakeSlackSocketMode.start();
    slack.socketModeUrl = socket.url;
    const { lines, logger } = capturingLogger();
    const env = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test', SLACK_API_URL: slack.url, DISCORD_TOKEN: 'revoked', DISCORD_API_URL: rest.url });
    const channels = await startChannels({ env, assistant: new FakeAssistant(), registry: createCommandRegistry(), logger });
    try {
      expect(channels.running).toEqual(['slack']);
      expect(lines.join('')).toMatch(/Discord did not start: Could not connect to Discord: .*Check DISCORD_TOKEN/);
    } finally {
      await channels.stop();
      await socket.close();
    }
  });

  it('starts nothing when no platform is configured', async () => {
    const channels = await startChannels({ env: loadConfig({}), assistant: new FakeAssistant(), registry: createCommandRegistry(), logger: pino({ level: 'silent' }) });
    expect(channels).toMatchObject({ configured: [], running: [] });
  });
});

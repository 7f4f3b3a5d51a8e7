import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/app/logger.js';
import { createCommandRegistry } from '../../../src/channels/create-command-registry.js';
import { type DiscordBot, startDiscord } from '../../../src/channels/discord/start-discord.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { FakeDiscordGateway } from '../../fakes/discord-gateway.js';
import { FAKE_DISCORD, FakeDiscordRest } from '../../fakes/discord-rest.js';
import { GatedAssistant } from '../gated-assistant.js';

describe('Discord defers before answering', () => {
  let rest: FakeDiscordRest;
  let gateway: FakeDiscordGateway;
  let bot: DiscordBot;
  const assistant = new GatedAssistant();

  beforeAll(async () => {
    rest = await FakeDiscordRest.start();
    gateway = await FakeDiscordGateway.start();
    rest.gatewayUrl = gateway.url;
    const env = loadConfig({ DISCORD_TOKEN: 'discord-test-token', DISCORD_APPLICATION_ID: FAKE_DISCORD.applicationId, DISCORD_API_URL: rest.url });
    bot = await startDiscord({ env, assistant, registry: createCommandRegistry(), logger: createLogger('silent') });
  });
  afterAll(async () => {
    assistant.release();
    await bot?.stop();
    await gateway?.close();
    await rest?.close();
  });

  it('sends the deferral while the answer is still being worked on, and edits the answer in afterwards', async () => {
    const interaction = gateway.sendSlashCommand({ name: 'ask', options: [{ name: 'question', type: 3, value: 'Huawei chips?' }] });
    await rest.waitUntil('the deferral', () => rest.callsMatching('POST', /\/callback$/).length === 1);
    await assistant.asked();
    expect(rest.callsMatching('POST', /\/callback$/)[0]?.body).toMatchObject({ type: 5 });
    expect(rest.callsMatching('PATCH', /@original$/)).toHaveLength(0);

    assistant.release();
    await rest.waitUntil('the edited answer', () => rest.callsMatching('PATCH', new RegExp(`/${interaction.token}/messages/@original$`)).length === 1);
  });

  it('tells the asker ephemerally when Discord refuses the rendered answer', async () => {
    rest.failNext('PATCH', /@original$/);
    const interaction = gateway.sendSlashCommand({ name: 'ask', options: [{ name: 'question', type: 3, value: 'Huawei chips?' }] });
    const followUpRoute = new RegExp(`^/webhooks/${FAKE_DISCORD.applicationId}/${interaction.token}$`);
    await rest.waitUntil('the ephemeral apology', () => rest.callsMatching('POST', followUpRoute).length === 1);
    expect(rest.callsMatching('POST', followUpRoute)[0]?.body).toMatchObject({
      flags: 64,
      content: expect.stringMatching(/^⚠️ Sorry, something went wrong on my side/),
      allowed_mentions: { parse: [] },
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/app/logger.js';
import { createCommandRegistry } from '../../../src/channels/create-command-registry.js';
import { type DiscordBot, startDiscord } from '../../../src/channels/discord/start-discord.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { FakeDiscordGateway } from '../../fakes/discord-gateway.js';
import { FAKE_DISCORD, FakeDiscordRest } from '../../fakes/discord-rest.js';
import { abstainedAnswer, FakeAssistant, seedAnswer } from '../fake-assistant.js';
import { HOSTILE } from '../hostile-answer.js';

interface InteractionBody {
  content?: string;
  flags?: number;
  embeds?: Array<{ description?: string; fields?: Array<{ name: string; value: string }>; footer?: { text: string } }>;
  allowed_mentions?: { parse?: string[] };
}

function bodyOf(call: { body: unknown } | undefined): InteractionBody {
  return (call?.body ?? {}) as InteractionBody;
}

describe('Discord bot (real discord.js against fake REST and gateway servers)', () => {
  let rest: FakeDiscordRest;
  let gateway: FakeDiscordGateway;
  let bot: DiscordBot;
  const assistant = new FakeAssistant((question) => {
    if (question.includes('France')) return abstainedAnswer(question);
    if (question.includes('explode')) throw new Error('index file is corrupt');
    if (question.includes('hostile')) {
      const answer = seedAnswer(question);
      return { ...answer, citations: answer.citations.map((citation) => ({ ...citation, quote: `${HOSTILE} ${citation.quote}` })) };
    }
    return seedAnswer(question);
  });

  beforeAll(async () => {
    rest = await FakeDiscordRest.start();
    gateway = await FakeDiscordGateway.start({ heartbeatIntervalMs: 200 });
    rest.gatewayUrl = gateway.url;
    const env = loadConfig({ DISCORD_TOKEN: 'discord-test-token', DISCORD_APPLICATION_ID: FAKE_DISCORD.applicationId, DISCORD_API_URL: rest.url, STORYDESK_MAX_QUESTION_CHARS: '200', RATE_LIMIT_PER_MINUTE: '1000' });
    bot = await startDiscord({ env, assistant, registry: createCommandRegistry(), logger: createLogger('silent') });
  });
  afterAll(async () => {
    await bot?.stop();
    await gateway?.close();
    await rest?.close();
  });

  /** Sends /ask and waits until the interaction has been answered (edited, or followed up). */
  async function ask(question: string) {
    const interaction = gateway.sendSlashCommand({ name: 'ask', options: [{ name: 'question', type: 3, value: question }] });
    const prefix = `/webhooks/${FAKE_DISCORD.applicationId}/${interaction.token}`;
    await rest.waitUntil(`a reply to ${interaction.id}`, () => rest.calls.some((call) => call.route.startsWith(prefix) && call.method !== 'DELETE' && (call.method === 'PATCH' || call.method === 'POST')));
    const callback = rest.callsMatching('POST', new RegExp(`^/interactions/${interaction.id}/${interaction.token}/callback$`))[0];
    const edit = rest.callsMatching('PATCH', new RegExp(`^${prefix}/messages/@original$`))[0];
    const followUp = rest.callsMatching('POST', new RegExp(`^${prefix}$`))[0];
    return { interaction, callback, edit, followUp, prefix };
  }

  it('identifies with the bot token and keeps the heartbeat going', async () => {
    expect(gateway.identifies).toEqual(['discord-test-token']);
    await gateway.heartbeatAnswered();
    expect(rest.callsMatching('GET', /^\/gateway\/bot$/)[0]?.authorization).toBe('Bot discord-test-token');
  });

  it('defers /ask within 3 seconds, then edits in the cited, dispute-marked answer with mentions disabled', async () => {
    const { interaction, callback, edit } = await ask('Is ByteDance training an AI model on Huawei chips?');
    expect(callback?.body).toMatchObject({ type: 5 });
    // Discord's protocol rule: the deferral must arrive within 3 s of the interaction.
    const deferredAfter = (callback?.at ?? Number.POSITIVE_INFINITY) - (gateway.dispatchedAt.get(interaction.id) ?? 0);
    expect(deferredAfter).toBeLessThan(3000);
    expect(callback?.at).toBeLessThan(edit?.at ?? 0);
    const body = bodyOf(edit);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds?.[0]?.description).toContain('⚠️ **Disputed:** ByteDance is using the Huawei Ascend 910B chip to train a new AI model. [1]');
    expect(body.embeds?.[0]?.description).toContain('*Denied by Michael Hughes, a TikTok spokesperson:*');
    expect(body.embeds?.[0]?.fields?.[1]?.value).toContain('](https://www.benzinga.com/news/24/09/41098765/bytedance-huawei-chips)');
    expect(assistant.calls.at(-1)?.question).toBe('Is ByteDance training an AI model on Huawei chips?');
    // Asked at the interaction's time (its snowflake's), so "this week" is read against the articles of then.
    expect(assistant.calls.at(-1)?.options?.askedAt?.getTime()).toBe(Number((BigInt(interaction.id) >> 22n) + 1_420_070_400_000n));
  });

  it('keeps @everyone and user mentions in article text from pinging', async () => {
    const { edit } = await ask('a hostile question');
    const body = bodyOf(edit);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const text = JSON.stringify(body.embeds);
    expect(text).not.toMatch(/@everyone|@here|<@U123>/);
  });

  it('says an abstention plainly in the reply', async () => {
    const { edit } = await ask('What is the capital of France?');
    expect(bodyOf(edit).embeds?.[0]?.description).toContain("I couldn't find anything about that in the articles I have.");
  });

  it('shows a failure to the asker only, as an ephemeral follow-up in plain words', async () => {
    const { edit, followUp, prefix } = await ask('please explode');
    expect(edit).toBeUndefined();
    const body = bodyOf(followUp);
    expect(body.flags).toBe(64);
    expect(body.content).toMatch(/^⚠️ Sorry, something went wrong on my side/);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    await rest.waitUntil('the placeholder removed', () => rest.callsMatching('DELETE', new RegExp(`^${prefix}/messages/@original$`)).length === 1);
  });

  it('refuses an oversized question with the limit, ephemerally', async () => {
    const { followUp } = await ask('why '.repeat(80));
    expect(bodyOf(followUp).content).toContain('the limit is 200');
    expect(bodyOf(followUp).flags).toBe(64);
  });

  it('load: 50 interactions at once are all deferred and answered, none dropped', async () => {
    const sent = Array.from({ length: 50 }, (_, index) => gateway.sendSlashCommand({ name: 'ask', options: [{ name: 'question', type: 3, value: `load question ${index} about Huawei chips?` }] }));
    await rest.waitUntil(
      '50 edited replies',
      () => sent.every((item) => rest.callsMatching('PATCH', new RegExp(`/${item.token}/messages/@original$`)).length === 1),
      60_000,
    );
    const deferrals = sent.map((item) => {
      const callback = rest.callsMatching('POST', new RegExp(`^/interactions/${item.id}/`))[0];
      expect(callback?.body).toMatchObject({ type: 5 });
      return (callback?.at ?? Number.POSITIVE_INFINITY) - (gateway.dispatchedAt.get(item.id) ?? 0);
    });
    const slowest = Math.max(...deferrals);
    console.log(`[discord load] 50 interactions: slowest deferral ${slowest.toFixed(1)} ms after dispatch`);
  });
});

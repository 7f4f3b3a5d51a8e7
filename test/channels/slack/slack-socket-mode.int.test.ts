import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommandRegistry } from '../../../src/channels/create-command-registry.js';
import { type SlackBot, startSlack } from '../../../src/channels/slack/start-slack.js';
import { createLogger } from '../../../src/app/logger.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { UserFacingError } from '../../../src/core/errors.js';
import { FakeSlackSocketMode } from '../../fakes/slack-socket-mode.js';
import { FakeSlackWebApi } from '../../fakes/slack-web-api.js';
import { abstainedAnswer, FakeAssistant, seedAnswer } from '../fake-assistant.js';

const CHANNEL = 'CNEWS';

describe('Slack bot over Socket Mode (real Bolt against fake Slack servers)', () => {
  let web: FakeSlackWebApi;
  let socket: FakeSlackSocketMode;
  let bot: SlackBot;
  const assistant = new FakeAssistant((question) => {
    if (question.includes('France')) return abstainedAnswer(question);
    if (question.includes('explode')) throw new Error('index file is corrupt');
    if (question.includes('refuse')) throw new UserFacingError('store_empty', 'No articles have been ingested yet. Run `npm run cli -- ingest corpus/` first.');
    return seedAnswer(question);
  });

  beforeAll(async () => {
    web = await FakeSlackWebApi.start();
    socket = await FakeSlackSocketMode.start();
    web.socketModeUrl = socket.url;
    const env = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test', SLACK_API_URL: web.url, RATE_LIMIT_PER_MINUTE: '1000' });
    bot = await startSlack({ env, assistant, registry: createCommandRegistry(), logger: createLogger('silent') });
    await socket.connected();
  });
  afterAll(async () => {
    await bot?.stop();
    await socket?.close();
    await web?.close();
  });

  const repliesIn = (thread: string) => web.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === thread);

  /** Sends a mention as Slack would and waits for the bot's next reply in that thread. */
  async function mention(text: string, options: { threadTs?: string; user?: string } = {}) {
    const ts = web.nextTs();
    const thread = options.threadTs ?? ts;
    const before = repliesIn(thread).length;
    const user = options.user ?? 'UREPORTER';
    web.addMessage(CHANNEL, { ts, text, user, ...(options.threadTs ? { thread_ts: options.threadTs } : {}) });
    const envelopeId = socket.sendEvent({ type: 'app_mention', user, text, ts, channel: CHANNEL, event_ts: ts, ...(options.threadTs ? { thread_ts: options.threadTs } : {}) });
    await web.waitUntil(`a reply in thread ${thread}`, () => repliesIn(thread).length > before);
    return { ts, envelopeId, reply: repliesIn(thread).at(-1) };
  }

  it('answers a mention in its thread with the cited, dispute-marked answer, 👀 while working, and acks the envelope', async () => {
    const { ts, envelopeId, reply } = await mention('<@UBOT> Is ByteDance training an AI model on Huawei chips?');
    expect(await socket.waitForAck(envelopeId)).toMatchObject({ envelopeId });
    expect(assistant.calls.at(-1)?.question).toBe('Is ByteDance training an AI model on Huawei chips?');
    const blocks = JSON.stringify(reply?.args.blocks);
    expect(blocks).toContain('⚠️ *Disputed:* ByteDance is using the Huawei Ascend 910B chip');
    expect(blocks).toContain('Denied by Michael Hughes, a TikTok spokesperson:');
    expect(blocks).toContain('<https://www.benzinga.com/news/24/09/41098765/bytedance-huawei-chips|ByteDance Plans To Use Huawei Chips');
    expect(reply?.args).toMatchObject({ channel: CHANNEL, thread_ts: ts, unfurl_links: 'false' });
    // Form-encoded, as the real SDK sends it: booleans arrive as strings.
    expect(reply?.token).toBe('xoxb-test');
    await web.waitUntil('the 👀 reaction removed', () => web.callsTo('reactions.remove').some((call) => call.args.timestamp === ts));
    expect(web.callsTo('reactions.add').find((call) => call.args.timestamp === ts)?.args).toMatchObject({ name: 'eyes', channel: CHANNEL });
  });

  it('answers a follow-up mention in the thread with the earlier question and answer as history', async () => {
    const first = await mention('<@UBOT> Is ByteDance training an AI model on Huawei chips?');
    await mention('<@UBOT> what did they say about it?', { threadTs: first.ts });
    const call = assistant.calls.at(-1);
    expect(call?.question).toBe('what did they say about it?');
    expect(call?.options?.history?.[0]).toEqual({ role: 'user', text: 'Is ByteDance training an AI model on Huawei chips?' });
    expect(call?.options?.history?.[1]?.role).toBe('assistant');
    expect(call?.options?.history?.[1]?.text).toContain('Huawei Ascend 910B');
    expect(web.callsTo('chat.postMessage').at(-1)?.args.thread_ts).toBe(first.ts);
  });

  it('answers a direct message in place', async () => {
    const before = web.callsTo('chat.postMessage').length;
    const ts = web.nextTs();
    socket.sendEvent({ type: 'message', channel_type: 'im', channel: 'DREPORTER', user: 'UREPORTER', text: 'Is ByteDance using Huawei chips?', ts, event_ts: ts });
    await web.waitUntil('the DM answer', () => web.callsTo('chat.postMessage').length > before);
    const reply = web.callsTo('chat.postMessage').at(-1);
    expect(reply?.args.channel).toBe('DREPORTER');
    expect(reply?.args.thread_ts).toBeUndefined();
    expect(JSON.stringify(reply?.args.blocks)).toContain('[1]');
  });

  it("ignores other bots' messages and message subtypes", async () => {
    const asked = assistant.calls.length;
    const before = web.callsTo('chat.postMessage').length;
    const botTs = web.nextTs();
    socket.sendEvent({ type: 'message', channel_type: 'im', channel: 'DREPORTER', bot_id: 'BOTHER', text: 'I am a bot', ts: botTs, event_ts: botTs });
    const editTs = web.nextTs();
    const editAck = socket.sendEvent({ type: 'message', subtype: 'message_changed', channel_type: 'im', channel: 'DREPORTER', ts: editTs, event_ts: editTs });
    const mentionTs = web.nextTs();
    const botMention = socket.sendEvent({ type: 'app_mention', bot_id: 'BOTHER', user: 'UOTHERBOT', text: '<@UBOT> hi', ts: mentionTs, channel: CHANNEL, event_ts: mentionTs });
    await socket.waitForAck(editAck);
    await socket.waitForAck(botMention);
    // A human question afterwards is the marker that the bot has processed the earlier events.
    await mention('<@UBOT> Is ByteDance using Huawei chips?');
    expect(assistant.calls.length).toBe(asked + 1);
    expect(web.callsTo('chat.postMessage').length).toBe(before + 1);
  });

  it('answers a mention once even when Slack delivers it twice', async () => {
    const asked = assistant.calls.length;
    const first = await mention('<@UBOT> Is ByteDance using Huawei chips?');
    const redelivery = socket.sendEvent({ type: 'app_mention', user: 'UREPORTER', text: '<@UBOT> Is ByteDance using Huawei chips?', ts: first.ts, channel: CHANNEL, event_ts: first.ts });
    await socket.waitForAck(redelivery);
    // A later question is the marker that the redelivery has been processed.
    await mention('<@UBOT> and what did TikTok say?');
    expect(assistant.calls.length).toBe(asked + 2);
    expect(repliesIn(first.ts)).toHaveLength(1);
  });

  it('says abstentions, refusals and failures in plain words instead of going silent', async () => {
    const abstained = await mention('<@UBOT> What is the capital of France?');
    expect(abstained.reply?.args.text).toBe("I couldn't find anything about that in the articles I have.");
    const refused = await mention('<@UBOT> please refuse');
    expect(refused.reply?.args.text).toContain('No articles have been ingested yet.');
    const failed = await mention('<@UBOT> please explode');
    expect(failed.reply?.args.text).toMatch(/^Sorry, something went wrong on my side/);
    expect(failed.reply?.args.text).not.toContain('corrupt');
    const empty = await mention('<@UBOT>');
    expect(empty.reply?.args.text).toContain('Ask me a question about the news');
  });

  it('acks the slash command at once, then posts the answer in the channel via response_url', async () => {
    const envelopeId = socket.sendSlashCommand({ command: '/ask', text: 'Is ByteDance using Huawei chips?', channel_id: CHANNEL, user_id: 'UREPORTER', response_url: web.responseUrl('slash-1') });
    const ack = await socket.waitForAck(envelopeId);
    await web.waitUntil('the slash command response', () => web.responses.some((response) => response.id === 'slash-1'));
    const response = web.responses.find((item) => item.id === 'slash-1');
    expect(response?.body.response_type).toBe('in_channel');
    expect(JSON.stringify(response?.body.blocks)).toContain('*Question:* Is ByteDance using Huawei chips?');
    expect(JSON.stringify(response?.body.blocks)).toContain('Denied by Michael Hughes');
    expect(ack.elapsedMs).toBeLessThan(3000);
  });

  it('answers an empty slash command with help, only to the asker', async () => {
    const envelopeId = socket.sendSlashCommand({ command: '/ask', text: '  ', channel_id: CHANNEL, user_id: 'UREPORTER', response_url: web.responseUrl('slash-help') });
    await socket.waitForAck(envelopeId);
    await web.waitUntil('the help response', () => web.responses.some((response) => response.id === 'slash-help'));
    const response = web.responses.find((item) => item.id === 'slash-help');
    expect(response?.body.response_type).toBe('ephemeral');
    expect(response?.body.text).toContain('/ask (Ask a question about the news');
  });

  it('load: 50 mentions at once are all acknowledged and answered, none dropped', async () => {
    const before = web.callsTo('chat.postMessage').length;
    const sent = Array.from({ length: 50 }, (_, index) => {
      const ts = web.nextTs();
      const envelopeId = socket.sendEvent({ type: 'app_mention', user: `ULOAD${index}`, text: `<@UBOT> load question ${index} about Huawei chips?`, ts, channel: CHANNEL, event_ts: ts });
      return { ts, envelopeId };
    });
    const acks = await Promise.all(sent.map((item) => socket.waitForAck(item.envelopeId)));
    await web.waitUntil('50 answers', () => web.callsTo('chat.postMessage').length >= before + 50, 60_000);
    const answeredThreads = new Set(web.callsTo('chat.postMessage').slice(before).map((call) => call.args.thread_ts));
    for (const item of sent) expect(answeredThreads.has(item.ts)).toBe(true);
    const slowest = Math.max(...acks.map((ack) => ack.elapsedMs));
    const lastAnswer = Math.max(...web.callsTo('chat.postMessage').slice(before).map((call) => call.at)) - Math.min(...web.callsTo('chat.postMessage').slice(before).map((call) => call.at));
    console.log(`[slack load] 50 mentions: slowest envelope ack ${slowest.toFixed(1)} ms; answers spread over ${lastAnswer.toFixed(1)} ms`);
  });
});

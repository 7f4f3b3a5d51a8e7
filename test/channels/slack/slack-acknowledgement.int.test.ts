import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/app/logger.js';
import { createCommandRegistry } from '../../../src/channels/create-command-registry.js';
import { type SlackBot, startSlack } from '../../../src/channels/slack/start-slack.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { FakeSlackSocketMode } from '../../fakes/slack-socket-mode.js';
import { FakeSlackWebApi } from '../../fakes/slack-web-api.js';
import { GatedAssistant } from '../gated-assistant.js';

describe('Slack acknowledges before answering', () => {
  let web: FakeSlackWebApi;
  let socket: FakeSlackSocketMode;
  let bot: SlackBot;
  const assistant = new GatedAssistant();

  beforeAll(async () => {
    web = await FakeSlackWebApi.start();
    socket = await FakeSlackSocketMode.start();
    web.socketModeUrl = socket.url;
    const env = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test', SLACK_API_URL: web.url });
    bot = await startSlack({ env, assistant, registry: createCommandRegistry(), logger: createLogger('silent') });
    await socket.connected();
  });
  afterAll(async () => {
    assistant.release();
    await bot?.stop();
    await socket?.close();
    await web?.close();
  });

  it('acks the mention and the slash command and shows 👀 while the answer is still being worked on, then answers both', async () => {
    const ts = web.nextTs();
    const mention = socket.sendEvent({ type: 'app_mention', user: 'UREPORTER', text: '<@UBOT> Huawei chips?', ts, channel: 'CNEWS', event_ts: ts });
    const slash = socket.sendSlashCommand({ command: '/ask', text: 'Huawei chips?', channel_id: 'CNEWS', user_id: 'UREPORTER', response_url: web.responseUrl('held') });
    // Both envelopes are acknowledged although no answer exists yet: Slack would otherwise retry them.
    await socket.waitForAck(mention);
    await socket.waitForAck(slash);
    await web.waitUntil('the 👀 reaction', () => web.callsTo('reactions.add').length === 1);
    await assistant.asked();
    expect(web.callsTo('chat.postMessage')).toHaveLength(0);
    expect(web.responses).toHaveLength(0);

    assistant.release();
    await web.waitUntil('both answers', () => web.callsTo('chat.postMessage').length === 1 && web.responses.length === 1);
    await web.waitUntil('the 👀 reaction removed', () => web.callsTo('reactions.remove').length === 1);
    expect(web.callsTo('chat.postMessage')[0]?.args.thread_ts).toBe(ts);
  });

  it('posts a plain apology in the thread when Slack refuses the rendered answer', async () => {
    web.failNext('chat.postMessage', 'invalid_blocks');
    const ts = web.nextTs();
    socket.sendEvent({ type: 'app_mention', user: 'UREPORTER', text: '<@UBOT> Huawei chips?', ts, channel: 'CNEWS', event_ts: ts });
    await web.waitUntil('the apology', () => web.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === ts).length === 2);
    const [refused, apology] = web.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === ts);
    expect(refused?.args.blocks).toBeDefined();
    expect(apology?.args.blocks).toBeUndefined();
    expect(apology?.args.text).toMatch(/^Sorry, something went wrong on my side/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/app/logger.js';
import { createCommandRegistry } from '../../../src/channels/create-command-registry.js';
import { type SlackBot, startSlack } from '../../../src/channels/slack/start-slack.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { postSlackEvent, slackSignatureHeaders } from '../../fakes/slack-signed-request.js';
import { FakeSlackWebApi } from '../../fakes/slack-web-api.js';
import { FakeAssistant } from '../fake-assistant.js';

const SECRET = 'test-signing-secret';

describe('Slack bot in HTTP mode (Bolt verifies request signatures)', () => {
  let web: FakeSlackWebApi;
  let bot: SlackBot;
  let eventsUrl: string;
  const assistant = new FakeAssistant();

  beforeAll(async () => {
    web = await FakeSlackWebApi.start();
    // SLACK_HTTP_PORT selects HTTP mode; the override makes the test listen on an ephemeral port.
    const env = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_HTTP_PORT: '3000', SLACK_API_URL: web.url, SLACK_SLASH_COMMAND: '/storydesk', SLACK_SLASH_RESPONSE: 'ephemeral' });
    bot = await startSlack({ env, assistant, registry: createCommandRegistry(), logger: createLogger('silent'), httpPortOverride: 0 });
    eventsUrl = `http://127.0.0.1:${bot.httpPort}/slack/events`;
  });
  afterAll(async () => {
    await bot?.stop();
    await web?.close();
  });

  function mentionBody(ts: string): string {
    return JSON.stringify({
      token: 'verification-token',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: `Ev${ts}`,
      event_time: 1700000000,
      event: { type: 'app_mention', user: 'UREPORTER', text: '<@UBOT> Is ByteDance using Huawei chips?', ts, channel: 'CNEWS', event_ts: ts },
    });
  }

  it('runs in HTTP mode', () => {
    expect(bot.mode).toBe('http');
  });

  it('answers a correctly signed event in its thread', async () => {
    const ts = web.nextTs();
    const body = mentionBody(ts);
    expect(await postSlackEvent(eventsUrl, body, slackSignatureHeaders(SECRET, body))).toBe(200);
    await web.waitUntil('the answer', () => web.callsTo('chat.postMessage').some((call) => call.args.thread_ts === ts));
    expect(JSON.stringify(web.callsTo('chat.postMessage').at(-1)?.args.blocks)).toContain('Denied by Michael Hughes');
    // Asked at the message's time, so "this week" is read against the articles of then.
    expect(assistant.calls.at(-1)?.options?.askedAt?.getTime()).toBe(new Date(Number(ts) * 1000).getTime());
  });

  it('rejects a request signed with the wrong secret with 401 and does not answer it', async () => {
    const asked = assistant.calls.length;
    const body = mentionBody(web.nextTs());
    expect(await postSlackEvent(eventsUrl, body, slackSignatureHeaders('wrong-secret', body))).toBe(401);
    expect(assistant.calls.length).toBe(asked);
  });

  it('rejects a correctly signed request whose timestamp is 10 minutes old (a replay) with 401', async () => {
    const asked = assistant.calls.length;
    const body = mentionBody(web.nextTs());
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    expect(await postSlackEvent(eventsUrl, body, slackSignatureHeaders(SECRET, body, tenMinutesAgo))).toBe(401);
    expect(assistant.calls.length).toBe(asked);
  });

  it('rejects an unsigned request with 401', async () => {
    expect(await postSlackEvent(eventsUrl, mentionBody(web.nextTs()), { 'content-type': 'application/json' })).toBe(401);
  });

  it('acks a signed slash command under its configured name and answers ephemerally when SLACK_SLASH_RESPONSE=ephemeral', async () => {
    const body = new URLSearchParams({
      token: 'verification-token',
      team_id: 'T1',
      channel_id: 'CNEWS',
      user_id: 'UREPORTER',
      command: '/storydesk',
      text: 'Is ByteDance using Huawei chips?',
      response_url: web.responseUrl('http-slash'),
      trigger_id: 'trigger-1',
    }).toString();
    const headers = { ...slackSignatureHeaders(SECRET, body), 'content-type': 'application/x-www-form-urlencoded' };
    expect(await postSlackEvent(eventsUrl, body, headers)).toBe(200);
    await web.waitUntil('the slash command response', () => web.responses.some((response) => response.id === 'http-slash'));
    const response = web.responses.find((item) => item.id === 'http-slash');
    expect(response?.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(response?.body.blocks)).toContain('Denied by Michael Hughes');
  });
});

import { describe, expect, it } from 'vitest';
import { parseSlackCommandText } from '../../../src/channels/slack/slack-command-text.js';
import { resolveSlackConnection } from '../../../src/channels/slack/slack-connection.js';
import { questionFromSlackText } from '../../../src/channels/slack/slack-text.js';
import { loadConfig } from '../../../src/config/load-config.js';

describe('reading Slack input', () => {
  it('turns a mention back into the question the user typed', () => {
    expect(questionFromSlackText('<@UBOT>   What did <@U42> say about AT&amp;T &lt;3 <https://x.example/a|this story>?', 'UBOT')).toBe(
      'What did <@U42> say about AT&T <3 this story?',
    );
  });

  it('reads slash command text into options: free text fills the first string option, name:value sets others', () => {
    const options = [
      { name: 'topic', description: 't', type: 'string' as const, required: true },
      { name: 'days', description: 'd', type: 'integer' as const },
      { name: 'quiet', description: 'q', type: 'boolean' as const },
    ];
    expect(parseSlackCommandText('Huawei chips days:7 quiet:yes', options)).toEqual({ ok: true, options: { topic: 'Huawei chips', days: 7, quiet: true } });
    expect(parseSlackCommandText('topic:"Huawei chips" unknown:1', options)).toEqual({ ok: true, options: { topic: 'Huawei chips' } });
    expect(parseSlackCommandText('x days:soon', options)).toEqual({ ok: false, message: 'Option days needs a whole number, not "soon".' });
    expect(parseSlackCommandText('what is: the news?', [{ name: 'question', description: 'q', type: 'string' }])).toEqual({
      ok: true,
      options: { question: 'what is: the news?' },
    });
  });
});

describe('choosing the Slack connection mode', () => {
  it('uses Socket Mode with an app token, HTTP mode with a signing secret and a port', () => {
    expect(resolveSlackConnection(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 's' }))).toMatchObject({ mode: 'socket' });
    expect(resolveSlackConnection(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_HTTP_PORT: '3000', SLACK_API_URL: 'http://127.0.0.1:9/api' }))).toEqual({
      mode: 'http',
      botToken: 'xoxb-1',
      signingSecret: 's',
      port: 3000,
      apiUrl: 'http://127.0.0.1:9/api/',
    });
  });

  it('names the variables to set when the configuration is incomplete', () => {
    expect(() => resolveSlackConnection(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }))).toThrow(
      'Set SLACK_APP_TOKEN (xapp-…) for Socket Mode, or SLACK_SIGNING_SECRET and SLACK_HTTP_PORT for HTTP mode',
    );
    expect(() => resolveSlackConnection(loadConfig({ SLACK_APP_TOKEN: 'xapp-1' }))).toThrow('Set SLACK_BOT_TOKEN');
  });
});

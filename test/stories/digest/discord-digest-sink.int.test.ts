import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDigestSinks } from '../../../src/channels/commands/digest-sinks.js';
import { loadConfig } from '../../../src/config/load-config.js';
import type { Digest } from '../../../src/stories/digest/digest.js';
import type { SubscriptionRecord } from '../../../src/stories/story-records.js';

/** Discord's channel-messages endpoint on 127.0.0.1, recording what discord.js's REST client posts. */
function channelMessagesServer(posted: { route: string; authorization: string | undefined; body: Record<string, unknown> }[]): Server {
  return createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
    });
    request.on('end', () => {
      posted.push({ route: request.url ?? '', authorization: request.headers.authorization, body: JSON.parse(raw || '{}') as Record<string, unknown> });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: '300000000000000001', channel_id: '100000000000000004', content: '' }));
    });
  });
}

const subscription: SubscriptionRecord = {
  id: 'sub-1',
  platform: 'discord',
  channelId: '100000000000000004',
  targetKind: 'story',
  target: 'story-abc',
  cron: '0 9 * * 1-5',
  timezone: 'UTC',
  createdAt: '2031-03-01T00:00:00.000Z',
  lastDigestAt: null,
  active: true,
};

const digest: Digest = {
  subscriptionId: 'sub-1',
  platform: 'discord',
  channelId: '100000000000000004',
  target: 'story-abc',
  targetKind: 'story',
  since: null,
  until: '2031-03-03T09:00:00.000Z',
  stories: [
    {
      storyId: 'story-abc',
      title: 'Quillon bridge closed',
      newArticleCount: 1,
      newArticles: [{ articleId: 'a', title: 'Cracked span shuts crossing @everyone', source: 'Harbour Herald', url: 'https://herald.example/a', published: null, otherOutlets: [] }],
      claims: [],
      confirmations: [],
      disputes: [],
    },
  ],
};

describe('Discord digest sink', () => {
  let server: Server;
  const posted: { route: string; authorization: string | undefined; body: Record<string, unknown> }[] = [];
  beforeEach(async () => {
    posted.length = 0;
    server = channelMessagesServer(posted);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('posts the digest as an embed to the channel over the REST API, with mentions disabled', async () => {
    const env = loadConfig({ DISCORD_TOKEN: 'bot-token', DISCORD_API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/` });
    const sinks = createDigestSinks(env);
    expect(sinks.slack).toBeUndefined();
    await sinks.discord?.post(subscription, digest);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.route).toBe('/api/v10/channels/100000000000000004/messages');
    expect(posted[0]?.authorization).toBe('Bot bot-token');
    const body = posted[0]?.body as { embeds: { title: string; fields: { name: string; value: string }[] }[]; allowed_mentions: unknown };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds[0]?.title).toBe('Quillon bridge closed');
    expect(body.embeds[0]?.fields[0]?.value).toContain('[Cracked span shuts crossing @\u200beveryone](https://herald.example/a)');
  });
});

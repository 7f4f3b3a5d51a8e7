import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDigestSinks } from '../../src/channels/commands/digest-sinks.js';
import { renderDiscordAnswer } from '../../src/channels/discord/render-discord-answer.js';
import { renderSlackAnswer } from '../../src/channels/slack/render-slack-answer.js';
import { withStoryLinks } from '../../src/app/with-story-links.js';
import type { Storydesk } from '../../src/app/storydesk.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { Answer } from '../../src/core/answer.js';
import type { Digest } from '../../src/stories/digest/digest.js';
import type { SubscriptionRecord } from '../../src/stories/story-records.js';
import { storyPagePath } from '../../src/web/story-urls.js';
import { FakeSlackWebApi } from '../fakes/slack-web-api.js';
import { openTestStorydesk } from '../helpers/open-test-storydesk.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { SHIPPED_CORPUS } from './web-fixture.js';

const PUBLIC_URL = 'https://desk.example.org/storydesk';

describe('"Full timeline" links in chat', () => {
  const temp = makeTempDir();
  let storydesk: Storydesk;
  let answer: Answer;
  let seedStoryId: string;

  beforeAll(async () => {
    storydesk = await openTestStorydesk(temp.path);
    await storydesk.ingest([SHIPPED_CORPUS]);
    const stories = storydesk.stories;
    if (!stories) throw new Error('stories are not loaded');
    seedStoryId = (await stories.list())[0]?.id ?? '';
    const linked = withStoryLinks(storydesk, { storyOf: (id) => stories.storyOf(id), storyUrl: (id) => storyPagePath(PUBLIC_URL, id) });
    answer = await linked.ask('Is ByteDance training an AI model on Huawei chips?');
  });
  afterAll(() => {
    storydesk.close();
    temp.remove();
  });

  it("names the story of the answer's sources with the address of its page", () => {
    expect(answer.stories).toEqual([
      { id: seedStoryId, title: 'TikTok Parent ByteDance To Reportedly Use Huawei Chips To Train AI Model', url: `${PUBLIC_URL}/stories/${seedStoryId}` },
    ]);
  });

  it('adds no stories to an abstention', async () => {
    const stories = storydesk.stories;
    if (!stories) throw new Error('stories are not loaded');
    const linked = withStoryLinks(storydesk, { storyOf: (id) => stories.storyOf(id), storyUrl: (id) => storyPagePath(PUBLIC_URL, id) });
    expect((await linked.ask('What is the capital of France?')).stories).toBeUndefined();
  });

  it('ends a Slack answer with a Full timeline link to the story page', () => {
    const message = renderSlackAnswer(answer);
    const text = JSON.stringify(message.blocks);
    expect(text).toContain(`<${PUBLIC_URL}/stories/${seedStoryId}|Full timeline: TikTok Parent ByteDance To Reportedly Use Huawei Chips To Train AI Model>`);
  });

  it('ends a Discord answer with a Full timeline link, kept when a long answer is trimmed', () => {
    const link = `[Full timeline: TikTok Parent ByteDance To Reportedly Use Huawei Chips To Train AI Model](${PUBLIC_URL}/stories/${seedStoryId})`;
    expect(renderDiscordAnswer(answer).embeds[0]?.description).toContain(link);
    const long: Answer = { ...answer, statements: Array.from({ length: 80 }, (_, index) => ({ text: `Statement ${index} ${'words '.repeat(12)}`, citations: [1], status: 'supported' as const })) };
    const description = renderDiscordAnswer(long).embeds[0]?.description ?? '';
    expect(description).toContain('answer trimmed');
    expect(description).toContain(link);
    expect(description.length).toBeLessThanOrEqual(4096);
  });

  it('shows no link without a public URL', () => {
    const { stories: _stories, ...plain } = answer;
    expect(JSON.stringify(renderSlackAnswer(plain).blocks)).not.toContain('Full timeline');
    expect(renderDiscordAnswer(plain).embeds[0]?.description).not.toContain('Full timeline');
  });
});

describe('"Full timeline" links in digests', () => {
  let slack: FakeSlackWebApi;
  beforeAll(async () => {
    slack = await FakeSlackWebApi.start();
  });
  afterAll(async () => {
    await slack.close();
  });

  const subscription: SubscriptionRecord = {
    id: 'sub-1',
    platform: 'slack',
    channelId: 'C1',
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
    platform: 'slack',
    channelId: 'C1',
    target: 'story-abc',
    targetKind: 'story',
    since: null,
    until: '2031-03-03T09:00:00.000Z',
    stories: [
      {
        storyId: 'story-abc',
        title: 'Quillon bridge closed',
        newArticleCount: 1,
        newArticles: [{ articleId: 'a', title: 'Cracked span shuts crossing', source: 'Harbour Herald', url: 'https://herald.example/a', published: null, otherOutlets: [] }],
        claims: [],
        confirmations: [],
        disputes: [],
      },
    ],
  };

  it('links each story of a Slack digest to its page when STORYDESK_PUBLIC_URL is set', async () => {
    const sinks = createDigestSinks(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: slack.url, STORYDESK_PUBLIC_URL: PUBLIC_URL }));
    await sinks.slack?.post(subscription, digest);
    const posted = JSON.stringify(slack.callsTo('chat.postMessage').at(-1)?.args ?? {});
    expect(posted).toContain(`<${PUBLIC_URL}/stories/story-abc|Full timeline>`);
  });

  it('links nothing without a public URL', async () => {
    const sinks = createDigestSinks(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: slack.url }));
    await sinks.slack?.post(subscription, digest);
    expect(JSON.stringify(slack.callsTo('chat.postMessage').at(-1)?.args ?? {})).not.toContain('Full timeline');
  });

  it('makes the Discord digest embed title a link to the story page', async () => {
    const { renderDiscordDigest } = await import('../../src/channels/discord/discord-digest.js');
    const message = renderDiscordDigest({ ...digest, platform: 'discord' }, { storyUrl: (id) => storyPagePath(PUBLIC_URL, id) });
    expect(message.embeds[0]?.url).toBe(`${PUBLIC_URL}/stories/story-abc`);
    expect(message.embeds[0]?.description).toBe(`📰 [Full timeline](${PUBLIC_URL}/stories/story-abc)`);
  });
});

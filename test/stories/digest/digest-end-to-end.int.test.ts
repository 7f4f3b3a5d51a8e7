import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/app/logger.js';
import type { Storydesk } from '../../../src/app/storydesk.js';
import { createDigestSinks } from '../../../src/channels/commands/digest-sinks.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { createStoryScheduling, type StoryScheduling } from '../../../src/app/story-scheduling.js';
import { FakeFeedServer, rssFeed, type FakeFeedItem } from '../../fakes/feed-server.js';
import { FakeSlackWebApi } from '../../fakes/slack-web-api.js';
import { openTestStorydesk } from '../../helpers/open-test-storydesk.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const html = (text: string): string => text.split('\n\n').map((paragraph) => `<p>${paragraph}</p>`).join('');

/** The claim: a supplier's bolts were faulty. */
const GAZETTE: FakeFeedItem = {
  title: 'Quillon harbour bridge closed after cracks found in main span',
  link: 'https://gazette.example/quillon-bridge',
  published: '2031-03-03T07:00:00Z',
  contentHtml: html(
    'Engineers closed the Quillon harbour bridge on Monday after inspectors found deep cracks in its main steel span, the Quillon Transit Authority said.\n\nAbout 40,000 vehicles cross the bridge each day. Ferries will run every ten minutes while the span is assessed.\n\nThe bridge was last repaired in 2024. Sources told the Gazette that the Ellery Steelworks supplied faulty bolts for that repair.',
  ),
};
/** The denial, from another outlet, arriving later in the same feed. */
const HERALD: FakeFeedItem = {
  title: 'Cracked span shuts Quillon harbour crossing',
  link: 'https://herald.example/quillon-crossing',
  published: '2031-03-03T08:20:00Z',
  contentHtml: html(
    'The Quillon harbour bridge will stay shut for weeks after cracks were discovered in the main span, the Quillon Transit Authority confirmed on Monday.\n\nCommuters queued for extra ferries across the harbour. Officials said the steel span could need a full replacement.\n\nA spokesperson for Ellery Steelworks denied that its bolts were faulty, calling the claim baseless.',
  ),
};

describe('feed to digest, end to end', () => {
  let dir: { path: string; remove: () => void };
  let feeds: FakeFeedServer;
  let slack: FakeSlackWebApi;
  let storydesk: Storydesk;
  let scheduling: StoryScheduling;
  let clock: Date;

  beforeEach(async () => {
    dir = makeTempDir();
    feeds = await FakeFeedServer.start();
    slack = await FakeSlackWebApi.start();
    storydesk = await openTestStorydesk(dir.path);
    const env = loadConfig({
      STORYDESK_DATA_DIR: dir.path,
      FEEDS: feeds.url('/news.xml'),
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: slack.url,
      DIGEST_DEFAULT_CRON: '0 9 * * 1-5',
      DIGEST_DEFAULT_TIMEZONE: 'Europe/London',
    });
    scheduling = createStoryScheduling({ storydesk, env, logger: createLogger('silent'), sinks: createDigestSinks(env), now: () => clock });
  });
  afterEach(async () => {
    scheduling.close();
    await storydesk.close();
    await feeds.close();
    await slack.close();
    dir.remove();
  });

  it('posts the new article and the claim it denies, both cited, in the next digest to Slack', async () => {
    // Monday 3 March 2031, 08:00 in London (GMT): the Gazette's report arrives and the channel tracks its story.
    clock = new Date('2031-03-03T08:00:00Z');
    feeds.set('/news.xml', rssFeed('Quillon Feeds', [GAZETTE]));
    expect((await scheduling.feedPoller?.pollAll())?.added).toBe(1);
    const story = (await storydesk.stories?.list())?.[0];
    expect(story).toBeDefined();
    clock = new Date('2031-03-03T08:05:00Z');
    const tracked = await scheduling.tracking.track({ platform: 'slack', channelId: 'C-NEWSROOM', target: story?.id ?? '' });
    expect(tracked.subscription.targetKind).toBe('story');

    // 08:30: the feed gains the Herald's piece with the steelworks' denial.
    clock = new Date('2031-03-03T08:30:00Z');
    feeds.set('/news.xml', rssFeed('Quillon Feeds', [HERALD, GAZETTE]));
    const poll = await scheduling.feedPoller?.pollAll();
    expect(poll?.feeds[0]).toMatchObject({ added: 1, seen: 1 });

    // 09:00 London: the digest goes out once.
    clock = new Date('2031-03-03T09:00:02Z');
    await scheduling.digests.tick();
    await scheduling.digests.tick();
    const posts = slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    const post = posts[0];
    expect(post?.args.channel).toBe('C-NEWSROOM');
    const blocks = JSON.stringify(post?.args.blocks);
    // The new article with its link, and not the one already reported before tracking began.
    expect(blocks).toContain('https://herald.example/quillon-crossing');
    expect(blocks).toContain('Cracked span shuts Quillon harbour crossing');
    expect(blocks).not.toContain('https://gazette.example/quillon-bridge|Quillon harbour bridge closed');
    // The claim flagged as disputed, with both verbatim quotes and both citations.
    expect(blocks).toContain('Denied (newly disputed)');
    expect(blocks).toContain('Sources told the Gazette that the Ellery Steelworks supplied faulty bolts for that repair.');
    expect(blocks).toContain('A spokesperson for Ellery Steelworks denied that its bolts were faulty');
    expect(blocks).toContain('https://gazette.example/quillon-bridge|Quillon Feeds, 2031-03-03');
    expect(await scheduling.subscriptions.listOutbox('sent')).toHaveLength(1);
  });
});

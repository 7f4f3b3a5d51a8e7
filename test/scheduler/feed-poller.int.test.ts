import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleInput } from '../../src/core/article.js';
import { type ArticleSink, FeedPoller, type FeedPollerOptions } from '../../src/scheduler/feed-poller.js';
import { SqliteFeedState } from '../../src/providers/sqlite-feed-state.js';
import { articlePage, atomFeed, FakeFeedServer, rssFeed } from '../fakes/feed-server.js';

/** Records what the poller ingests, standing in for the article indexer. */
class RecordingSink implements ArticleSink {
  readonly articles = new Map<string, ArticleInput>();
  async offer(input: ArticleInput): Promise<boolean> {
    this.articles.set(input.id, input);
    return true;
  }
  async flush(): Promise<void> {}
  bodies(): string[] {
    return [...this.articles.values()].map((article) => article.body);
  }
}

const PORT_STORY = [
  'Dockworkers at the port of Valmera walked off the job on Monday after talks over automation broke down late on Sunday night.',
  'The union said the new cranes would cut two thousand jobs over five years, while the port authority said no jobs would be lost.',
  'Ships queued outside the harbour by the afternoon, and freight companies warned of delays to grain and fuel deliveries across the region.',
  'The transport minister called both sides to a meeting on Tuesday and said the government would not impose a settlement.',
];
const SENSOR_STORY = [
  'A startup in Lindholm unveiled a soil sensor that it says can cut water use on farms by a third by measuring moisture every minute.',
  'Farmers in a pilot programme reported smaller savings, closer to fifteen percent, according to figures shared with local reporters.',
  'The company plans to sell the sensor from next spring at a price it says is half that of current devices, and to open a factory nearby.',
  'Agricultural researchers said independent trials over a full growing season would be needed before the savings could be confirmed.',
];
const html = (paragraphs: string[]): string => paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('');

describe('FeedPoller', () => {
  let server: FakeFeedServer;
  let state: SqliteFeedState;
  let sink: RecordingSink;
  let clock: Date;

  const poller = (feeds: string[], overrides: Partial<FeedPollerOptions> = {}): FeedPoller =>
    new FeedPoller({ feeds, state, sink, logger: pino({ level: 'silent' }), now: () => clock, limits: { timeoutMs: 500 }, ...overrides });

  beforeEach(async () => {
    server = await FakeFeedServer.start();
    state = SqliteFeedState.open(':memory:');
    sink = new RecordingSink();
    clock = new Date('2026-03-02T08:00:00Z');
  });
  afterEach(async () => {
    state.close();
    await server.close();
  });

  it('ingests RSS and Atom items with their outlet, date and a stable id from the link', async () => {
    server.set('/rss.xml', rssFeed('Harbour Times', [{ title: 'Port strike begins', link: server.url('/port?utm_source=rss'), contentHtml: html(PORT_STORY), published: '2026-03-02T07:00:00Z' }]));
    server.set('/atom.xml', atomFeed('Farm Weekly', [{ title: 'Soil sensor unveiled', link: server.url('/sensor'), contentHtml: html(SENSOR_STORY), published: '2026-03-01T10:00:00Z' }]));
    const report = await poller([server.url('/rss.xml'), server.url('/atom.xml')]).pollAll();
    expect(report.added).toBe(2);
    const articles = [...sink.articles.values()];
    expect(articles.map((article) => [article.source, article.title, article.published])).toEqual([
      ['Harbour Times', 'Port strike begins', '2026-03-02T07:00:00.000Z'],
      ['Farm Weekly', 'Soil sensor unveiled', '2026-03-01T10:00:00.000Z'],
    ]);
    expect(articles[0]?.body).toContain('Dockworkers at the port of Valmera walked off the job');
    expect(articles[0]?.body.split('\n\n')).toHaveLength(4);
    expect(articles[0]?.id).toMatch(/^feed-[0-9a-f]{16}$/);

    // A second store sees the same link (minus tracking tags) and derives the same id.
    const again = new RecordingSink();
    await new FeedPoller({ feeds: [server.url('/rss.xml')], state: SqliteFeedState.open(':memory:'), sink: again, logger: pino({ level: 'silent' }) }).pollAll();
    expect([...again.articles.keys()]).toEqual([articles[0]?.id]);
  });

  it("names each item's own outlet when an aggregator feed gives one", async () => {
    server.set('/news.xml', rssFeed('Aggregator', [
      { title: 'Port strike begins', link: server.url('/port'), contentHtml: html(PORT_STORY), source: 'Harbour Times' },
      { title: 'Soil sensor unveiled', link: server.url('/sensor'), contentHtml: html(SENSOR_STORY) },
    ]));
    await poller([server.url('/news.xml')]).pollAll();
    expect([...sink.articles.values()].map((article) => article.source)).toEqual(['Harbour Times', 'Aggregator']);
  });

  it('fetches the linked page when an item holds only a summary and keeps just the article text', async () => {
    server.set('/article.html', articlePage('Port strike begins', PORT_STORY));
    server.set('/rss.xml', rssFeed('Harbour Times', [{ title: 'Port strike begins', link: server.url('/article.html'), summary: 'Dockworkers walked off the job.' }]));
    await poller([server.url('/rss.xml')]).pollAll();
    const [article] = [...sink.articles.values()];
    expect(server.count('/article.html')).toBe(1);
    expect(article?.body).toContain('The transport minister called both sides to a meeting on Tuesday');
    expect(article?.body).not.toContain('Read next');
    expect(article?.body).not.toContain('Copyright Fake Outlet');
  });

  it('sends the ETag back and ingests nothing when the feed answers 304', async () => {
    server.set('/rss.xml', rssFeed('Harbour Times', [{ title: 'Port strike begins', link: server.url('/port'), contentHtml: html(PORT_STORY) }]));
    const feeds = poller([server.url('/rss.xml')]);
    await feeds.pollAll();
    const second = await feeds.pollAll();
    expect(second.feeds[0]?.status).toBe('not_modified');
    expect(server.notModified).toBe(1);
    expect(sink.articles.size).toBe(1);
  });

  it('does not re-ingest an item the feed lists again, and ingests the one that is new', async () => {
    const port = { title: 'Port strike begins', link: server.url('/port'), contentHtml: html(PORT_STORY) };
    server.set('/rss.xml', rssFeed('Harbour Times', [port]));
    const feeds = poller([server.url('/rss.xml')]);
    await feeds.pollAll();
    server.set('/rss.xml', rssFeed('Harbour Times', [{ title: 'Soil sensor unveiled', link: server.url('/sensor'), contentHtml: html(SENSOR_STORY) }, port]));
    const report = await feeds.pollAll();
    expect(report.feeds[0]).toMatchObject({ status: 'ok', added: 1, seen: 1 });
    expect(sink.articles.size).toBe(2);
  });

  it('merges the same story from two outlets into one article with both outlets', async () => {
    const wireCopy = [...PORT_STORY.slice(0, 3), `${PORT_STORY[3]} Reporting by the wire desk.`];
    server.set('/rss.xml', rssFeed('Harbour Times', [{ title: 'Port strike begins', link: server.url('/port'), contentHtml: html(PORT_STORY) }]));
    server.set('/atom.xml', atomFeed('Coast Wire', [{ title: 'Valmera dockworkers strike', link: server.url('/wire/valmera'), contentHtml: html(wireCopy) }, { title: 'Soil sensor unveiled', link: server.url('/sensor'), contentHtml: html(SENSOR_STORY) }]));
    const report = await poller([server.url('/rss.xml'), server.url('/atom.xml')]).pollAll();
    expect(report).toMatchObject({ added: 2, merged: 1 });
    const portArticle = [...sink.articles.values()].find((article) => article.source === 'Harbour Times');
    expect((await state.outletsByArticle([portArticle?.id ?? ''])).get(portArticle?.id ?? '')).toMatchObject([{ source: 'Coast Wire', url: server.url('/wire/valmera') }]);
  });

  it('logs and skips a 500, a timeout, a redirect loop, a malformed feed and a 50 MB page, and ingests the rest', async () => {
    server.set('/rss.xml', rssFeed('Harbour Times', [
      { title: 'Port strike begins', link: server.url('/port'), contentHtml: html(PORT_STORY) },
      { title: 'Huge page', link: server.url('/huge'), summary: 'A teaser whose page is far too big to read.' },
    ]));
    server.set('/atom.xml', atomFeed('Farm Weekly', [{ title: 'Soil sensor unveiled', link: server.url('/sensor'), contentHtml: html(SENSOR_STORY) }]));
    const feeds = ['/error-500', '/rss.xml', '/hang', '/loop-a', '/malformed.xml', '/atom.xml'].map((path) => server.url(path));
    const report = await poller(feeds, { limits: { timeoutMs: 300, maxBytes: 5 * 1024 * 1024 } }).pollAll();
    expect(report.feeds.map((feed) => feed.status)).toEqual(['failed', 'ok', 'failed', 'failed', 'failed', 'ok']);
    expect(report.feeds[0]?.error).toContain('HTTP 500');
    expect(report.feeds[2]?.error).toContain('did not answer');
    expect(report.feeds[3]?.error).toContain('redirected');
    expect(server.count('/loop-a') + server.count('/loop-b')).toBeLessThanOrEqual(6);
    // The huge page was abandoned near the cap; the item kept its feed summary.
    expect(server.hugeBytesSent).toBeLessThan(20 * 1024 * 1024);
    expect(sink.bodies()).toContain('A teaser whose page is far too big to read.');
    expect(sink.articles.size).toBe(3);
  });

  it('backs off a failing feed exponentially and polls it again once the wait is over', async () => {
    const url = server.url('/error-500');
    const feeds = poller([url], { backoffBaseMs: 60_000 });
    await feeds.pollAll();
    expect(await state.getFeed(url)).toMatchObject({ failures: 1, nextAttemptAt: '2026-03-02T08:01:00.000Z' });
    clock = new Date('2026-03-02T08:00:30Z');
    expect((await feeds.pollAll()).feeds[0]?.status).toBe('backing_off');
    expect(server.count('/error-500')).toBe(1);
    clock = new Date('2026-03-02T08:01:00Z');
    await feeds.pollAll();
    expect(await state.getFeed(url)).toMatchObject({ failures: 2, nextAttemptAt: '2026-03-02T08:03:00.000Z' });
    expect(server.count('/error-500')).toBe(2);
  });
});

import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteFeedState } from '../../src/providers/sqlite-feed-state.js';
import type { FetchFunction } from '../../src/scheduler/bounded-fetch.js';
import { FeedPoller, type FeedPollerOptions } from '../../src/scheduler/feed-poller.js';
import { articlePage, FakeFeedServer, rssFeed } from '../fakes/feed-server.js';

const STORY = [
  'Dockworkers at the port of Valmera walked off the job on Monday after talks over automation broke down late on Sunday night.',
  'The union said the new cranes would cut two thousand jobs over five years, while the port authority said no jobs would be lost.',
  'Ships queued outside the harbour by the afternoon, and freight companies warned of delays to grain and fuel deliveries across the region.',
  'The transport minister called both sides to a meeting on Tuesday and said the government would not impose a settlement.',
];
const at = (time: string) => new Date(`2026-03-02T${time}Z`);

/** A promise and the function that settles it, to hold a request until the test lets it go on. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

// Replicas sharing one feed-state store and one clock (replicas keep time), each with its own lease owner id.
describe('FeedPoller leases across replicas', () => {
  let server: FakeFeedServer;
  let state: SqliteFeedState;
  let clock: Date;

  const replica = (feeds: string[], owner: string, overrides: Partial<FeedPollerOptions> = {}): FeedPoller =>
    new FeedPoller({
      feeds,
      state,
      sink: { offer: async () => true, flush: async () => undefined },
      logger: pino({ level: 'silent' }),
      now: () => clock,
      owner,
      schedule: { pattern: '*/10 * * * * *', timezone: 'UTC' },
      limits: { timeoutMs: 500 },
      ...overrides,
    });

  beforeEach(async () => {
    server = await FakeFeedServer.start();
    state = SqliteFeedState.open(':memory:');
    server.set('/a.xml', rssFeed('Harbour Times', [{ title: 'Port strike begins', link: server.url('/a'), contentHtml: STORY.join(' ') }]));
    server.set('/b.xml', rssFeed('Coast Wire', [{ title: 'Strike enters second day', link: server.url('/b'), contentHtml: STORY.join(' ') }]));
  });
  afterEach(async () => {
    state.close();
    await server.close();
  });

  it.each([
    // The lease is the poll interval, but never shorter than a request's deadline (10 s) plus a margin (5 s).
    { schedule: '*/10 * * * * *', takenOverAt: '08:00:15' },
    { schedule: '* * * * *', takenOverAt: '08:01:00' },
  ])('takes over the feed of a replica killed while polling it after about one interval of $schedule, not 15 minutes', async ({ schedule, takenOverAt }) => {
    const feeds = [server.url('/a.xml')];
    const options = { schedule: { pattern: schedule, timezone: 'UTC' }, limits: { timeoutMs: 10_000 } };
    clock = at('08:00:00');
    const requested = deferred();
    // The killed replica: its request never ends, and it never saves or renews the feed again.
    const hang: FetchFunction = () => {
      requested.resolve();
      return new Promise<Response>(() => undefined);
    };
    void replica(feeds, 'host:1:killed', { ...options, fetch: hang }).pollAll();
    await requested.promise;
    const survivor = replica(feeds, 'host:2:alive', options);
    clock = new Date(Date.parse(`2026-03-02T${takenOverAt}Z`) - 1);
    expect((await survivor.pollAll()).feeds).toEqual([]);
    clock = at(takenOverAt);
    expect((await survivor.pollAll()).feeds.map((feed) => [feed.url, feed.status])).toEqual([[feeds[0], 'ok']]);
    expect(server.count('/a.xml')).toBe(1);
  });

  it('does not let a replica fetch a feed a slow live replica is still fetching, and hands over only what that one has not started', async () => {
    // a.xml has only a summary: its page is fetched too, well after the feed (its items took 12 s to process).
    server.set('/a.xml', rssFeed('Harbour Times', [{ title: 'Port strike begins', link: server.url('/a.html'), summary: 'Dockworkers walked off the job.' }]));
    server.set('/a.html', articlePage('Port strike begins', STORY));
    const feeds = [server.url('/a.xml'), server.url('/b.xml')];
    const pageRequested = deferred();
    const pageMayAnswer = deferred();
    const slowFetch: FetchFunction = async (url, init) => {
      if (url.endsWith('/a.html')) {
        pageRequested.resolve();
        await pageMayAnswer.promise;
      }
      const response = await fetch(url, init);
      if (url.endsWith('/a.xml')) clock = at('08:00:12');
      return response;
    };
    clock = at('08:00:00');
    // The slow replica claims both feeds at 08:00:00, for one 10-second interval.
    const slowPoll = replica(feeds, 'host:1:slow', { fetch: slowFetch, claimBatch: 2 }).pollAll();
    await pageRequested.promise;
    // At 08:00:12 both claims have run out, but the slow one renewed a.xml's before requesting its page.
    const other = await replica(feeds, 'host:2:other').pollAll();
    expect(other.feeds.map((feed) => [feed.url, feed.status])).toEqual([[feeds[1], 'ok']]);
    pageMayAnswer.resolve();
    const slow = await slowPoll;
    expect(slow.feeds.map((feed) => [feed.url, feed.status])).toEqual([
      [feeds[0], 'ok'],
      [feeds[1], 'taken_over'],
    ]);
    expect([server.count('/a.xml'), server.count('/a.html'), server.count('/b.xml')]).toEqual([1, 1, 1]);
  });
});

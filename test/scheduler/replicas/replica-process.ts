/**
 * One replica of the scheduling part of `npm start`, as a real process over a shared PostgreSQL database: the
 * real FeedPoller or DigestScheduler and the real PostgreSQL stores, with a recording article sink and a digest
 * channel that posts to the test's HTTP server. Run by the replica tests (tsx); prints one line per event on
 * stdout ("ready", "tick N", "building WINDOW") so the tests wait on what it did, not on time.
 *
 * Environment: REPLICA_MODE (feeds | digests), DATABASE_URL, REPLICA_OWNER; feeds: FEED_URLS (comma-separated),
 * POLL_CRON; digests: CHANNEL_URL, LEASE_MS, TICK_MS, HANG_BUILD=1 (the build never finishes: a replica to kill).
 */
import { pino } from 'pino';
import type { SubscriptionRecord } from '../../../src/core/story.js';
import { postgresStorageBackend } from '../../../src/providers/postgres/postgres-storage-backend.js';
import { DigestScheduler } from '../../../src/scheduler/digest-scheduler.js';
import { FeedPoller } from '../../../src/scheduler/feed-poller.js';
import type { Digest } from '../../../src/stories/digest/digest.js';

const environment = process.env;
const owner = environment.REPLICA_OWNER ?? 'replica';
const logger = pino({ level: 'silent' });
const storage = await postgresStorageBackend({ url: environment.DATABASE_URL ?? '', poolSize: 2 }).open({ dataDir: '/nonexistent', logger, command: owner });
const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (environment.REPLICA_MODE === 'feeds') {
  const feeds = (environment.FEED_URLS ?? '').split(',');
  // The poller's clock, as last read: a poll reads it just before fetching a feed.
  let polledAt = new Date();
  const poller = new FeedPoller({
    feeds,
    state: storage.feeds,
    sink: { offer: async () => true, flush: async () => undefined },
    logger,
    owner,
    schedule: { pattern: environment.POLL_CRON ?? '* * * * *', timezone: 'UTC' },
    now: () => {
      polledAt = new Date();
      return polledAt;
    },
    // Tells the feed server who fetched, and when by the poller's clock (which decides the poll interval).
    fetch: (url, init) => fetch(url, { ...init, headers: { ...init?.headers, 'x-poller': owner, 'x-polled-at': String(polledAt.getTime()) } }),
  });
  say('ready');
  // Poll again and again, one poll at a time, not only on schedule: a feed not yet due must never be fetched early.
  for (let tick = 1; ; tick += 1) {
    await poller.pollAll();
    say(`tick ${tick}`);
    await pause(50);
  }
} else {
  const channelUrl = environment.CHANNEL_URL ?? '';
  const hang = environment.HANG_BUILD === '1';
  const scheduler = new DigestScheduler({
    subscriptions: storage.subscriptions,
    source: {
      async build(subscription: SubscriptionRecord, since: string | null, until: string): Promise<Digest> {
        say(`building ${until}`);
        if (hang) await new Promise(() => undefined);
        const article = { articleId: 'a1', title: 'Strike begins', source: 'Harbour Times', url: null, published: null, otherOutlets: [] };
        const story = { storyId: 'story-1', title: 'Port strike', newArticleCount: 1, newArticles: [article], claims: [], disputes: [], confirmations: [] };
        const { id, platform, channelId, target, targetKind } = subscription;
        return { subscriptionId: id, platform, channelId, target, targetKind, since, until, stories: [story] };
      },
    },
    sinks: {
      webhook: {
        async post(_subscription, digest) {
          const response = await fetch(channelUrl, { method: 'POST', body: JSON.stringify({ owner, until: digest.until }) });
          if (!response.ok) throw new Error(`channel answered ${response.status}`);
        },
      },
    },
    logger,
    owner,
    leaseMs: Number(environment.LEASE_MS ?? 300_000),
  });
  say('ready');
  for (let tick = 1; ; tick += 1) {
    await scheduler.tick();
    say(`tick ${tick}`);
    await pause(Number(environment.TICK_MS ?? 100));
  }
}

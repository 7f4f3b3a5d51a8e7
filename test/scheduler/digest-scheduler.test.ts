import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openStoryDatabase } from '../../src/providers/sqlite-story-store.js';
import { SqliteSubscriptionStore } from '../../src/providers/sqlite-subscription-store.js';
import { DigestScheduler, type DigestSchedulerOptions, type DigestSource } from '../../src/scheduler/digest-scheduler.js';
import type { Digest } from '../../src/stories/digest/digest.js';
import type { DigestSink } from '../../src/stories/digest/digest-sink.js';
import type { SubscriptionRecord } from '../../src/core/story.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/** Builds digests with or without news, recording the windows it was asked for. */
class FakeDigestSource implements DigestSource {
  hasNews = true;
  readonly windows: { since: string | null; until: string }[] = [];
  async build(subscription: SubscriptionRecord, since: string | null, until: string): Promise<Digest> {
    this.windows.push({ since, until });
    const stories = this.hasNews
      ? [{ storyId: 'story-1', title: 'Port strike', newArticleCount: 1, newArticles: [{ articleId: 'a1', title: 'Strike begins', source: 'Harbour Times', url: null, published: null, otherOutlets: [] }], claims: [], disputes: [], confirmations: [] }]
      : [];
    return { subscriptionId: subscription.id, platform: subscription.platform, channelId: subscription.channelId, target: subscription.target, targetKind: subscription.targetKind, since, until, stories };
  }
}

/** Records posted digests; can be told to fail as a dead connection or crashed process would. */
class RecordingSink implements DigestSink {
  readonly posted: Digest[] = [];
  failing = false;
  async post(_subscription: SubscriptionRecord, digest: Digest): Promise<void> {
    if (this.failing) throw new Error('connection reset');
    this.posted.push(digest);
  }
}

const subscription = (overrides: Partial<SubscriptionRecord> = {}): SubscriptionRecord => ({
  id: 'sub-1',
  platform: 'slack',
  channelId: 'C1',
  targetKind: 'query',
  target: 'port strike',
  // Weekdays at 09:00 in New York: 14:00 UTC until DST starts on 8 March 2026.
  cron: '0 9 * * 1-5',
  timezone: 'America/New_York',
  createdAt: '2026-03-02T12:00:00.000Z',
  lastDigestAt: null,
  active: true,
  ...overrides,
});

describe('DigestScheduler', () => {
  let dir: { path: string; remove: () => void };
  let database: Database.Database;
  let store: SqliteSubscriptionStore;
  let source: FakeDigestSource;
  let sink: RecordingSink;
  let clock: Date;
  const scheduler = (overrides: Partial<DigestSchedulerOptions> = {}): DigestScheduler =>
    new DigestScheduler({ subscriptions: store, source, sinks: { slack: sink }, logger: pino({ level: 'silent' }), now: () => clock, ...overrides });

  beforeEach(() => {
    dir = makeTempDir();
    database = openStoryDatabase(join(dir.path, 'storydesk.sqlite'));
    store = new SqliteSubscriptionStore(database);
    source = new FakeDigestSource();
    sink = new RecordingSink();
  });
  afterEach(() => {
    database.close();
    dir.remove();
  });

  it('posts at 09:00 in the subscription timezone, once per window', async () => {
    await store.saveSubscription(subscription());
    const digests = scheduler();
    clock = new Date('2026-03-02T13:59:00Z');
    expect((await digests.tick()).posted).toEqual([]);
    clock = new Date('2026-03-02T14:00:05Z');
    expect((await digests.tick()).posted).toEqual(['sub-1']);
    await digests.tick();
    expect(sink.posted.map((digest) => [digest.since, digest.until])).toEqual([['2026-03-02T12:00:00.000Z', '2026-03-02T14:00:00.000Z']]);
    // After DST the same local 09:00 is 13:00 UTC; Saturday and Sunday have no digest.
    clock = new Date('2026-03-09T13:00:10Z');
    await digests.tick();
    expect(sink.posted.at(-1)?.until).toBe('2026-03-09T13:00:00.000Z');
  });

  it('posts nothing when nothing is new, unless configured to', async () => {
    await store.saveSubscription(subscription());
    source.hasNews = false;
    clock = new Date('2026-03-02T14:00:05Z');
    expect((await scheduler().tick()).empty).toEqual(['sub-1']);
    expect(sink.posted).toEqual([]);
    expect((await store.getSubscription('sub-1'))?.lastDigestAt).toBe('2026-03-02T14:00:00.000Z');

    await store.saveSubscription(subscription({ id: 'sub-2', channelId: 'C2' }));
    await scheduler({ postEmpty: true }).tick();
    expect(sink.posted.map((digest) => digest.channelId)).toEqual(['C2']);
  });

  it('sends a digest recorded before a crash exactly once after the restart, from the recorded payload', async () => {
    await store.saveSubscription(subscription());
    clock = new Date('2026-03-02T14:00:05Z');
    sink.failing = true;
    await scheduler().tick();
    expect(await store.listOutbox('pending')).toHaveLength(1);
    database.close();

    // Restart: a new connection and scheduler over the same file.
    database = openStoryDatabase(join(dir.path, 'storydesk.sqlite'));
    store = new SqliteSubscriptionStore(database);
    sink.failing = false;
    clock = new Date('2026-03-02T14:07:00Z');
    const restarted = scheduler();
    await restarted.start();
    restarted.stop();
    await restarted.tick();
    expect(sink.posted).toHaveLength(1);
    expect(source.windows).toHaveLength(1);
    expect((await store.listOutbox('sent')).map((row) => row.windowKey)).toEqual(['2026-03-02T14:00:00.000Z']);
    expect((await store.getSubscription('sub-1'))?.lastDigestAt).toBe('2026-03-02T14:00:00.000Z');
  });

  it('posts windows missed while down as one digest on start-up, never twice', async () => {
    await store.saveSubscription(subscription({ lastDigestAt: '2026-03-02T14:00:00.000Z' }));
    clock = new Date('2026-03-04T17:00:00Z');
    const digests = scheduler();
    const report = await digests.start();
    digests.stop();
    await digests.tick();
    expect(report.posted).toEqual(['sub-1']);
    expect(sink.posted.map((digest) => [digest.since, digest.until])).toEqual([['2026-03-02T14:00:00.000Z', '2026-03-04T14:00:00.000Z']]);
  });

  it('skips missed windows when configured to, and says so', async () => {
    await store.saveSubscription(subscription({ lastDigestAt: '2026-03-02T14:00:00.000Z' }));
    clock = new Date('2026-03-04T17:00:00Z');
    const digests = scheduler({ missedWindow: 'skip' });
    const report = await digests.start();
    digests.stop();
    expect(report.skippedMissed).toEqual(['sub-1']);
    expect(sink.posted).toEqual([]);
    expect((await store.getSubscription('sub-1'))?.lastDigestAt).toBe('2026-03-04T14:00:00.000Z');
    // The next regular window is posted as usual, covering only what came after the skipped ones.
    clock = new Date('2026-03-05T14:00:01Z');
    await digests.tick();
    expect(sink.posted.map((digest) => digest.since)).toEqual(['2026-03-04T14:00:00.000Z']);
  });
});

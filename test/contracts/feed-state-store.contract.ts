import { afterEach, describe, expect, it } from 'vitest';
import type { FeedState } from '../../src/core/feed-state-store.js';
import { freshStorage, type StorageFactory } from './storage-factory.js';

/** Behaviour every `FeedStateStore` shares. */
export function describeFeedStateStoreContract(factory: StorageFactory): void {
  describe(`${factory.name}: FeedStateStore contract`, () => {
    const storages = freshStorage(factory);
    afterEach(() => storages.closeAll());

    it('starts a feed fresh and keeps its validators and backoff across a reopen', async () => {
      const first = await storages.open();
      const url = 'https://feeds.invalid/news.xml';
      expect(await first.feeds.getFeed(url)).toEqual({ url, etag: null, lastModified: null, failures: 0, nextAttemptAt: null, lastError: null, lastPolledAt: null });
      const state = { url, etag: '"v1"', lastModified: 'Mon, 03 Mar 2031 08:00:00 GMT', failures: 2, nextAttemptAt: '2031-03-03T09:00:00.000Z', lastError: 'HTTP 500', lastPolledAt: '2031-03-03T08:00:00.000Z' };
      await first.feeds.saveFeed(state);
      await first.close();
      const { feeds } = await storages.reopen();
      expect(await feeds.getFeed(url)).toEqual(state);
      await feeds.saveFeed({ ...state, failures: 0, nextAttemptAt: null, lastError: null });
      expect((await feeds.getFeed(url)).failures).toBe(0);
    });

    it('leases due feeds to one poller at a time, not again before the next interval, and releases them on save', async () => {
      const first = await storages.open();
      const { feeds } = first;
      const urls = ['https://feeds.invalid/a.xml', 'https://feeds.invalid/b.xml', 'https://feeds.invalid/c.xml'];
      const at = (time: string) => new Date(`2031-03-03T${time}Z`);
      const release = (owner: string, nextPollAt = at('09:00:00')) => ({ owner, nextPollAt });
      const claim = (owner: string, now: Date, limit = 10) => feeds.claimDueFeeds({ urls, owner, now, leaseMs: 60_000, nextPollAt: at('09:00:00'), limit });
      const mine = await claim('host:1:a', at('08:00:00'), 2);
      expect(mine.map((feed) => feed.url)).toEqual(urls.slice(0, 2));
      expect(mine[0]).toEqual(await feeds.getFeed(urls[0] ?? ''));
      // Another poller gets only what is left; nothing is due again before 09:00, whoever asks.
      expect((await claim('host:2:b', at('08:00:01'))).map((feed) => feed.url)).toEqual([urls[2]]);
      await feeds.saveFeed({ ...(mine[0] as FeedState), etag: '"v2"', lastPolledAt: '2031-03-03T08:00:00.000Z' }, release('host:1:a'));
      expect(await claim('host:2:b', at('08:59:59.999'))).toEqual([]);
      // A save by an owner whose lease has passed to another stores nothing.
      expect((await claim('host:2:b', at('09:00:00'))).map((feed) => feed.url)).toEqual(urls);
      await feeds.saveFeed({ ...(mine[1] as FeedState), etag: '"stale"' }, release('host:1:a'));
      expect((await feeds.getFeed(urls[1] ?? '')).etag).toBeNull();
      // A lease still held blocks the feed even once due; an expired one does not.
      const later = (now: Date) => feeds.claimDueFeeds({ urls, owner: 'host:3:c', now, leaseMs: 60_000, nextPollAt: at('11:00:00'), limit: 10 });
      await feeds.saveFeed({ ...(mine[0] as FeedState), etag: '"v3"' }, release('host:2:b'));
      expect((await later(at('09:00:30'))).map((feed) => feed.url)).toEqual([urls[0]]);
      expect((await later(at('09:01:00'))).map((feed) => feed.url)).toEqual(urls.slice(1));
      expect((await feeds.getFeed(urls[0] ?? '')).etag).toBe('"v3"');
      // Fetched only in a later interval than it was claimed in: not due again before the interval after that one.
      await feeds.saveFeed(await feeds.getFeed(urls[1] ?? ''), release('host:3:c', at('12:00:00')));
      expect((await later(at('11:30:00'))).map((feed) => feed.url)).toEqual([urls[0], urls[2]]);
    });

    it('renews a lease only for its holder, keeping the feed from others until the renewed lease ends', async () => {
      const { feeds } = await storages.open();
      const urls = ['https://feeds.invalid/a.xml'];
      const url = urls[0] ?? '';
      const at = (time: string) => new Date(`2031-03-03T${time}Z`);
      const claim = (owner: string, now: Date) => feeds.claimDueFeeds({ urls, owner, now, leaseMs: 10_000, nextPollAt: at('08:00:10'), limit: 10 });
      const renew = (owner: string, now: Date, nextPollAt: Date) => feeds.renewFeedLease({ url, owner, now, leaseMs: 10_000, nextPollAt });
      expect(await claim('host:1:a', at('08:00:00'))).toHaveLength(1);
      // Renewed at 08:00:08 (still in the claimed interval): held until 08:00:18, though due again from 08:00:10.
      expect(await renew('host:1:a', at('08:00:08'), at('08:00:10'))).toBe(true);
      expect(await claim('host:2:b', at('08:00:17.999'))).toEqual([]);
      // Renewed once more at 08:00:18, past the lease nobody took over: fetched in the next interval, so not due before the one after.
      expect(await renew('host:1:a', at('08:00:18'), at('08:00:20'))).toBe(true);
      expect(await claim('host:2:b', at('08:00:27.999'))).toEqual([]);
      expect((await claim('host:2:b', at('08:00:28'))).map((feed) => feed.url)).toEqual(urls);
      // Taken over: the first holder can no longer renew it, nor release it, and the new holder still can.
      expect(await renew('host:1:a', at('08:00:29'), at('08:00:30'))).toBe(false);
      expect(await renew('host:2:b', at('08:00:29'), at('08:00:30'))).toBe(true);
      await feeds.saveFeed(await feeds.getFeed(url), { owner: 'host:2:b', nextPollAt: at('08:00:30') });
      expect(await renew('host:2:b', at('08:00:31'), at('08:00:40'))).toBe(false);
      expect(await claim('host:3:c', at('08:00:30'))).toHaveLength(1);
    });

    it('remembers items once, and the newest fingerprints first', async () => {
      const { feeds } = await storages.open();
      expect(await feeds.itemArticleId('guid-1')).toBeNull();
      await feeds.rememberItem('guid-1', 'https://feeds.invalid/a.xml', 'article-1', '2031-03-03T08:00:00.000Z');
      await feeds.rememberItem('guid-1', 'https://feeds.invalid/a.xml', 'article-other', '2031-03-03T09:00:00.000Z');
      expect(await feeds.itemArticleId('guid-1')).toBe('article-1');
      await feeds.saveFingerprint('article-1', new Set(['3fa0c1', '9b2e77']), '2031-03-03T08:00:00.000Z');
      await feeds.saveFingerprint('article-2', new Set(['51d0aa']), '2031-03-04T08:00:00.000Z');
      await feeds.saveFingerprint('article-3', new Set(['e0e0e0']), '2031-03-02T08:00:00.000Z');
      const recent = await feeds.recentFingerprints(2);
      expect(recent.map((entry) => entry.articleId)).toEqual(['article-2', 'article-1']);
      expect(recent[1]?.shingles).toEqual(new Set(['3fa0c1', '9b2e77']));
    });

    it('records the other outlets of merged articles once per URL, in the order seen', async () => {
      const { feeds } = await storages.open();
      await feeds.addOutlet({ articleId: 'a', source: 'Coast Wire', url: 'https://wire.invalid/a', seenAt: '2031-03-03T09:00:00.000Z' });
      await feeds.addOutlet({ articleId: 'a', source: null, url: 'https://blog.invalid/a', seenAt: '2031-03-03T08:00:00.000Z' });
      await feeds.addOutlet({ articleId: 'a', source: 'Coast Wire', url: 'https://wire.invalid/a', seenAt: '2031-03-03T10:00:00.000Z' });
      const outlets = await feeds.outletsByArticle(['a', 'b', 'a']);
      expect([...outlets.keys()]).toEqual(['a']);
      expect(outlets.get('a')).toEqual([
        { articleId: 'a', source: null, url: 'https://blog.invalid/a', seenAt: '2031-03-03T08:00:00.000Z' },
        { articleId: 'a', source: 'Coast Wire', url: 'https://wire.invalid/a', seenAt: '2031-03-03T09:00:00.000Z' },
      ]);
    });
  });
}

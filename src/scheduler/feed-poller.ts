import { Cron } from 'croner';
import type { Logger } from '../app/logger.js';
import type { ArticleInput } from '../core/article.js';
import { type FetchFunction, type FetchLimits, FetchFailure, boundedFetch, fetchDeadlineMs } from './bounded-fetch.js';
import { feedArticleId } from './canonical-link.js';
import { type FeedItem, parseFeed } from './feed-items.js';
import { extractPageText } from './page-text.js';
import { shingleOverlap, shingleSet } from './shingles.js';
import type { FeedState, FeedStateStore } from '../core/feed-state-store.js';
import { feedLeaseMs } from './feed-lease.js';
import { leaseOwnerId } from './lease-owner.js';
import { type PollSchedule, nextPollRun, pollIntervalMs } from './poll-schedule.js';

/** Where new articles go: the `ArticleIndexer` in the app, a recording fake in tests. */
export interface ArticleSink {
  /** Queues an article; false when it was unchanged or unusable. */
  offer(input: ArticleInput): Promise<boolean>;
  /** Stores everything queued. */
  flush(): Promise<void>;
}

export interface FeedPollerOptions {
  /** RSS/Atom URLs. */
  feeds: string[];
  state: FeedStateStore;
  sink: ArticleSink;
  logger: Logger;
  /** @default globalThis.fetch */
  fetch?: FetchFunction;
  /** @default () => new Date() */
  now?: () => Date;
  /** Timeout, size cap and redirect limit of every request. */
  limits?: FetchLimits;
  /** Items with less text than this hold only a summary: the linked page is fetched. @default 600 */
  minBodyChars?: number;
  /** Share of body shingles above which two items are one article from several outlets. @default 0.85 */
  nearDuplicateOverlap?: number;
  /** First wait after a failed poll; doubles per consecutive failure. @default 300000 (5 min) */
  backoffBaseMs?: number;
  /** Longest wait between attempts at a failing feed. @default 21600000 (6 h) */
  backoffMaxMs?: number;
  /** Recent articles compared for near-duplicates. @default 2000 */
  fingerprintWindow?: number;
  /** Who this poller is to the other replicas polling the same feeds. @default leaseOwnerId() (host:pid:random) */
  owner?: string;
  /**
   * The longest a claimed feed stays this poller's if it never saves or renews it (a crash). The lease is the poll
   * interval (so a dead poller's feeds are taken over about one interval later), at most this, and at least one
   * request's deadline plus a margin (src/scheduler/feed-lease.ts). @default 900000 (15 min)
   */
  maxLeaseMs?: number;
  /** Feeds claimed at a time: replicas polling together share the feeds in batches of this size. @default 5 */
  claimBatch?: number;
  /**
   * The poll schedule (cron pattern, timezone): a feed polled in one of its intervals is not due again before the
   * next. Set by `start`; without one, a feed is due again as soon as it is polled (a poll run by hand).
   */
  schedule?: PollSchedule;
}

/** What happened to one feed in one poll. */
export interface FeedPollResult {
  url: string;
  /** `taken_over`: its lease passed to another replica before a request (its holder was too slow); that one polls it. */
  status: 'ok' | 'not_modified' | 'backing_off' | 'failed' | 'taken_over';
  added: number;
  /** Items merged into an existing article as another outlet. */
  merged: number;
  /** Items already ingested (re-listed). */
  seen: number;
  error?: string;
}

/** What one poll of every feed did. */
export interface PollReport {
  feeds: FeedPollResult[];
  added: number;
  merged: number;
}

/** The lease on a feed passed to another replica while this one was still polling it. */
class FeedLeaseLost extends Error {
  constructor(url: string) {
    super(`the lease on ${url} passed to another replica`);
    this.name = 'FeedLeaseLost';
  }
}

const USER_AGENT = 'storydesk-feed-poller/0.1 (+https://example.invalid/storydesk)';

/**
 * Polls RSS/Atom feeds and ingests their new items. Each feed is fetched with its ETag/Last-Modified
 * validators and backs off exponentially after failures; one failing feed or page never stops the others.
 * Items are deduplicated by canonical link/guid, and near-duplicate bodies from several outlets are merged
 * into the first article, with the others recorded in `article_outlets`.
 */
export class FeedPoller {
  #inFlight: Promise<void> = Promise.resolve();
  readonly #options: FeedPollerOptions;
  readonly #owner: string;
  #cron: Cron | null = null;
  /** The poll schedule: a feed polled in one of its intervals is not due again before the next. */
  #schedule: PollSchedule | null;

  constructor(options: FeedPollerOptions) {
    this.#options = options;
    this.#owner = options.owner ?? leaseOwnerId();
    this.#schedule = options.schedule ?? null;
  }

  /**
   * Polls every due feed once, one after another (the machine is shared), claiming them a batch at a time so
   * that replicas polling the same database share the feeds and never fetch one twice in a poll interval.
   * `scheduledAt` is the run time of the schedule that triggered the poll (a timer may fire a little early).
   */
  async pollAll(scheduledAt?: Date | null): Promise<PollReport> {
    const fingerprints = await this.#options.state.recentFingerprints(this.#options.fingerprintWindow ?? 2000);
    const results: FeedPollResult[] = [];
    const left = new Set(this.#options.feeds);
    while (left.size > 0) {
      const now = this.#now();
      const claimedAt = scheduledAt && scheduledAt.getTime() > now.getTime() ? scheduledAt : now;
      const claimed = await this.#options.state.claimDueFeeds({
        urls: [...left],
        owner: this.#owner,
        now: claimedAt,
        leaseMs: this.#leaseMs(claimedAt),
        nextPollAt: this.#nextPollAt(claimedAt),
        limit: this.#options.claimBatch ?? 5,
      });
      if (claimed.length === 0) break;
      for (const feed of claimed) {
        left.delete(feed.url);
        results.push(await this.#pollFeed(feed, fingerprints));
      }
    }
    // Reported in the configured order, whatever order the claims came in.
    const order = new Map(this.#options.feeds.map((url, index) => [url, index]));
    results.sort((left, right) => (order.get(left.url) ?? 0) - (order.get(right.url) ?? 0));
    return {
      feeds: results,
      added: results.reduce((sum, result) => sum + result.added, 0),
      merged: results.reduce((sum, result) => sum + result.merged, 0),
    };
  }

  /** Polls on a cron schedule; a poll still running when the next is due is skipped (overlap protection). */
  start(pattern: string, timezone?: string): void {
    this.stop();
    this.#schedule = { pattern, ...(timezone ? { timezone } : {}) };
    this.#cron = new Cron(pattern, { protect: true, ...(timezone ? { timezone } : {}) }, async (cron: Cron) => {
      const poll = this.pollAll(cron.currentRun());
      this.#inFlight = poll.then(
        () => undefined,
        () => undefined,
      );
      try {
        const report = await poll;
        this.#options.logger.info({ added: report.added, merged: report.merged }, 'Feeds polled');
      } catch (error) {
        this.#options.logger.error({ err: error }, 'Feed poll failed');
      }
    });
  }

  /** Starts a poll now through the schedule, so it cannot overlap a scheduled one; no-op when not started. */
  triggerNow(): void {
    void this.#cron?.trigger();
  }

  /** Stops the schedule (a poll in progress finishes). */
  stop(): void {
    this.#cron?.stop();
    this.#cron = null;
  }

  /** Resolves once a scheduled poll in progress has finished, so its database can be closed after it. */
  settled(): Promise<void> {
    return this.#inFlight;
  }

  /**
   * When a feed claimed at `claimedAt` is next due: the start of the next interval of the schedule, exactly (not
   * a moment before: a feed fetched in one interval must not be claimable by any replica in that same interval).
   * Without a schedule (a poll run by hand) the feed is due again at once, for the next poll.
   */
  #nextPollAt(claimedAt: Date): Date {
    return this.#schedule === null ? claimedAt : nextPollRun(this.#schedule, claimedAt);
  }

  /** How long a lease taken or renewed at `at` lasts: about one poll interval, and past one request's deadline. */
  #leaseMs(at: Date): number {
    return feedLeaseMs({
      intervalMs: this.#schedule === null ? null : pollIntervalMs(this.#schedule, at),
      fetchDeadlineMs: fetchDeadlineMs(this.#options.limits),
      longestMs: this.#options.maxLeaseMs ?? 900_000,
    });
  }

  /**
   * Renews this poller's lease on a feed just before a request for it, so that the request ends (or is aborted at
   * its deadline) before the lease can run out and another replica take the feed over; throws `FeedLeaseLost`
   * when the lease has already passed to another, which then polls the feed.
   */
  async #holdLease(url: string): Promise<void> {
    const now = this.#now();
    const held = await this.#options.state.renewFeedLease({ url, owner: this.#owner, now, leaseMs: this.#leaseMs(now), nextPollAt: this.#nextPollAt(now) });
    if (!held) throw new FeedLeaseLost(url);
  }

  /** Polls one claimed feed; every way out saves its state with this poller's lease, which releases it. */
  async #pollFeed(feed: FeedState, fingerprints: { articleId: string; shingles: Set<string> }[]): Promise<FeedPollResult> {
    const { state, logger } = this.#options;
    const url = feed.url;
    const now = this.#now();
    // Due again in the interval after the one it is fetched in, which is later than claimed if a batch ran late.
    const release = { owner: this.#owner, nextPollAt: this.#nextPollAt(now) };
    const result: FeedPollResult = { url, status: 'ok', added: 0, merged: 0, seen: 0 };
    if (feed.nextAttemptAt !== null && Date.parse(feed.nextAttemptAt) > now.getTime()) {
      await state.saveFeed(feed, release);
      return { ...result, status: 'backing_off' };
    }
    try {
      const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5' };
      if (feed.etag) headers['if-none-match'] = feed.etag;
      if (feed.lastModified) headers['if-modified-since'] = feed.lastModified;
      await this.#holdLease(url);
      const response = await boundedFetch(this.#fetch(), url, headers, this.#options.limits);
      if (!('body' in response)) {
        await state.saveFeed({ ...feed, failures: 0, nextAttemptAt: null, lastError: null, lastPolledAt: now.toISOString() }, release);
        return { ...result, status: 'not_modified' };
      }
      const parsed = await parseFeed(response.body);
      const outlet = parsed.title ?? new URL(url).hostname;
      await this.#ingestItems(url, outlet, parsed.items, fingerprints, result);
      // Validators are stored only after the items are, so a crash mid-poll re-fetches the feed next time.
      await state.saveFeed(
        {
          ...feed,
          etag: response.etag,
          lastModified: response.lastModified,
          failures: 0,
          nextAttemptAt: null,
          lastError: null,
          lastPolledAt: now.toISOString(),
        },
        release,
      );
      return result;
    } catch (error) {
      if (error instanceof FeedLeaseLost) {
        // Not saved: the replica that took the feed over owns its state now.
        logger.info({ feed: url }, 'Feed taken over by another replica');
        return { ...result, status: 'taken_over' };
      }
      const message = error instanceof Error ? error.message : String(error);
      const failed = this.#backoff(feed, now, message);
      await state.saveFeed(failed, release);
      logger.warn({ feed: url, error: message, retryAt: failed.nextAttemptAt }, 'Feed skipped');
      return { ...result, status: 'failed', error: message };
    }
  }

  async #ingestItems(
    feedUrl: string,
    outlet: string,
    items: FeedItem[],
    fingerprints: { articleId: string; shingles: Set<string> }[],
    result: FeedPollResult,
  ): Promise<void> {
    const { state, sink } = this.#options;
    const seenAt = this.#now().toISOString();
    const threshold = this.#options.nearDuplicateOverlap ?? 0.85;
    const accepted: { key: string; articleId: string; shingles: Set<string> }[] = [];
    for (const item of items) {
      const knownId = (await state.itemArticleId(item.key)) ?? accepted.find((entry) => entry.key === item.key)?.articleId;
      if (knownId !== undefined && knownId !== null) {
        result.seen += 1;
        continue;
      }
      const input = await this.#articleInput(feedUrl, outlet, item);
      if (input === null) continue;
      const shingles = shingleSet(input.body);
      const twin = [...accepted, ...fingerprints].find((entry) => shingleOverlap(shingles, entry.shingles) > threshold);
      if (twin) {
        // The same story from another outlet: one article, one more outlet.
        await state.rememberItem(item.key, feedUrl, twin.articleId, seenAt);
        await state.addOutlet({ articleId: twin.articleId, source: input.source, url: input.url ?? item.key, seenAt });
        result.merged += 1;
        continue;
      }
      if (await sink.offer(input)) result.added += 1;
      accepted.push({ key: item.key, articleId: input.id, shingles });
    }
    await sink.flush();
    // Remembered only once stored: a crash before this point re-ingests (idempotently, by id) next time.
    for (const entry of accepted) {
      await state.rememberItem(entry.key, feedUrl, entry.articleId, seenAt);
      await state.saveFingerprint(entry.articleId, entry.shingles, seenAt);
      fingerprints.unshift({ articleId: entry.articleId, shingles: entry.shingles });
    }
  }

  /** The article for an item, fetching the linked page when the feed holds only a summary. */
  async #articleInput(feedUrl: string, outlet: string, item: FeedItem): Promise<ArticleInput | null> {
    let body = item.text;
    let title = item.title;
    let published = item.published;
    let author = item.author;
    if (body.length < (this.#options.minBodyChars ?? 600) && item.link) {
      // Outside the try: a lost lease stops the whole feed, not just this page.
      await this.#holdLease(feedUrl);
      try {
        const page = await boundedFetch(this.#fetch(), item.link, { 'user-agent': USER_AGENT, accept: 'text/html' }, this.#options.limits);
        const extracted = 'body' in page ? extractPageText(page.body, page.url) : null;
        if (extracted && extracted.text.length > body.length) {
          body = extracted.text;
          title ??= extracted.title;
          published ??= extracted.published;
          author ??= extracted.byline;
        }
      } catch (error) {
        // The summary is still worth having; the page is tried again only if the item changes key.
        const reason = error instanceof FetchFailure ? error.message : String(error);
        this.#options.logger.warn({ feed: feedUrl, link: item.link, error: reason }, 'Article page skipped; keeping the feed summary');
      }
    }
    if (body.trim().length === 0) return null;
    const firstLine = body.split('\n')[0] ?? '';
    return {
      id: feedArticleId(item.key),
      title: title ?? firstLine.slice(0, 120),
      titleDerived: title === null,
      body,
      source: item.outlet ?? outlet,
      url: item.link,
      published,
      author,
      origin: feedUrl,
      originFile: null,
    };
  }

  #backoff(feed: FeedState, now: Date, message: string): FeedState {
    const failures = feed.failures + 1;
    const base = this.#options.backoffBaseMs ?? 300_000;
    const max = this.#options.backoffMaxMs ?? 21_600_000;
    const waitMs = Math.min(max, base * 2 ** (failures - 1));
    return { ...feed, failures, nextAttemptAt: new Date(now.getTime() + waitMs).toISOString(), lastError: message, lastPolledAt: now.toISOString() };
  }

  #fetch(): FetchFunction {
    return this.#options.fetch ?? ((url, init) => fetch(url, init));
  }

  #now(): Date {
    return (this.#options.now ?? (() => new Date()))();
  }
}

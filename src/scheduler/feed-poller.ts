import { Cron } from 'croner';
import type { Logger } from '../app/logger.js';
import type { ArticleInput } from '../core/article.js';
import { type FetchFunction, type FetchLimits, FetchFailure, boundedFetch } from './bounded-fetch.js';
import { feedArticleId } from './canonical-link.js';
import { type FeedItem, parseFeed } from './feed-items.js';
import { extractPageText } from './page-text.js';
import { shingleOverlap, shingleSet } from './shingles.js';
import type { FeedState, FeedStateStore } from '../core/feed-state-store.js';

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
}

/** What happened to one feed in one poll. */
export interface FeedPollResult {
  url: string;
  status: 'ok' | 'not_modified' | 'backing_off' | 'failed';
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
  #cron: Cron | null = null;

  constructor(options: FeedPollerOptions) {
    this.#options = options;
  }

  /** Polls every feed once, one after another (the machine is shared; feeds are few). */
  async pollAll(): Promise<PollReport> {
    const fingerprints = await this.#options.state.recentFingerprints(this.#options.fingerprintWindow ?? 2000);
    const results: FeedPollResult[] = [];
    for (const url of this.#options.feeds) results.push(await this.#pollFeed(url, fingerprints));
    return {
      feeds: results,
      added: results.reduce((sum, result) => sum + result.added, 0),
      merged: results.reduce((sum, result) => sum + result.merged, 0),
    };
  }

  /** Polls on a cron schedule; a poll still running when the next is due is skipped (overlap protection). */
  start(pattern: string, timezone?: string): void {
    this.stop();
    this.#cron = new Cron(pattern, { protect: true, ...(timezone ? { timezone } : {}) }, async () => {
      const poll = this.pollAll();
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

  async #pollFeed(url: string, fingerprints: { articleId: string; shingles: Set<string> }[]): Promise<FeedPollResult> {
    const { state, logger } = this.#options;
    const now = this.#now();
    const feed = await state.getFeed(url);
    const result: FeedPollResult = { url, status: 'ok', added: 0, merged: 0, seen: 0 };
    if (feed.nextAttemptAt !== null && Date.parse(feed.nextAttemptAt) > now.getTime()) return { ...result, status: 'backing_off' };
    try {
      const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5' };
      if (feed.etag) headers['if-none-match'] = feed.etag;
      if (feed.lastModified) headers['if-modified-since'] = feed.lastModified;
      const response = await boundedFetch(this.#fetch(), url, headers, this.#options.limits);
      if (!('body' in response)) {
        await state.saveFeed({ ...feed, failures: 0, nextAttemptAt: null, lastError: null, lastPolledAt: now.toISOString() });
        return { ...result, status: 'not_modified' };
      }
      const parsed = await parseFeed(response.body);
      const outlet = parsed.title ?? new URL(url).hostname;
      await this.#ingestItems(url, outlet, parsed.items, fingerprints, result);
      // Validators are stored only after the items are, so a crash mid-poll re-fetches the feed next time.
      await state.saveFeed({
        ...feed,
        etag: response.etag,
        lastModified: response.lastModified,
        failures: 0,
        nextAttemptAt: null,
        lastError: null,
        lastPolledAt: now.toISOString(),
      });
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failed = this.#backoff(feed, now, message);
      await state.saveFeed(failed);
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

import type { Env } from '../config/schema.js';
import { StorydeskError } from '../core/errors.js';
import type { FeedStateStore } from '../core/feed-state-store.js';
import type { SubscriptionStore } from '../core/subscription-store.js';
import { ArticleIndexer } from '../ingest/article-indexer.js';
import type { FetchFunction } from '../scheduler/bounded-fetch.js';
import { DigestScheduler } from '../scheduler/digest-scheduler.js';
import { type ArticleSink, FeedPoller } from '../scheduler/feed-poller.js';
import { leaseOwnerId } from '../scheduler/lease-owner.js';
import { DigestBuilder } from '../stories/digest/build-digest.js';
import type { DigestSinks } from '../stories/digest/digest-sink.js';
import type { StoryService } from '../stories/story-service.js';
import { TrackingService } from '../stories/tracking/tracking-service.js';
import type { Logger } from './logger.js';
import type { Storydesk } from './storydesk.js';

export interface StorySchedulingOptions {
  storydesk: Storydesk;
  env: Env;
  logger: Logger;
  /** Where digests go, per platform; platforms without a sink keep their digests pending. */
  sinks: DigestSinks;
  /** @default () => new Date() */
  now?: () => Date;
  fetch?: FetchFunction;
}

/** The tracking, feed and digest parts wired over the stores of an opened Storydesk. */
export interface StoryScheduling {
  stories: StoryService;
  tracking: TrackingService;
  builder: DigestBuilder;
  subscriptions: SubscriptionStore;
  feedState: FeedStateStore;
  /** Null when no feeds are configured. */
  feedPoller: FeedPoller | null;
  digests: DigestScheduler;
  /** True when there is something to schedule: feeds to poll, or a chat platform to post digests to. */
  enabled: boolean;
  /** Starts polling feeds (FEED_POLL_CRON, plus one poll now, in the background) and the digest schedule (resuming the outbox). */
  start(): Promise<void>;
  /** Stops the schedules (the stores stay open: they are the Storydesk's). */
  close(): void;
}

/** Comma-separated FEEDS, validated as http(s) URLs once, here, where the setting enters. */
export function feedUrls(env: Env): string[] {
  const urls = (env.FEEDS ?? '').split(',').map((url) => url.trim()).filter((url) => url.length > 0);
  for (const url of urls) {
    if (!/^https?:\/\/[^\s]+$/i.test(url)) throw new StorydeskError('config_invalid', `FEEDS: "${url}" is not an http(s) URL. List feed URLs separated by commas.`);
  }
  return urls;
}

/**
 * Wires tracking, feed polling and digests over an opened Storydesk and the stores it opened (nothing is
 * opened twice). Feed articles go through the same indexer as files, so they are searchable and assigned
 * to stories as soon as a poll stores them.
 */
export function createStoryScheduling(options: StorySchedulingOptions): StoryScheduling {
  const { storydesk, env, logger } = options;
  const stories = storydesk.stories;
  if (!stories) throw new StorydeskError('stories_missing', 'Tracking and digests need the story service; open storydesk with stories enabled.');
  const { stories: storyStore, subscriptions, feeds: feedState } = storydesk.storage;
  const now = options.now ?? (() => new Date());
  // This process, to other replicas sharing the database: who holds a feed's or a digest window's lease.
  const owner = leaseOwnerId();
  const tracking = new TrackingService({
    storyStore,
    subscriptions,
    stories,
    defaultCron: env.DIGEST_DEFAULT_CRON,
    defaultTimezone: env.DIGEST_DEFAULT_TIMEZONE,
    now,
  });
  const builder = new DigestBuilder({ store: storydesk.store, storyStore, stories, outletsOf: (ids) => feedState.outletsByArticle(ids) });
  const digests = new DigestScheduler({
    subscriptions,
    source: builder,
    sinks: options.sinks,
    logger,
    postEmpty: env.DIGEST_POST_EMPTY,
    missedWindow: env.DIGEST_MISSED_WINDOW,
    now,
    owner,
  });
  const feeds = feedUrls(env);
  const indexedSink: ArticleSink = (() => {
    const indexer = new ArticleIndexer({
      store: storydesk.store,
      index: storydesk.index,
      embedder: storydesk.embedder,
      now,
      // Through the story-clustering leader: this process assigns them when it leads, else the leader does.
      onIndexed: (articles) => (storydesk.storyUpdates ? storydesk.storyUpdates.indexed(articles) : stories.assign(articles)),
    });
    // Each step that may write is a write session: a CLI ingest on the same folder is never overlapped.
    return {
      offer: (input) => storydesk.write(() => indexer.offer(input)),
      flush: () => storydesk.write(() => indexer.flush()),
    };
  })();
  const feedPoller =
    feeds.length > 0
      ? new FeedPoller({ feeds, state: feedState, sink: indexedSink, logger, now, owner, ...(options.fetch ? { fetch: options.fetch } : {}) })
      : null;

  return {
    stories,
    tracking,
    builder,
    subscriptions,
    feedState,
    feedPoller,
    digests,
    enabled: feedPoller !== null || Object.keys(options.sinks).length > 0,
    start: async () => {
      if (feedPoller) {
        // The first poll runs in the background: start-up (and the chat) does not wait for slow feeds.
        feedPoller.start(env.FEED_POLL_CRON);
        feedPoller.triggerNow();
      }
      const report = await digests.start();
      logger.info(report, 'Digest schedule started');
    },
    close: () => {
      feedPoller?.stop();
      digests.stop();
    },
  };
}

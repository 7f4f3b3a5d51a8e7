/** HTTP validators and backoff of one feed. */
export interface FeedState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** Consecutive failed polls; reset by a success. */
  failures: number;
  /** Not polled before this time (ISO); null when due. */
  nextAttemptAt: string | null;
  lastError: string | null;
  lastPolledAt: string | null;
}

/** What a poller asks for when it claims the feeds that are due. */
export interface FeedClaim {
  /** The configured feeds (feeds no longer configured are never claimed). */
  urls: string[];
  /** Who claims them: a lease owner id (host:pid:random), unique per process. */
  owner: string;
  now: Date;
  /**
   * How long the claim holds if the poller never saves or renews the feed (a crash): then another may take it
   * once the feed is due. The poller renews it (`renewFeedLease`) before every request it makes for the feed.
   */
  leaseMs: number;
  /** When the claimed feeds are next due: the start of the poll interval after the one `now` is in. */
  nextPollAt: Date;
  /** Feeds claimed at most. */
  limit: number;
}

/** How a poller gives a claimed feed back. */
export interface FeedRelease {
  /** The owner the feed was claimed for. */
  owner: string;
  /** The start of the poll interval after the one the feed was fetched in. */
  nextPollAt: Date;
}

/** How a poller keeps a claimed feed while it works on it: before each request it makes for the feed. */
export interface FeedLeaseRenewal {
  url: string;
  /** The owner the feed was claimed for. */
  owner: string;
  now: Date;
  /** The lease runs this long from `now`. */
  leaseMs: number;
  /** The start of the poll interval after the one `now` is in: the feed is not due again before it. */
  nextPollAt: Date;
}

/** One more outlet that published an article merged as a near-duplicate. */
export interface ArticleOutlet {
  articleId: string;
  source: string | null;
  url: string;
  seenAt: string;
}

/**
 * What the feed poller remembers between polls: per-feed HTTP and backoff state, the items already seen, body
 * fingerprints for near-duplicate merging, and the extra outlets of merged articles. Every method returns a promise.
 */
export interface FeedStateStore {
  /** The stored state of a feed, or a fresh one (no validators, no failures, due now). */
  getFeed(url: string): Promise<FeedState>;
  /**
   * Claims up to `limit` due feeds among `urls` for `owner`, at once across processes sharing the store: a feed
   * is due when its `nextPollAt` has come, it is not backing off, and no unexpired lease holds it. A claimed feed
   * gets the lease and its next due time (`nextPollAt`) in the same step, so a feed fetched in one poll interval
   * cannot be claimed again, by anyone, before the next interval starts. The longest due are claimed first
   * (never polled, then by `nextPollAt`; so a slow poll starves no feed), then in the order of `urls`, as returned.
   */
  claimDueFeeds(claim: FeedClaim): Promise<FeedState[]>;
  /**
   * Stores a feed's state. With `release`, also releases its owner's lease and moves `nextPollAt` on to the given
   * time if that is later (a feed claimed late in one interval but fetched in the next is not due again in that
   * next one); stores nothing when the lease has since passed to another owner (its newer state wins).
   */
  saveFeed(state: FeedState, release?: FeedRelease): Promise<void>;
  /**
   * Extends the owner's lease on a feed to `now + leaseMs` and moves its `nextPollAt` on to the given time if that
   * is later (a feed claimed in one interval but fetched in the next is not due again in that next one). False,
   * changing nothing, when the owner no longer holds the feed: its lease was taken over by another (it had
   * expired and the feed was due) or released. An expired lease nobody took over is still the owner's.
   */
  renewFeedLease(renewal: FeedLeaseRenewal): Promise<boolean>;
  /** The article an item key was ingested as, if it was seen before. */
  itemArticleId(itemKey: string): Promise<string | null>;
  /** Remembers an item; an item key already remembered keeps its first article. */
  rememberItem(itemKey: string, feedUrl: string, articleId: string, seenAt: string): Promise<void>;
  /** Fingerprints of the most recently seen feed articles, newest first (bounded: near-duplicates are recent). */
  recentFingerprints(limit: number): Promise<{ articleId: string; shingles: Set<string> }[]>;
  /** Stores an article's body fingerprint: shingle hashes (tokens without spaces). */
  saveFingerprint(articleId: string, shingles: Set<string>, seenAt: string): Promise<void>;
  /** Records another outlet of an article; the same URL twice is stored once. */
  addOutlet(outlet: ArticleOutlet): Promise<void>;
  /** Extra outlets for many articles at once, keyed by article id, each in the order seen; articles without any are absent. */
  outletsByArticle(articleIds: string[]): Promise<Map<string, ArticleOutlet[]>>;
}

import { Cron } from 'croner';

/** One request the fake feed server answered: its path and when it arrived (epoch ms). */
export interface FeedFetch {
  path: string;
  at: number;
  /** Which replica fetched, when known. */
  by?: string | undefined;
}

/** A feed fetched more than once in one poll interval, with when each fetch came. */
export interface DoublePoll {
  path: string;
  /** The cron run that opened the interval (epoch ms). */
  intervalStart: number;
  fetchedAt: number[];
  /** Which replica made each fetch ('?' when unknown). */
  fetchedBy: string[];
}

/** What the feed server saw, counted per poll interval. */
export interface FeedPollTally {
  fetches: number;
  /** Poll intervals that started in the soak (cron runs of the poll schedule). */
  intervals: number;
  /** (feed, interval) pairs fetched at least once. */
  polledFeedIntervals: number;
  doublePolls: DoublePoll[];
  /** Longest time from an interval's cron run to a fetch in it: how close the busiest poll came to spilling over. */
  maxLagMs: number;
  /** Longest time a feed went unfetched, up to `until` (a lease left by a killed replica holds its feeds until it expires). */
  longestGapMs: number;
  /** Feeds not fetched in the last `staleAfterMs` before `until`. */
  staleFeeds: string[];
}

/**
 * The scheduler's cron runs from `from` to `to` (epoch ms), computed with croner as the scheduler computes
 * them, so poll intervals are [run k, run k+1) exactly as the replicas saw them, not wall-clock buckets.
 */
export function cronRuns(pattern: string, timezone: string, from: number, to: number): number[] {
  const cron = new Cron(pattern, { timezone, paused: true });
  const runs: number[] = [];
  let cursor = cron.nextRun(new Date(from - 1));
  while (cursor !== null && cursor.getTime() <= to) {
    runs.push(cursor.getTime());
    cursor = cron.nextRun(cursor);
  }
  cron.stop();
  return runs;
}

/** The index of the last run at or before `at`, or -1 before the first. */
function intervalOf(runs: number[], at: number): number {
  let low = 0;
  let high = runs.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((runs[middle] ?? Number.POSITIVE_INFINITY) <= at) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * Counts feed fetches per poll interval. A double poll is a feed fetched twice between two consecutive cron runs of
 * the poll schedule. Fetches before the first run (a replica's start-up poll) fall in the interval before it.
 */
export function tallyFeedPolls(fetches: FeedFetch[], feedPaths: string[], runs: number[], window: { from: number; until: number; staleAfterMs: number }): FeedPollTally {
  const feeds = new Set(feedPaths);
  const byFeedInterval = new Map<string, FeedFetch[]>();
  let count = 0;
  let maxLagMs = 0;
  for (const fetch of fetches) {
    if (!feeds.has(fetch.path)) continue;
    count += 1;
    const interval = intervalOf(runs, fetch.at);
    const start = runs[interval];
    if (start !== undefined) maxLagMs = Math.max(maxLagMs, fetch.at - start);
    const key = `${fetch.path}\u0000${interval}`;
    const inInterval = byFeedInterval.get(key) ?? [];
    inInterval.push(fetch);
    byFeedInterval.set(key, inInterval);
  }
  const doublePolls: DoublePoll[] = [];
  for (const [key, inInterval] of byFeedInterval) {
    if (inInterval.length < 2) continue;
    const [path = '', interval = '-1'] = key.split('\u0000');
    const start = runs[Number(interval)] ?? Number.NaN;
    doublePolls.push({ path, intervalStart: start, fetchedAt: inInterval.map((fetch) => fetch.at), fetchedBy: inInterval.map((fetch) => fetch.by ?? '?') });
  }
  doublePolls.sort((left, right) => left.intervalStart - right.intervalStart || left.path.localeCompare(right.path));
  let longestGapMs = 0;
  const staleFeeds: string[] = [];
  for (const path of feeds) {
    const times = [window.from, ...fetches.filter((fetch) => fetch.path === path).map((fetch) => fetch.at), window.until];
    for (let index = 1; index < times.length; index += 1) longestGapMs = Math.max(longestGapMs, (times[index] ?? 0) - (times[index - 1] ?? 0));
    if (window.until - (times.at(-2) ?? window.from) > window.staleAfterMs) staleFeeds.push(path);
  }
  return { fetches: count, intervals: runs.length, polledFeedIntervals: byFeedInterval.size, doublePolls, maxLagMs, longestGapMs, staleFeeds };
}

/** A digest window the database marks sent: which subscription, which window, when it was marked (epoch ms). */
export interface SentWindow {
  subscriptionId: string;
  windowKey: string;
  sentAt: number;
}

/** A post a fake chat platform received for a digest subscription's channel (epoch ms). */
export interface DigestPost {
  subscriptionId: string;
  at: number;
}

/** Digest posts matched to windows. */
export interface DigestTally {
  /** Windows due in the soak, over every subscription. */
  expectedWindows: number;
  sentWindows: number;
  posts: number;
  /** How many windows got 0, 1, 2… posts (index = posts). */
  postsPerWindow: number[];
  /** Posts beyond the first of a window, plus posts no window was marked sent after. */
  duplicates: number;
  /** Windows due in the soak that were never marked sent. */
  missedWindows: string[];
  /** Longest time from a window's start to its mark as sent (a lease left by a killed replica delays it). */
  latestSendMs: number;
  /** Windows that got more than one post, as `subscription@window (n posts)`. */
  duplicateWindows: string[];
}

/**
 * Matches posts to windows by time: a window is marked sent right after its post, so a post belongs to the first
 * window of its subscription marked sent at or after it. A post that was resent after a kill (sent, killed before
 * the mark, sent again by the replica that took the lease over) lands on the same window as its resend.
 */
export function tallyDigests(expected: Array<{ subscriptionId: string; windowKey: string }>, sent: SentWindow[], posts: DigestPost[]): DigestTally {
  const postsOf = new Map<string, number>();
  const windowsOf = new Map<string, SentWindow[]>();
  for (const window of sent) {
    const list = windowsOf.get(window.subscriptionId) ?? [];
    list.push(window);
    windowsOf.set(window.subscriptionId, list);
  }
  for (const list of windowsOf.values()) list.sort((left, right) => left.sentAt - right.sentAt);
  let unmatched = 0;
  for (const post of posts) {
    const window = windowsOf.get(post.subscriptionId)?.find((candidate) => candidate.sentAt >= post.at);
    if (!window) {
      unmatched += 1;
      continue;
    }
    const key = `${window.subscriptionId}\u0000${window.windowKey}`;
    postsOf.set(key, (postsOf.get(key) ?? 0) + 1);
  }
  const postsPerWindow: number[] = [0];
  for (const window of sent) {
    const count = postsOf.get(`${window.subscriptionId}\u0000${window.windowKey}`) ?? 0;
    while (postsPerWindow.length <= count) postsPerWindow.push(0);
    postsPerWindow[count] = (postsPerWindow[count] ?? 0) + 1;
  }
  const extra = [...postsOf.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
  const sentKeys = new Set(sent.map((window) => `${window.subscriptionId}\u0000${window.windowKey}`));
  const missedWindows = expected.filter((window) => !sentKeys.has(`${window.subscriptionId}\u0000${window.windowKey}`)).map((window) => `${window.subscriptionId}@${window.windowKey}`);
  const duplicateWindows = [...postsOf].filter(([, count]) => count > 1).map(([key, count]) => `${key.replace('\u0000', '@')} (${count} posts)`);
  if (unmatched > 0) duplicateWindows.push(`${unmatched} posts after the last window marked sent`);
  const latestSendMs = Math.max(0, ...sent.map((window) => window.sentAt - Date.parse(window.windowKey)).filter((ms) => Number.isFinite(ms)));
  return { expectedWindows: expected.length, sentWindows: sent.length, posts: posts.length, postsPerWindow, duplicates: extra + unmatched, missedWindows, latestSendMs, duplicateWindows };
}

/** A Slack event the soak delivered, to how many replicas. */
export interface DeliveredEvent {
  /** The message ts the bot answers in the thread of. */
  ts: string;
  deliveries: number;
}

/** Slack events delivered vs answered. */
export interface SlackEventTally {
  events: number;
  deliveries: number;
  answeredOnce: number;
  /** Events answered more than once: the dedupe failed. */
  answeredTwice: number;
  unanswered: number;
}

/** Counts answers (posts in the event's thread) per delivered event. */
export function tallySlackEvents(events: DeliveredEvent[], answerThreads: string[]): SlackEventTally {
  const answers = new Map<string, number>();
  for (const thread of answerThreads) answers.set(thread, (answers.get(thread) ?? 0) + 1);
  const tally: SlackEventTally = { events: events.length, deliveries: 0, answeredOnce: 0, answeredTwice: 0, unanswered: 0 };
  for (const event of events) {
    tally.deliveries += event.deliveries;
    const count = answers.get(event.ts) ?? 0;
    if (count === 0) tally.unanswered += 1;
    else if (count === 1) tally.answeredOnce += 1;
    else tally.answeredTwice += 1;
  }
  return tally;
}

/**
 * Slack a feed lease keeps beyond the deadline of the request it covers: the renewal's round trip, a timer firing
 * late on a loaded machine, and replica clocks a little apart (they keep time with NTP).
 */
export const FEED_LEASE_MARGIN_MS = 5_000;

/**
 * How long a feed poll lease lasts (docs/decisions/0010-replica-leases.md). The poll interval, so a feed whose
 * holder was killed is taken over about one interval later, whatever the interval (a fixed 15 minutes stalled
 * such feeds for 15 minutes under a 10-second schedule); at most `longestMs`, which is also the lease without a
 * schedule; and never less than one request's deadline plus a margin, because the poller renews the lease before
 * every request it makes for the feed: a request started under the lease has ended, or been aborted, before
 * another replica can take the feed over, so a slow but live holder is not doubled.
 */
export function feedLeaseMs(options: { intervalMs: number | null; fetchDeadlineMs: number; longestMs: number }): number {
  const bySchedule = Math.min(options.longestMs, options.intervalMs ?? options.longestMs);
  return Math.max(bySchedule, options.fetchDeadlineMs + FEED_LEASE_MARGIN_MS);
}

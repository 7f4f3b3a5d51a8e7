import { describe, expect, it } from 'vitest';
import { cronRuns, tallyDigests, tallyFeedPolls, tallySlackEvents } from '../../scripts/lib/replica-soak-tally.js';

const at = (time: string): number => Date.parse(`2031-03-01T${time}Z`);

describe('replica soak: double feed polls counted per cron interval', () => {
  const runs = cronRuns('*/10 * * * * *', 'UTC', at('10:00:00.000'), at('10:00:40.000'));

  it('takes the intervals from the poll schedule', () => {
    expect(runs.map((run) => new Date(run).toISOString().slice(11, 19))).toEqual(['10:00:00', '10:00:10', '10:00:20', '10:00:30', '10:00:40']);
  });

  it('counts a feed fetched twice between two cron runs as a double poll, and nothing else', () => {
    const tally = tallyFeedPolls(
      [
        { path: '/a.xml', at: at('10:00:00.100') },
        { path: '/b.xml', at: at('10:00:00.200') },
        // Late in one interval and early in the next: one fetch each, not a double poll.
        { path: '/a.xml', at: at('10:00:19.900') },
        { path: '/a.xml', at: at('10:00:20.050') },
        { path: '/b.xml', at: at('10:00:20.100'), by: 'r1' },
        { path: '/b.xml', at: at('10:00:24.000') },
        // An article page of the feed is not a feed fetch.
        { path: '/a/report-1.html', at: at('10:00:24.500') },
      ],
      ['/a.xml', '/b.xml', '/never.xml'],
      runs,
      { from: at('10:00:00.000'), until: at('10:00:40.000'), staleAfterMs: 18_000 },
    );
    expect(tally.fetches).toBe(6);
    expect(tally.doublePolls).toEqual([{ path: '/b.xml', intervalStart: at('10:00:20.000'), fetchedAt: [at('10:00:20.100'), at('10:00:24.000')], fetchedBy: ['r1', '?'] }]);
    expect(tally.polledFeedIntervals).toBe(5);
    expect(tally.maxLagMs).toBe(9900);
    // /never.xml was not fetched in the whole 40 s; /a.xml last at 20.05 s, so 19.95 s before the end.
    expect(tally.longestGapMs).toBe(40_000);
    expect(tally.staleFeeds).toEqual(['/a.xml', '/never.xml']);
  });
});

describe('replica soak: digest posts matched to the windows marked sent', () => {
  const expected = [
    { subscriptionId: 's1', windowKey: '2031-03-01T10:01:00.000Z' },
    { subscriptionId: 's1', windowKey: '2031-03-01T10:02:00.000Z' },
    { subscriptionId: 's1', windowKey: '2031-03-01T10:03:00.000Z' },
  ];

  it('finds one post per window when each window was posted once, even when a post came late', () => {
    const sent = [
      { subscriptionId: 's1', windowKey: '2031-03-01T10:01:00.000Z', sentAt: at('10:01:00.300') },
      // Taken over after a kill: posted after the next window had started.
      { subscriptionId: 's1', windowKey: '2031-03-01T10:02:00.000Z', sentAt: at('10:03:05.000') },
      { subscriptionId: 's1', windowKey: '2031-03-01T10:03:00.000Z', sentAt: at('10:03:00.400') },
    ];
    const posts = [{ subscriptionId: 's1', at: at('10:01:00.200') }, { subscriptionId: 's1', at: at('10:03:00.300') }, { subscriptionId: 's1', at: at('10:03:04.900') }];
    const tally = tallyDigests(expected, sent, posts);
    expect(tally.duplicates).toBe(0);
    expect(tally.postsPerWindow).toEqual([0, 3]);
    expect(tally.missedWindows).toEqual([]);
    expect(tally.latestSendMs).toBe(65_000);
  });

  it('counts a window posted twice (sent, killed before the mark, sent again) and a window never sent', () => {
    const sent = [{ subscriptionId: 's1', windowKey: '2031-03-01T10:01:00.000Z', sentAt: at('10:01:40.000') }];
    const posts = [{ subscriptionId: 's1', at: at('10:01:00.200') }, { subscriptionId: 's1', at: at('10:01:39.900') }];
    const tally = tallyDigests(expected.slice(0, 2), sent, posts);
    expect(tally.duplicates).toBe(1);
    expect(tally.postsPerWindow).toEqual([0, 0, 1]);
    expect(tally.missedWindows).toEqual(['s1@2031-03-01T10:02:00.000Z']);
  });

  it('counts a post that no window was marked sent after as a duplicate', () => {
    const tally = tallyDigests([], [], [{ subscriptionId: 's1', at: at('10:01:00.000') }]);
    expect(tally.duplicates).toBe(1);
  });
});

describe('replica soak: Slack events delivered to two replicas', () => {
  it('tells events answered once, twice and never apart', () => {
    const tally = tallySlackEvents(
      [
        { ts: '1.000001', deliveries: 2 },
        { ts: '1.000002', deliveries: 2 },
        { ts: '1.000003', deliveries: 1 },
      ],
      ['1.000001', '1.000002', '1.000002'],
    );
    expect(tally).toEqual({ events: 3, deliveries: 5, answeredOnce: 1, answeredTwice: 1, unanswered: 1 });
  });
});

import type { ReplicaLife } from './replica-fleet.js';
import type { DoublePoll } from './replica-soak-tally.js';

/** The figures the replica soak prints (and writes as one JSON line). */
export interface ReplicaSoakFigures {
  rounds: number;
  kills: number;
  /** Kills by what picked the victim: a random moment, or holding a digest window's or a feed's lease. */
  killsOf: Record<string, number>;
  roundsSeconds: number;
  totalSeconds: number;
  replicaStartupSeconds: { median: number; max: number };
  crashes: number;
  /** Lines the replicas logged at level error or fatal. */
  errorsLogged: number;
  feeds: { fetches: number; intervals: number; polledFeedIntervals: number; doublePolls: number; maxLagMs: number; longestGapMs: number; stalledAtEnd: number };
  digests: { expectedWindows: number; sentWindows: number; posts: number; postsPerWindow: number[]; duplicates: number; missedWindows: number; latestSendMs: number; pendingLeft: number };
  slack: { events: number; deliveries: number; answeredOnce: number; answeredTwice: number; unanswered: number; failedDeliveries: number };
  discord: { maxGatewayConnectionsAtOnce: number; identifies: number };
}

/** What explains a bad figure: each double poll and missed window, and when replicas were killed. */
export interface ReplicaSoakEvidence {
  doublePolls: DoublePoll[];
  missedWindows: string[];
  duplicateWindows: string[];
  logErrors: Array<{ count: number; what: string }>;
  kills: Array<{ round: number; replica: number; at: number }>;
  lives: ReplicaLife[];
}

const time = (ms: number): string => (Number.isFinite(ms) ? new Date(ms).toISOString().slice(11, 23) : '?');

/** Prints the soak's table to stdout, with the evidence behind any double poll or missed window. */
export function printReplicaSoakReport(figures: ReplicaSoakFigures, evidence: ReplicaSoakEvidence): void {
  const rows: Array<[string, string | number]> = [
    ['rounds (one SIGKILL + restart each)', `${figures.rounds} (${figures.kills} kills, ${figures.roundsSeconds} s; ${figures.totalSeconds} s in all)`],
    ['kills by target', Object.entries(figures.killsOf).map(([target, count]) => `${count} ${target}`).join(', ')],
    ['replica start-up (median / max)', `${figures.replicaStartupSeconds.median.toFixed(1)} s / ${figures.replicaStartupSeconds.max.toFixed(1)} s`],
    ['replicas that crashed on their own', figures.crashes],
    ['errors the replicas logged', figures.errorsLogged],
    ['feed fetches', figures.feeds.fetches],
    ['poll intervals (cron runs)', figures.feeds.intervals],
    ['feed-intervals polled', figures.feeds.polledFeedIntervals],
    ['double polls (same feed, same interval)', figures.feeds.doublePolls],
    ['latest fetch after its cron run', `${figures.feeds.maxLagMs} ms`],
    ['longest a feed went unfetched (in the rounds)', `${(figures.feeds.longestGapMs / 1000).toFixed(1)} s`],
    ['feeds unfetched in the last minute of the rounds', figures.feeds.stalledAtEnd],
    ['digest windows due / marked sent (incl. drain)', `${figures.digests.expectedWindows} / ${figures.digests.sentWindows}`],
    ['digest posts', figures.digests.posts],
    ['posts per window (0, 1, 2, …)', figures.digests.postsPerWindow.join(', ')],
    ['duplicate digests', figures.digests.duplicates],
    ['missed windows', figures.digests.missedWindows],
    ['latest a window was marked sent', `${(figures.digests.latestSendMs / 1000).toFixed(1)} s after it began`],
    ['outbox rows left pending', figures.digests.pendingLeft],
    ['Slack events (deliveries)', `${figures.slack.events} (${figures.slack.deliveries}; ${figures.slack.failedDeliveries} refused)`],
    ['Slack events answered once / twice+ / never', `${figures.slack.answeredOnce} / ${figures.slack.answeredTwice} / ${figures.slack.unanswered}`],
    ['Discord gateway connections at once (max)', `${figures.discord.maxGatewayConnectionsAtOnce} (${figures.discord.identifies} identifies)`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`);
  for (const double of evidence.doublePolls.slice(0, 20)) {
    const nearKills = evidence.kills.filter((kill) => kill.at >= double.intervalStart - 30_000 && kill.at <= Math.max(...double.fetchedAt)).map((kill) => `replica ${kill.replica} at ${time(kill.at)}`);
    lines.push(`  double poll ${double.path} in interval from ${time(double.intervalStart)}: fetched at ${double.fetchedAt.map((at, index) => `${time(at)} by ${double.fetchedBy[index] ?? '?'}`).join(', ')}${nearKills.length > 0 ? `; kills: ${nearKills.join(', ')}` : ''}`);
  }
  for (const missed of evidence.missedWindows.slice(0, 20)) lines.push(`  missed window ${missed}`);
  for (const duplicate of evidence.duplicateWindows.slice(0, 20)) lines.push(`  duplicate digest ${duplicate}`);
  for (const error of evidence.logErrors.slice(0, 5)) lines.push(`  logged ${error.count}×: ${error.what}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

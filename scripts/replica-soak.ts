/**
 * Replica soak: N replicas of the real bot (`src/main.ts`) on one PostgreSQL database, polling N local RSS feeds and
 * posting digests to fake Slack and Discord servers on a short schedule, while for R rounds one random replica is
 * killed with SIGKILL at a random moment and restarted. Then it counts, from what the fake servers received:
 * double feed polls (a feed fetched twice between two cron runs of the poll schedule), digest posts per window
 * (duplicates, missed windows), Slack events delivered to two replicas vs answered, and the most Discord gateway
 * connections open at once. Prints a table and one JSON line; exits 1 on any duplicate.
 *
 *   npm run replica-soak -- [--rounds 20] [--round-seconds 20] [--replicas 4] [--feeds 20] [--seed 7]
 *
 * Uses DATABASE_URL when set (give it a throwaway database: the soak writes to it), else starts a throwaway
 * PostgreSQL (scripts/lib/throwaway-postgres.ts). Replica logs stay in the printed folder with --keep.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { postgresStorageBackend } from '../src/providers/postgres/postgres-storage-backend.js';
import { FakeDiscordGateway } from '../test/fakes/discord-gateway.js';
import { FAKE_DISCORD, FakeDiscordRest } from '../test/fakes/discord-rest.js';
import { FakeFeedServer } from '../test/fakes/feed-server.js';
import { FakeSlackWebApi } from '../test/fakes/slack-web-api.js';
import { FetchAttribution } from './lib/fetch-attribution.js';
import { freePort } from './lib/free-port.js';
import { leaseHolders } from './lib/lease-holders.js';
import { replicaLogErrors } from './lib/replica-log-errors.js';
import { ReplicaFleet } from './lib/replica-fleet.js';
import { type DigestPost, cronRuns, tallyDigests, tallyFeedPolls, tallySlackEvents } from './lib/replica-soak-tally.js';
import { printReplicaSoakReport } from './lib/replica-soak-report.js';
import { seededRandom } from './lib/seeded-random.js';
import { SoakFeeds } from './lib/soak-feeds.js';
import { SOAK_ASK_CHANNEL, SoakSlackEvents } from './lib/soak-slack-events.js';
import { type SoakSubscription, createSoakSubscriptions } from './lib/soak-subscriptions.js';
import { startThrowawayPostgres } from './lib/throwaway-postgres.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '20' },
    'round-seconds': { type: 'string', default: '30' },
    replicas: { type: 'string', default: '4' },
    feeds: { type: 'string', default: '20' },
    'slack-subscriptions': { type: 'string', default: '3' },
    'discord-subscriptions': { type: 'string', default: '2' },
    'events-per-round': { type: 'string', default: '2' },
    'poll-cron': { type: 'string', default: '*/10 * * * * *' },
    'digest-cron': { type: 'string', default: '* * * * *' },
    'drain-seconds': { type: 'string', default: '330' },
    'lease-kills': { type: 'string', default: '0.5' },
    seed: { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
  },
});
const settings = {
  rounds: Number(values.rounds),
  roundMs: Number(values['round-seconds']) * 1000,
  replicas: Number(values.replicas),
  feeds: Number(values.feeds),
  slackSubscriptions: Number(values['slack-subscriptions']),
  discordSubscriptions: Number(values['discord-subscriptions']),
  eventsPerRound: Number(values['events-per-round']),
  pollCron: values['poll-cron'] ?? '*/10 * * * * *',
  digestCron: values['digest-cron'] ?? '* * * * *',
  drainMs: Number(values['drain-seconds']) * 1000,
  leaseKillShare: Number(values['lease-kills']),
  seed: Number(values.seed),
};
const ROOT = resolve(import.meta.dirname, '..');
const SIGNING_SECRET = 'replica-soak-signing-secret';
const random = seededRandom(settings.seed);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const log = (message: string) => process.stderr.write(`[replica-soak ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

const temp = mkdtempSync(join(tmpdir(), 'storydesk-replica-soak-'));
const corpusDir = join(temp, 'corpus');
mkdirSync(corpusDir);
const postgres = process.env.DATABASE_URL ? null : await startThrowawayPostgres();
const databaseUrl = process.env.DATABASE_URL ?? postgres?.url ?? '';
log(`database ${postgres ? `throwaway (pid ${postgres.pid})` : 'from DATABASE_URL'}; logs in ${temp}`);

const feedServer = await FakeFeedServer.start();
const feeds = new SoakFeeds(feedServer, settings.feeds);
const slack = await FakeSlackWebApi.start();
const discordRest = await FakeDiscordRest.start();
const discordGateway = await FakeDiscordGateway.start({ heartbeatIntervalMs: 5000 });
discordRest.gatewayUrl = discordGateway.url;
const slackPorts = await Promise.all(Array.from({ length: settings.replicas }, () => freePort()));

const storage = await postgresStorageBackend({ url: databaseUrl, poolSize: 2 }).open({ dataDir: temp, logger: { debug: () => undefined, info: () => undefined, warn: () => undefined } });
const subscriptions: SoakSubscription[] = await createSoakSubscriptions(storage.subscriptions, {
  slack: settings.slackSubscriptions,
  discord: settings.discordSubscriptions,
  cron: settings.digestCron,
  discordChannelBase: FAKE_DISCORD.channelId,
});

const fleet = new ReplicaFleet({
  root: ROOT,
  size: settings.replicas,
  logDir: temp,
  environment: (index) => ({
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? temp,
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    STORYDESK_PG_POOL_SIZE: '5',
    STORYDESK_DATA_DIR: join(temp, `data-${index}`),
    STORYDESK_CORPUS_DIR: corpusDir,
    FEEDS: feeds.urls().join(','),
    FEED_POLL_CRON: settings.pollCron,
    DIGEST_POST_EMPTY: 'true',
    RATE_LIMIT_PER_MINUTE: '1000',
    SLACK_BOT_TOKEN: 'xoxb-replica-soak',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_HTTP_PORT: String(slackPorts[index]),
    SLACK_API_URL: slack.url,
    DISCORD_TOKEN: 'replica-soak-discord-token',
    DISCORD_APPLICATION_ID: FAKE_DISCORD.applicationId,
    DISCORD_API_URL: discordRest.url,
  }),
});

/** Resolves once something accepts connections on the port (the replica's Slack HTTP endpoint is up). */
async function waitForPort(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((done) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        done(true);
      });
      socket.once('error', () => done(false));
    });
    if (open) return true;
    await sleep(200);
  }
  return false;
}

const startupMs: number[] = [];
/** Replicas whose Slack endpoint is up: the ones a kill or an event may pick. */
const ready = new Set<number>();
async function startReplica(index: number): Promise<void> {
  const life = fleet.start(index);
  if (await waitForPort(slackPorts[index] ?? 0, 180_000)) {
    startupMs.push(Date.now() - life.startedAt);
    if (life.endedAt === null) ready.add(index);
  } else {
    log(`replica ${index} did not open its Slack port within 180 s`);
  }
}

const slackEvents = new SoakSlackEvents(SIGNING_SECRET);
const questions = ['What did the Marlow Bay council vote on?', 'How much will the harbour bridge repairs cost?', 'Who opposed the solar farm in Velmont?'];
/** One event to two different running replicas at once (or one, when only one is up). */
async function deliverEvent(): Promise<void> {
  const running = [...ready].sort(() => random() - 0.5);
  const ports = running.slice(0, 2).map((index) => slackPorts[index] ?? 0);
  if (ports.length === 0) return;
  await slackEvents.deliver(ports, questions[Math.floor(random() * questions.length)] ?? 'What happened?');
}

// --- The soak ---
const soakStartedAt = Date.now();
const fetchers = new FetchAttribution(feedServer.fetches, fleet);
fetchers.start();
log(`starting ${settings.replicas} replicas`);
await Promise.all(Array.from({ length: settings.replicas }, (_, index) => startReplica(index)));
log(`all replicas up (start-up ${startupMs.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s)`);
const kills: Array<{ round: number; replica: number; at: number; target: KillTarget }> = [];
const restarts: Array<Promise<void>> = [];
const leasePool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
type KillTarget = 'random moment' | 'digest lease holder' | 'feed lease holder';

/**
 * In a lease round, the replica holding a digest window's lease (else a feed's), if a serving one holds one now;
 * null otherwise. Random moments rarely land inside the short time a replica holds a lease.
 */
async function leaseHolderToKill(): Promise<{ replica: number; target: KillTarget } | null> {
  const holders = await leaseHolders(leasePool);
  const serving = (pid: number) => fleet.lives.find((life) => life.pid === pid && life.endedAt === null && ready.has(life.replica));
  const digest = holders.digestWindows.map(serving).find((life) => life !== undefined);
  if (digest) return { replica: digest.replica, target: 'digest lease holder' };
  const feed = holders.feeds.map(serving).find((life) => life !== undefined);
  return feed ? { replica: feed.replica, target: 'feed lease holder' } : null;
}

const roundsStartedAt = Date.now();
for (let round = 1; round <= settings.rounds; round += 1) {
  const roundStart = Date.now();
  feeds.publish(random);
  const leaseRound = random() < settings.leaseKillShare;
  const killAt = roundStart + random() * settings.roundMs * (leaseRound ? 0.2 : 0.7);
  // A lease round waits for a lease holder until this, then kills at a random moment after all.
  const leaseDeadline = roundStart + settings.roundMs * 0.9;
  const eventTimes = Array.from({ length: settings.eventsPerRound }, () => roundStart + random() * settings.roundMs * 0.9).sort((a, b) => a - b);
  const deliveries: Array<Promise<void>> = [];
  let killed = false;
  // A round ends after its kill: it waits (longer than --round-seconds) while fewer than two replicas are up, so
  // every kill takes down a serving replica and never the last one.
  while (!killed || Date.now() < roundStart + settings.roundMs) {
    while ((eventTimes[0] ?? Number.POSITIVE_INFINITY) <= Date.now()) {
      eventTimes.shift();
      deliveries.push(deliverEvent());
    }
    if (!killed && Date.now() >= killAt && ready.size >= 2) {
      let choice: { replica: number; target: KillTarget } | null = leaseRound ? await leaseHolderToKill() : null;
      if (choice === null && (!leaseRound || Date.now() >= leaseDeadline)) {
        const candidates = [...ready];
        choice = { replica: candidates[Math.floor(random() * candidates.length)] ?? 0, target: 'random moment' };
      }
      if (choice !== null) {
        killed = true;
        ready.delete(choice.replica);
        await fleet.kill(choice.replica);
        kills.push({ round, replica: choice.replica, at: Date.now(), target: choice.target });
        log(`round ${round}: killed replica ${choice.replica} (SIGKILL, ${choice.target}) at ${((Date.now() - roundStart) / 1000).toFixed(1)} s; restarting it (${ready.size} serving)`);
        // The restart runs in the background: a replica takes a while to start on a busy machine.
        restarts.push(startReplica(choice.replica));
      }
    }
    await sleep(leaseRound && !killed ? 25 : 100);
  }
  await Promise.all(deliveries);
}
const roundsEndedAt = Date.now();

// Every window due by the end of the rounds must go out, even one whose holder was killed in the last round.
const expected = subscriptions.flatMap((subscription) =>
  cronRuns(settings.digestCron, 'UTC', Date.parse(subscription.createdAt) + 1, roundsEndedAt).map((run) => ({ subscriptionId: subscription.id, windowKey: new Date(run).toISOString() })),
);
await Promise.all(restarts);
const drainDeadline = Date.now() + settings.drainMs;
log(`rounds done; waiting up to ${settings.drainMs / 1000} s for ${expected.length} digest windows`);
let sentRows = await storage.subscriptions.listOutbox('sent');
while (Date.now() < drainDeadline) {
  const sent = new Set(sentRows.map((row) => `${row.subscriptionId}\u0000${row.windowKey}`));
  if (expected.every((window) => sent.has(`${window.subscriptionId}\u0000${window.windowKey}`))) break;
  await sleep(2000);
  sentRows = await storage.subscriptions.listOutbox('sent');
}
await sleep(3000);
fetchers.stop();
await fleet.stopAll();
const soakEndedAt = Date.now();
sentRows = await storage.subscriptions.listOutbox('sent');
const pendingRows = await storage.subscriptions.listOutbox('pending');

// --- Tally ---
const pollRuns = cronRuns(settings.pollCron, 'UTC', soakStartedAt, soakEndedAt);
// Up to the end of the rounds: a feed not fetched in the last minute of them has stalled (a lease left by a kill).
const feedTally = tallyFeedPolls(
  feedServer.fetches.map((fetch, index) => ({ ...fetch, by: fetchers.labelOf(index) })),
  feeds.paths,
  pollRuns,
  { from: roundsStartedAt, until: roundsEndedAt, staleAfterMs: 60_000 },
);
const channelOf = new Map(subscriptions.map((subscription) => [subscription.channelId, subscription.id]));
const digestPosts: DigestPost[] = [
  ...slack.callsTo('chat.postMessage').map((call) => ({ channel: String(call.args.channel), at: call.receivedAt })),
  ...discordRest.callsMatching('POST', /^\/channels\/\d+\/messages$/).map((call) => ({ channel: call.route.split('/')[2] ?? '', at: call.receivedAt })),
].flatMap((post) => {
  const subscriptionId = channelOf.get(post.channel);
  return subscriptionId ? [{ subscriptionId, at: post.at }] : [];
});
const soakIds = new Set(subscriptions.map((subscription) => subscription.id));
const digestTally = tallyDigests(
  expected,
  sentRows.filter((row) => soakIds.has(row.subscriptionId)).map((row) => ({ subscriptionId: row.subscriptionId, windowKey: row.windowKey, sentAt: Date.parse(row.sentAt ?? '') })),
  digestPosts,
);
const answerThreads = slack
  .callsTo('chat.postMessage')
  .filter((call) => call.args.channel === SOAK_ASK_CHANNEL && typeof call.args.thread_ts === 'string')
  .map((call) => String(call.args.thread_ts));
const slackTally = tallySlackEvents(slackEvents.delivered, answerThreads);

const { missedWindows, duplicateWindows, ...digestCounts } = digestTally;
const logErrors = replicaLogErrors(Array.from({ length: settings.replicas }, (_, index) => join(temp, `replica-${index}.log`)));
const figures = {
  settings,
  rounds: settings.rounds,
  kills: kills.length,
  killsOf: Object.fromEntries(['random moment', 'digest lease holder', 'feed lease holder'].map((target) => [target, kills.filter((kill) => kill.target === target).length])),
  roundsSeconds: Math.round((roundsEndedAt - roundsStartedAt) / 1000),
  totalSeconds: Math.round((soakEndedAt - soakStartedAt) / 1000),
  replicaStartupSeconds: { median: median(startupMs) / 1000, max: Math.max(...startupMs) / 1000 },
  crashes: fleet.crashes().length,
  errorsLogged: logErrors.reduce((sum, error) => sum + error.count, 0),
  feeds: { fetches: feedTally.fetches, intervals: feedTally.intervals, polledFeedIntervals: feedTally.polledFeedIntervals, doublePolls: feedTally.doublePolls.length, maxLagMs: feedTally.maxLagMs, longestGapMs: feedTally.longestGapMs, stalledAtEnd: feedTally.staleFeeds.length },
  digests: { ...digestCounts, missedWindows: missedWindows.length, pendingLeft: pendingRows.filter((row) => soakIds.has(row.subscriptionId)).length },
  slack: { ...slackTally, failedDeliveries: slackEvents.failedDeliveries },
  discord: { maxGatewayConnectionsAtOnce: discordGateway.maxOpenConnections, identifies: discordGateway.identifies.length },
};
printReplicaSoakReport(figures, { doublePolls: feedTally.doublePolls, missedWindows, duplicateWindows, logErrors, kills, lives: fleet.lives });
process.stdout.write(`${JSON.stringify(figures)}\n`);

await storage.close();
await leasePool.end();
await Promise.all([feedServer.close(), slack.close(), discordRest.close(), discordGateway.close()]);
await postgres?.stop();
if (values.keep) log(`replica logs kept in ${temp}`);
else rmSync(temp, { recursive: true, force: true });
const duplicates = feedTally.doublePolls.length + digestTally.duplicates + slackTally.answeredTwice + Math.max(0, discordGateway.maxOpenConnections - 1);
process.exitCode = duplicates > 0 || fleet.crashes().length > 0 ? 1 : 0;

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

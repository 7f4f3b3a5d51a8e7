import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresSuiteTitle, testPostgres } from '../helpers/postgres.js';
import { RecordingServer, type Replica, startReplica, stopReplicas, waitFor } from './replicas/replica-harness.js';

const server = testPostgres();
const feedCount = 200;
/**
 * Every 5 seconds (5 divides a minute, so interval n is [5n s, 5n + 5 s) since the epoch): long enough for four
 * pollers to get through the 200 feeds with time to spare, when a poller that claimed early would fetch again.
 */
const pollCron = '*/5 * * * * *';
const intervalMs = 5000;
const intervalOf = (time: number): number => Math.floor(time / intervalMs);

/** A one-item RSS feed with an ETag: a poll that sends it back gets 304. */
function answerFeed(request: IncomingMessage, response: ServerResponse): void {
  const path = request.url ?? '/';
  if (request.headers['if-none-match'] === '"v1"') {
    response.writeHead(304, { etag: '"v1"' }).end();
    return;
  }
  const body = `Item of ${path}: the harbour authority reported traffic figures for the week.`;
  response
    .writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' })
    .end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${path}</title><item><guid isPermaLink="false">${path}#1</guid><title>News of ${path}</title><description>${body}</description></item></channel></rss>`);
}

describe.skipIf(!server.adminUrl)(postgresSuiteTitle('feed polls across replicas sharing PostgreSQL'), () => {
  const replicas: Replica[] = [];
  let feeds: RecordingServer | undefined;

  afterEach(async () => {
    await stopReplicas(replicas.splice(0));
    await feeds?.close();
  });

  it('fetches each of 200 feeds at most once per poll interval with four pollers, and polls each again in later intervals', async () => {
    feeds = await RecordingServer.start(answerFeed);
    const served = feeds;
    const url = await createTestDatabase(server.adminUrl ?? '');
    const paths = Array.from({ length: feedCount }, (_, index) => `/feed/${index}.xml`);
    const environment = { REPLICA_MODE: 'feeds', DATABASE_URL: url, FEED_URLS: paths.map((path) => served.url(path)).join(','), POLL_CRON: pollCron };
    replicas.push(...['a', 'b', 'c', 'd'].map((name) => startReplica(`host:${name}:1`, environment)));
    // The interval of a fetch is the poller's: the time it read just before fetching (the request arrives a moment later).
    const intervalsOf = (path: string): number[] =>
      served.requests.filter((request) => request.path === path).map((request) => intervalOf(Number(request.headers['x-polled-at'])));
    await waitFor('every feed fetched in two intervals', () => paths.every((path) => new Set(intervalsOf(path)).size >= 2), replicas, 50_000);
    await stopReplicas(replicas);

    // Never twice in one interval, although every poller polls again and again (not only on schedule).
    const twice = paths.filter((path) => new Set(intervalsOf(path)).size !== intervalsOf(path).length);
    expect(twice).toEqual([]);
    const pollers = new Set(served.requests.map((request) => request.headers['x-poller']));
    expect(pollers.size).toBeGreaterThan(1);
  });
});

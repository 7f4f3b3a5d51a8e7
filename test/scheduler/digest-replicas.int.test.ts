import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/core/storage.js';
import { postgresStorageBackend } from '../../src/providers/postgres/postgres-storage-backend.js';
import { createTestDatabase, postgresSuiteTitle, testPostgres } from '../helpers/postgres.js';
import { RecordingServer, type Replica, startReplica, stopReplicas, waitFor } from './replicas/replica-harness.js';

const server = testPostgres();
/** Once a year (1 January, 00:00 UTC): one window is due, and no other can become due while the test runs. */
const window = `${new Date().getUTCFullYear()}-01-01T00:00:00.000Z`;

describe.skipIf(!server.adminUrl)(postgresSuiteTitle('digest windows across replicas sharing PostgreSQL'), () => {
  let url: string;
  let storage: Storage;
  let channel: RecordingServer;
  const replicas: Replica[] = [];
  const start = (owner: string, extra: Record<string, string> = {}): Replica => {
    const replica = startReplica(owner, { REPLICA_MODE: 'digests', DATABASE_URL: url, CHANNEL_URL: channel.url('/post'), TICK_MS: '100', ...extra });
    replicas.push(replica);
    return replica;
  };
  /** The subscription whose yearly window is due: saved once the replicas run, so they all find it together. */
  const subscribe = () =>
    storage.subscriptions.saveSubscription({
      id: 'sub-1',
      platform: 'webhook',
      channelId: 'C1',
      targetKind: 'query',
      target: 'port strike',
      cron: '0 0 1 1 *',
      timezone: 'UTC',
      createdAt: `${new Date().getUTCFullYear() - 1}-06-01T00:00:00.000Z`,
      lastDigestAt: null,
      active: true,
    });
  const posts = () => channel.requests.map((request) => JSON.parse(request.body) as { owner: string; until: string });

  beforeEach(async () => {
    url = await createTestDatabase(server.adminUrl ?? '');
    storage = await postgresStorageBackend({ url, poolSize: 1 }).open({ dataDir: '/nonexistent', logger: pino({ level: 'silent' }) });
    // A chat API takes a moment to answer: long enough for other replicas to tick while a post is on its way.
    channel = await RecordingServer.start((_request, response) => {
      setTimeout(() => response.writeHead(200).end('ok'), 200);
    });
  });

  afterEach(async () => {
    await stopReplicas(replicas.splice(0));
    await channel.close();
    await storage.close();
  });

  it('posts one digest for a window that four replicas find due together', async () => {
    const four = ['a', 'b', 'c', 'd'].map((name) => start(`host:${name}:1`));
    await waitFor('every replica ticking', () => four.every((replica) => replica.ticks() > 0), four);
    await subscribe();
    await waitFor('a post', () => channel.requests.length > 0, four);
    // Every replica then ticks a few more times: none of them may post the window again.
    const ticksAtPost = four.map((replica) => replica.ticks());
    await waitFor('three more ticks of every replica', () => four.every((replica, index) => replica.ticks() >= (ticksAtPost[index] ?? 0) + 3), four);
    expect(posts().map((post) => post.until)).toEqual([window]);
    expect(await storage.subscriptions.getOutbox('sub-1', window)).toMatchObject({ status: 'sent' });
    expect((await storage.subscriptions.getSubscription('sub-1'))?.lastDigestAt).toBe(window);
  });

  it('posts the window once after the replica holding its lease is killed (SIGKILL), once the lease expires', async () => {
    const doomed = start('host:doomed:1', { HANG_BUILD: '1', LEASE_MS: '1500' });
    await subscribe();
    await waitFor('the doomed replica to claim the window and start building', () => doomed.said(`building ${window}`), [doomed]);
    doomed.process.child.kill('SIGKILL');
    expect((await doomed.process.exited).signal).toBe('SIGKILL');
    const held = await storage.subscriptions.getOutbox('sub-1', window);
    expect(held).toMatchObject({ status: 'pending', payload: null });

    const survivors = ['a', 'b', 'c'].map((name) => start(`host:${name}:1`, { LEASE_MS: '1500' }));
    await waitFor('every survivor ticking', () => survivors.every((replica) => replica.ticks() > 0), survivors);
    await waitFor('a post', () => channel.requests.length > 0, survivors);
    const ticksAtPost = survivors.map((replica) => replica.ticks());
    await waitFor('three more ticks of every survivor', () => survivors.every((replica, index) => replica.ticks() >= (ticksAtPost[index] ?? 0) + 3), survivors);
    expect(posts()).toHaveLength(1);
    expect(posts()[0]).toMatchObject({ until: window, owner: expect.not.stringContaining('doomed') });
    // The row the doomed replica inserted was taken over, not a second one made.
    expect(await storage.subscriptions.listOutbox()).toEqual([expect.objectContaining({ id: held?.id, status: 'sent' })]);
  });
});

import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { PostgresChangeNotices } from '../../src/providers/postgres/postgres-change-notices.js';
import { PostgresLeadership } from '../../src/providers/postgres/postgres-leadership.js';
import { migrate } from '../../src/providers/postgres/postgres-migrations.js';
import { PostgresCoordination } from '../../src/providers/postgres/postgres-coordination.js';
import { NoticeLog, untilLeading } from '../contracts/coordination-waits.js';
import { createTestDatabase, postgresSuiteTitle, testPostgres } from '../helpers/postgres.js';

const server = testPostgres();

/** Ends another session the way a crashed replica, a network cut or an operator would. */
async function terminate(url: string, pid: number | null): Promise<void> {
  if (pid === null) throw new Error('no connection to terminate');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ ended: boolean }>('SELECT pg_terminate_backend($1) AS ended', [pid]);
    expect(rows[0]?.ended).toBe(true);
  } finally {
    await admin.end();
  }
}

describe.skipIf(!server.adminUrl)(postgresSuiteTitle('PostgreSQL coordination when connections drop'), () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  async function database(): Promise<{ url: string; pool: pg.Pool }> {
    const url = await createTestDatabase(server.adminUrl ?? '');
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    cleanups.push(() => pool.end());
    await migrate(pool);
    return { url, pool };
  }

  it('hands the role to the standby when the leader\'s lock connection is killed, and the old leader stands by', async () => {
    const { url } = await database();
    const start = (name: string) => PostgresLeadership.start({ url, role: 'discord-gateway', applicationName: name, retryMs: 50 });
    const holder = await start('replica-a');
    cleanups.push(() => holder.release());
    const standby = await start('replica-b');
    cleanups.push(() => standby.release());
    expect([holder.leading, standby.leading]).toEqual([true, false]);

    await terminate(url, holder.connectionPid());
    await Promise.all([untilLeading(standby), untilLeading(holder, false)]);
    // The old leader reconnects and queues behind the new one; it leads again only when that one goes.
    expect(standby.leading).toBe(true);
    await standby.release();
    await untilLeading(holder);
    expect(holder.leading).toBe(true);
  });

  it('a standby whose own connection is killed keeps competing on a new one', async () => {
    const { url } = await database();
    const holder = await PostgresLeadership.start({ url, role: 'story-clustering', applicationName: 'a', retryMs: 50 });
    cleanups.push(() => holder.release());
    const standby = await PostgresLeadership.start({ url, role: 'story-clustering', applicationName: 'b', retryMs: 50 });
    cleanups.push(() => standby.release());
    const waitingPid = standby.connectionPid();
    await terminate(url, waitingPid);
    await holder.release();
    await untilLeading(standby);
    expect(standby.connectionPid()).not.toBe(waitingPid);
  });

  it('calls every listener after its LISTEN connection was lost (notices may have been missed), then hears new notices', async () => {
    const { url, pool } = await database();
    const listening = new PostgresChangeNotices({ url, pool, origin: 'replica-a', applicationName: 'a', retryMs: 50 });
    cleanups.push(() => listening.close());
    const sender = new PostgresCoordination({ url, pool, applicationName: 'b' });
    cleanups.push(() => sender.close());
    const heard = new NoticeLog();
    await listening.listen('stories', () => heard.record('stories'));
    const reconnected = new Promise<void>((resolve) => {
      void listening.listen('articles', resolve);
    });
    await terminate(url, listening.connectionPid());
    await reconnected;
    expect(heard.count('stories')).toBe(1);
    await sender.notifyChange('stories');
    await heard.until('stories', 2);
    expect(heard.count('stories')).toBe(2);
  });
});

import pg from 'pg';

/** How to reach PostgreSQL. */
export interface PostgresSettings {
  url: string;
  /** Connections this process keeps open. */
  poolSize: number;
}

/**
 * A connection pool. Numbers come back as numbers where they fit (counts are bigint in SQL); vectors travel as
 * pgvector's text form (`[1,2,3]`, see postgres-vectors.ts), so no per-connection type registration is needed.
 */
export function openPostgresPool(settings: PostgresSettings, applicationName = 'storydesk'): pg.Pool {
  const pool = new pg.Pool({ connectionString: settings.url, max: settings.poolSize, application_name: applicationName });
  // An idle client that loses its connection (server restart) is dropped from the pool; without a listener the
  // 'error' event would crash the process.
  pool.on('error', () => undefined);
  return pool;
}

/** Runs `task` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, task: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await task(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

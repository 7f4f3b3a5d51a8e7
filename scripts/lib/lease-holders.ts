import type pg from 'pg';

/** Processes holding a lease right now, by pid (from lease owner ids `host:pid:random`). */
export interface LeaseHolders {
  /** Pids holding a pending digest window's lease that has not expired. */
  digestWindows: number[];
  /** Pids holding a feed's poll lease that has not expired. */
  feeds: number[];
}

const pidOf = (owner: string): number => Number(owner.split(':').at(-2));

/**
 * Who holds a live lease in the database (columns of migration 0006), so the soak can kill exactly the replica
 * in the middle of a digest or a feed poll: the path random kills rarely hit.
 */
export async function leaseHolders(pool: pg.Pool): Promise<LeaseHolders> {
  const { rows } = await pool.query<{ kind: string; owner: string }>(
    `SELECT 'digest' AS kind, lease_owner AS owner FROM digest_outbox WHERE status = 'pending' AND lease_owner IS NOT NULL AND lease_until > now()
     UNION ALL
     SELECT 'feed', lease_owner FROM feed_state WHERE lease_owner IS NOT NULL AND lease_until > now()`,
  );
  const pids = (kind: string) => [...new Set(rows.filter((row) => row.kind === kind).map((row) => pidOf(row.owner)))].filter((pid) => Number.isInteger(pid));
  return { digestWindows: pids('digest'), feeds: pids('feed') };
}

import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Coordination, Leadership } from '../../core/coordination.js';
import { PostgresChangeNotices } from './postgres-change-notices.js';
import { PostgresLeadership } from './postgres-leadership.js';

/** How long a delivered event key is remembered: Slack retries within an hour; a day covers late replays. */
const PROCESSED_EVENT_TTL_SECONDS = 24 * 60 * 60;
/** Old keys are swept at most this often per replica, not on every event. */
const SWEEP_EVERY_MS = 10 * 60 * 1000;

export interface PostgresCoordinationOptions {
  url: string;
  pool: pg.Pool;
  /** How this process is named in pg_stat_activity. */
  applicationName: string;
  /** Wait before a lost leadership or listening connection is reopened. @default 1000 */
  retryMs?: number;
  /** How often a leader checks its lock's connection. @default 5000 */
  heartbeatMs?: number;
}

/**
 * Coordination of replicas on one PostgreSQL database: event keys in `processed_events` (the first INSERT
 * wins), roles as session advisory locks on dedicated connections, change notices by LISTEN/NOTIFY.
 * Deduplication uses the pool; locks and LISTEN each hold a direct connection of their own.
 */
export class PostgresCoordination implements Coordination {
  readonly #options: PostgresCoordinationOptions;
  readonly #notices: PostgresChangeNotices;
  readonly #leaderships = new Set<PostgresLeadership>();
  #lastSweep = 0;

  constructor(options: PostgresCoordinationOptions) {
    this.#options = options;
    this.#notices = new PostgresChangeNotices({
      url: options.url,
      pool: options.pool,
      origin: randomUUID(),
      applicationName: `${options.applicationName} (changes)`,
      ...(options.retryMs === undefined ? {} : { retryMs: options.retryMs }),
    });
  }

  async firstDelivery(key: string): Promise<boolean> {
    const { pool } = this.#options;
    if (Date.now() - this.#lastSweep > SWEEP_EVERY_MS) {
      this.#lastSweep = Date.now();
      await pool.query('DELETE FROM processed_events WHERE seen_at < now() - make_interval(secs => $1)', [PROCESSED_EVENT_TTL_SECONDS]);
    }
    const inserted = await pool.query('INSERT INTO processed_events (key) VALUES ($1) ON CONFLICT (key) DO NOTHING', [key]);
    return inserted.rowCount === 1;
  }

  async leadership(role: string): Promise<Leadership> {
    const leadership = await PostgresLeadership.start({
      url: this.#options.url,
      role,
      applicationName: `${this.#options.applicationName} (${role})`,
      ...(this.#options.retryMs === undefined ? {} : { retryMs: this.#options.retryMs }),
      ...(this.#options.heartbeatMs === undefined ? {} : { heartbeatMs: this.#options.heartbeatMs }),
    });
    this.#leaderships.add(leadership);
    return leadership;
  }

  onChange(topic: string, listener: () => void): Promise<() => void> {
    return this.#notices.listen(topic, listener);
  }

  notifyChange(topic: string): Promise<void> {
    return this.#notices.notify(topic);
  }

  async close(): Promise<void> {
    await Promise.all([...this.#leaderships].map((leadership) => leadership.release()));
    this.#leaderships.clear();
    await this.#notices.close();
  }
}

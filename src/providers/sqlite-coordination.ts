import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Coordination, Leadership } from '../core/coordination.js';
import { openSqliteDatabase } from './open-sqlite-database.js';
import { SqliteChangeNotices } from './sqlite-change-notices.js';
import { SqliteLeadership } from './sqlite-leadership.js';

const COORDINATION_SCHEMA = `
CREATE TABLE IF NOT EXISTS processed_events (
  key TEXT PRIMARY KEY,
  seen_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS processed_events_seen ON processed_events(seen_at);
CREATE TABLE IF NOT EXISTS change_notices (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  topic TEXT NOT NULL,
  origin TEXT NOT NULL,
  at INTEGER NOT NULL
);
`;

/** How long a delivered event key is remembered: Slack retries within an hour; a day covers late replays. */
export const PROCESSED_EVENT_TTL_MS = 24 * 60 * 60 * 1000;
/** Old keys are swept at most this often, not on every event. */
const SWEEP_EVERY_MS = 10 * 60 * 1000;

export interface SqliteCoordinationOptions {
  databasePath: string;
  dataDir: string;
  /** How this process is named in a leadership lock file. */
  command: string;
  /** How often a standby tries to take a role over. @default 1000 */
  leadershipRetryMs?: number;
  /** How often listeners look for change notices. @default 500 */
  noticePollMs?: number;
}

/**
 * Coordination of processes on one data folder (one host): event keys in a table of the SQLite file
 * (`INSERT OR IGNORE`), roles as lock files beside the write lock, change notices as rows the listeners poll.
 * Its connection opens on first use, so a command that never coordinates (ask, search) writes nothing.
 */
export class SqliteCoordination implements Coordination {
  readonly #options: SqliteCoordinationOptions;
  readonly #notices: SqliteChangeNotices;
  readonly #leaderships = new Set<SqliteLeadership>();
  #database: Database.Database | undefined;
  #lastSweep = 0;

  constructor(options: SqliteCoordinationOptions) {
    this.#options = options;
    this.#notices = new SqliteChangeNotices(() => this.#connection(), randomUUID(), options.noticePollMs ?? 500);
  }

  async firstDelivery(key: string): Promise<boolean> {
    const database = this.#connection();
    const now = Date.now();
    if (now - this.#lastSweep > SWEEP_EVERY_MS) {
      this.#lastSweep = now;
      database.prepare('DELETE FROM processed_events WHERE seen_at < ?').run(now - PROCESSED_EVENT_TTL_MS);
    }
    return database.prepare('INSERT OR IGNORE INTO processed_events (key, seen_at) VALUES (?, ?)').run(key, now).changes === 1;
  }

  async leadership(role: string): Promise<Leadership> {
    const leadership = new SqliteLeadership(this.#options.dataDir, role, this.#options.command, this.#options.leadershipRetryMs ?? 1000);
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
    this.#notices.stop();
    for (const leadership of this.#leaderships) await leadership.release();
    this.#leaderships.clear();
    this.#database?.close();
    this.#database = undefined;
  }

  #connection(): Database.Database {
    this.#database ??= openSqliteDatabase(this.#options.databasePath, COORDINATION_SCHEMA);
    return this.#database;
  }
}

import type Database from 'better-sqlite3';
import { ChangeListeners } from './change-listeners.js';

/** Notices older than this are deleted: a process that has not polled for an hour reloads anyway. */
const KEEP_MS = 60 * 60 * 1000;

/**
 * Change notices between processes on one SQLite file: `notify` appends a row, and every listening process
 * polls for rows newer than the last it saw (SQLite has no LISTEN), skipping its own.
 */
export class SqliteChangeNotices {
  readonly #database: () => Database.Database;
  readonly #origin: string;
  readonly #pollMs: number;
  readonly #listeners = new ChangeListeners();
  #lastSeen = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(database: () => Database.Database, origin: string, pollMs: number) {
    this.#database = database;
    this.#origin = origin;
    this.#pollMs = pollMs;
  }

  async listen(topic: string, listener: () => void): Promise<() => void> {
    if (this.#timer === undefined) {
      // Only notices sent from now on count: what happened before, the listener loaded when it started.
      const row = this.#database().prepare('SELECT COALESCE(MAX(id), 0) AS id FROM change_notices').get() as { id: number };
      this.#lastSeen = row.id;
      this.#timer = setInterval(() => this.#poll(), this.#pollMs);
      this.#timer.unref();
    }
    const unsubscribe = this.#listeners.add(topic, listener);
    return () => {
      unsubscribe();
      if (this.#listeners.size === 0) this.stop();
    };
  }

  async notify(topic: string): Promise<void> {
    const now = Date.now();
    const database = this.#database();
    database.prepare('INSERT INTO change_notices (topic, origin, at) VALUES (?, ?, ?)').run(topic, this.#origin, now);
    database.prepare('DELETE FROM change_notices WHERE at < ?').run(now - KEEP_MS);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #poll(): void {
    let rows: { id: number; topic: string; origin: string }[];
    try {
      rows = this.#database().prepare('SELECT id, topic, origin FROM change_notices WHERE id > ? ORDER BY id').all(this.#lastSeen) as typeof rows;
    } catch {
      return; // busy or closing: the next poll sees the same rows
    }
    const topics = new Set<string>();
    for (const row of rows) {
      this.#lastSeen = row.id;
      if (row.origin !== this.#origin) topics.add(row.topic);
    }
    for (const topic of topics) this.#listeners.emit(topic);
  }
}

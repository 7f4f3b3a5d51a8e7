import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Opens one more connection to a storydesk database file (or an in-memory one) and creates a component's
 * tables if missing. WAL lets the article store, stories, claims and feed state each keep a connection.
 */
export function openSqliteDatabase(path: string, schema: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  try {
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    database.exec(schema);
  } catch (error) {
    database.close();
    throw error;
  }
  return database;
}

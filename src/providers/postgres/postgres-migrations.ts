import { readdirSync, readFileSync } from 'node:fs';
import type pg from 'pg';
import { advisoryLockKeys } from './postgres-lock-keys.js';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

/** A numbered SQL file under ./migrations, e.g. `0002-articles.sql`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations shipped with this version, in order. */
export function shippedMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((file) => /^\d{4}-[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 4)), name: file.slice(5, -4), sql: readFileSync(new URL(file, MIGRATIONS_DIR), 'utf8') }));
}

/**
 * Brings the schema up to date: each migration not yet applied runs in its own transaction and is recorded in
 * `schema_migrations`. Replicas starting together wait on one advisory lock, so each migration runs once.
 * A database migrated by a newer storydesk (a version this one does not know) is refused rather than guessed at.
 */
export async function migrate(pool: pg.Pool, migrations: Migration[] = shippedMigrations()): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [advisoryLockKeys.migrations]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const applied = new Set(
        (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version),
      );
      const known = new Set(migrations.map((migration) => migration.version));
      const unknown = [...applied].filter((version) => !known.has(version));
      if (unknown.length > 0) {
        throw new Error(`the database has migrations this storydesk does not know (${unknown.join(', ')}); upgrade storydesk`);
      }
      const ran: number[] = [];
      for (const migration of migrations) {
        if (applied.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw new Error(`migration ${migration.version} (${migration.name}) failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        ran.push(migration.version);
      }
      return ran;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [advisoryLockKeys.migrations]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}

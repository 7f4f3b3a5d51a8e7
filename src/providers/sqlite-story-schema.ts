import type Database from 'better-sqlite3';
import { StorydeskError } from '../core/errors.js';

/**
 * Numbered migrations of the story tables (stories, memberships, subscriptions, digest outbox), which live in
 * the article store's database file. The article store numbers its own in `PRAGMA user_version`; these are
 * numbered in `schema_versions` under 'stories'. Append new migrations; never edit one that has shipped.
 */
const storyMigrations: readonly string[] = [
  // 1: the tables as first shipped (IF NOT EXISTS: databases from before numbered migrations already have them).
  `
  CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    first_seen TEXT,
    last_seen TEXT,
    created_at TEXT NOT NULL,
    centroid BLOB NOT NULL,
    entity TEXT NOT NULL DEFAULT '{}',
    article_count INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX IF NOT EXISTS stories_last_seen ON stories(last_seen);
  CREATE TABLE IF NOT EXISTS story_articles (
    article_id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    similarity REAL NOT NULL,
    assigned_at TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    vector BLOB NOT NULL,
    entity TEXT NOT NULL DEFAULT '{}',
    published TEXT,
    seen_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles(story_id);
  CREATE TABLE IF NOT EXISTS subscriptions (
    id TEXT PRIMARY KEY,
    platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord', 'cli')),
    channel_id TEXT NOT NULL,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('story', 'query')),
    target TEXT NOT NULL,
    cron TEXT NOT NULL,
    timezone TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_digest_at TEXT,
    active INTEGER NOT NULL DEFAULT 1
  );
  CREATE INDEX IF NOT EXISTS subscriptions_channel ON subscriptions(platform, channel_id);
  CREATE TABLE IF NOT EXISTS digest_outbox (
    id TEXT PRIMARY KEY,
    subscription_id TEXT NOT NULL,
    window_key TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    created_at TEXT NOT NULL,
    sent_at TEXT,
    UNIQUE (subscription_id, window_key)
  );
  `,
  // 2: no CHECK on platform names, so a new chat platform needs no schema change. SQLite cannot drop a
  // constraint, so the table is rebuilt (nothing references it by foreign key).
  `
  CREATE TABLE subscriptions_rebuilt (
    id TEXT PRIMARY KEY,
    platform TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('story', 'query')),
    target TEXT NOT NULL,
    cron TEXT NOT NULL,
    timezone TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_digest_at TEXT,
    active INTEGER NOT NULL DEFAULT 1
  );
  INSERT INTO subscriptions_rebuilt (id, platform, channel_id, target_kind, target, cron, timezone, created_at, last_digest_at, active)
    SELECT id, platform, channel_id, target_kind, target, cron, timezone, created_at, last_digest_at, active FROM subscriptions;
  DROP TABLE subscriptions;
  ALTER TABLE subscriptions_rebuilt RENAME TO subscriptions;
  CREATE INDEX subscriptions_channel ON subscriptions(platform, channel_id);
  `,
  // 3: leases for processes sharing the database (docs/decisions/0009-replica-leases.md): a feed is claimed by one
  // poller at a time and not due again before next_poll_at; a digest window's row is leased to the one process
  // that builds and sends it. Times are epoch milliseconds. feed_state is created here if the feed poller's own
  // schema (sqlite-feed-state.ts) has not made it yet: the story tables are migrated first.
  `
  CREATE TABLE IF NOT EXISTS feed_state (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT,
    last_polled_at TEXT
  );
  ALTER TABLE feed_state ADD COLUMN next_poll_at INTEGER;
  ALTER TABLE feed_state ADD COLUMN lease_owner TEXT;
  ALTER TABLE feed_state ADD COLUMN lease_until INTEGER;
  ALTER TABLE digest_outbox ADD COLUMN lease_owner TEXT;
  ALTER TABLE digest_outbox ADD COLUMN lease_until INTEGER;
  `,
];

/** The story schema version this code writes. */
export const storySchemaVersion = storyMigrations.length;

/** Brings the story tables up to `storySchemaVersion` in one write transaction (a second process waits, then finds them done). */
export function migrateStoryTables(database: Database.Database): void {
  database.exec('CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID');
  const migrate = database.transaction(() => {
    const row = database.prepare("SELECT version FROM schema_versions WHERE component = 'stories'").get() as { version: number } | undefined;
    const current = row?.version ?? 0;
    if (current > storySchemaVersion) {
      throw new StorydeskError(
        'STORE_TOO_NEW',
        `The story tables have schema version ${current}, but this storydesk only knows up to ${storySchemaVersion}. Upgrade storydesk or use a fresh data directory.`,
      );
    }
    for (let version = current; version < storySchemaVersion; version += 1) database.exec(storyMigrations[version] ?? '');
    database
      .prepare("INSERT INTO schema_versions (component, version) VALUES ('stories', ?) ON CONFLICT (component) DO UPDATE SET version = excluded.version")
      .run(storySchemaVersion);
  });
  migrate.immediate();
}

import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteArticleStore } from '../../src/providers/sqlite-article-store.js';
import { sqliteStorageBackend } from '../../src/providers/sqlite-storage-backend.js';
import { storySchemaVersion } from '../../src/providers/sqlite-story-schema.js';
import { openStoryDatabase } from '../../src/providers/sqlite-story-store.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/** The story tables exactly as storydesk created them before they had numbered migrations. */
const SCHEMA_BEFORE_MIGRATIONS = `
CREATE TABLE IF NOT EXISTS stories (id TEXT PRIMARY KEY, title TEXT NOT NULL, first_seen TEXT, last_seen TEXT, created_at TEXT NOT NULL,
  centroid BLOB NOT NULL, entity TEXT NOT NULL DEFAULT '{}', article_count INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS stories_last_seen ON stories(last_seen);
CREATE TABLE IF NOT EXISTS story_articles (article_id TEXT PRIMARY KEY, story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  similarity REAL NOT NULL, assigned_at TEXT NOT NULL, content_hash TEXT NOT NULL, vector BLOB NOT NULL, entity TEXT NOT NULL DEFAULT '{}',
  published TEXT, seen_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles(story_id);
CREATE TABLE IF NOT EXISTS subscriptions (id TEXT PRIMARY KEY, platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord', 'cli')),
  channel_id TEXT NOT NULL, target_kind TEXT NOT NULL CHECK (target_kind IN ('story', 'query')), target TEXT NOT NULL, cron TEXT NOT NULL,
  timezone TEXT NOT NULL, created_at TEXT NOT NULL, last_digest_at TEXT, active INTEGER NOT NULL DEFAULT 1);
CREATE INDEX IF NOT EXISTS subscriptions_channel ON subscriptions(platform, channel_id);
CREATE TABLE IF NOT EXISTS digest_outbox (id TEXT PRIMARY KEY, subscription_id TEXT NOT NULL, window_key TEXT NOT NULL, payload TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')), created_at TEXT NOT NULL, sent_at TEXT, UNIQUE (subscription_id, window_key));
`;

const temp = makeTempDir('storydesk-story-migrations-');
afterAll(() => temp.remove());

describe('story table migrations on SQLite', () => {
  it('upgrades a database made before numbered migrations: rows kept, any platform name accepted', async () => {
    const dataDir = join(temp.path, 'old');
    const path = join(dataDir, 'storydesk.sqlite');
    SqliteArticleStore.open(path).close();
    const old = new Database(path);
    old.exec(SCHEMA_BEFORE_MIGRATIONS);
    old
      .prepare(`INSERT INTO subscriptions (id, platform, channel_id, target_kind, target, cron, timezone, created_at, last_digest_at, active)
        VALUES ('sub-1', 'discord', 'C1', 'query', 'tram line', '0 9 * * 1-5', 'UTC', '2031-01-01T00:00:00.000Z', '2031-01-02T09:00:00.000Z', 1)`)
      .run();
    old.prepare("INSERT INTO digest_outbox VALUES ('d1', 'sub-1', 'w1', '{\"a\":1}', 'sent', 'x', 'y')").run();
    expect(() => old.prepare("INSERT INTO subscriptions (id, platform, channel_id, target_kind, target, cron, timezone, created_at) VALUES ('x', 'matrix', 'c', 'query', 't', 'c', 'UTC', 'x')").run()).toThrow(/CHECK/);
    old.close();

    const storage = await sqliteStorageBackend.open({ dataDir, logger: pino({ level: 'silent' }) });
    try {
      expect(await storage.subscriptions.getSubscription('sub-1')).toMatchObject({ platform: 'discord', lastDigestAt: '2031-01-02T09:00:00.000Z', active: true });
      expect(await storage.subscriptions.getOutbox('sub-1', 'w1')).toMatchObject({ status: 'sent', payload: { a: 1 } });
      await storage.subscriptions.saveSubscription({
        id: 'sub-2',
        platform: 'matrix',
        channelId: '!room:example.org',
        targetKind: 'story',
        target: 'story-1',
        cron: '0 9 * * *',
        timezone: 'UTC',
        createdAt: '2031-01-03T00:00:00.000Z',
        lastDigestAt: null,
        active: true,
      });
      expect((await storage.subscriptions.listSubscriptions({ platform: 'matrix' })).map((row) => row.id)).toEqual(['sub-2']);
    } finally {
      await storage.close();
    }
    const upgraded = new Database(path);
    expect(upgraded.prepare("SELECT version FROM schema_versions WHERE component = 'stories'").pluck().get()).toBe(storySchemaVersion);
    expect(upgraded.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'subscriptions_channel'").pluck().get()).toBe(1);
    upgraded.close();
  });

  it('adds the lease columns to feed state and the digest outbox of a database at story version 2, keeping their rows', async () => {
    const dataDir = join(temp.path, 'version-2');
    const path = join(dataDir, 'storydesk.sqlite');
    SqliteArticleStore.open(path).close();
    const old = new Database(path);
    old.exec(SCHEMA_BEFORE_MIGRATIONS);
    old.exec(`CREATE TABLE feed_state (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, failures INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT, last_error TEXT, last_polled_at TEXT)`);
    old.prepare(`INSERT INTO feed_state (url, etag, failures) VALUES ('https://feeds.invalid/a.xml', '"v1"', 0)`).run();
    old.prepare("INSERT INTO digest_outbox VALUES ('d1', 'sub-1', 'w1', '{\"a\":1}', 'pending', 'x', NULL)").run();
    old.exec("CREATE TABLE schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID; INSERT INTO schema_versions VALUES ('stories', 2)");
    old.close();

    const storage = await sqliteStorageBackend.open({ dataDir, logger: pino({ level: 'silent' }) });
    try {
      const now = new Date('2031-01-01T00:00:00Z');
      const claimed = await storage.feeds.claimDueFeeds({ urls: ['https://feeds.invalid/a.xml'], owner: 'host:1:a', now, leaseMs: 1000, nextPollAt: now, limit: 5 });
      expect(claimed).toEqual([expect.objectContaining({ url: 'https://feeds.invalid/a.xml', etag: '"v1"' })]);
      expect(await storage.subscriptions.leaseOutbox('d1', { owner: 'host:1:a', now, leaseMs: 1000 })).toMatchObject({ id: 'd1', payload: { a: 1 } });
    } finally {
      await storage.close();
    }
  });

  it('migrates once: a second connection finds the tables current', () => {
    const path = join(temp.path, 'fresh', 'storydesk.sqlite');
    const first = openStoryDatabase(path);
    const second = openStoryDatabase(path);
    expect(second.prepare("SELECT version FROM schema_versions WHERE component = 'stories'").pluck().get()).toBe(storySchemaVersion);
    first.close();
    second.close();
  });

  it('refuses story tables written by a newer storydesk', () => {
    const path = join(temp.path, 'newer', 'storydesk.sqlite');
    openStoryDatabase(path).close();
    const database = new Database(path);
    database.prepare("UPDATE schema_versions SET version = ? WHERE component = 'stories'").run(storySchemaVersion + 1);
    database.close();
    expect(() => openStoryDatabase(path)).toThrow(expect.objectContaining({ code: 'STORE_TOO_NEW' }));
  });
});

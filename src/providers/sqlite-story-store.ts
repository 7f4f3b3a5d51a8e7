import type Database from 'better-sqlite3';
import type { StoryHead, StoryMembership, StoryRecord } from '../core/story.js';
import type { MemberStamp, StoryChanges, StoryStore } from '../core/story-store.js';
import { openSqliteDatabase } from './open-sqlite-database.js';
import { SqliteStatements } from './sqlite-statements.js';
import { migrateStoryTables } from './sqlite-story-schema.js';
import { type MembershipRow, STORY_HEAD_COLUMNS, type StoryHeadRow, type StoryRow, toMembership, toStory, toStoryHead } from './sqlite-story-rows.js';
import { encodeVector } from './sqlite-vector-encoding.js';

/** Memberships read per round trip while loading the clustering state. */
const MEMBERSHIP_PAGE = 512;
const STORY_ORDER = 'ORDER BY last_seen IS NULL, last_seen DESC, created_at DESC, id';

/** Opens a connection to the story tables in the database at `path` (or in memory), migrating them. */
export function openStoryDatabase(path: string): Database.Database {
  const database = openSqliteDatabase(path, '');
  try {
    migrateStoryTables(database);
  } catch (error) {
    database.close();
    throw error;
  }
  return database;
}

/** Stories and story membership on SQLite. */
export class SqliteStoryStore implements StoryStore {
  readonly #sql: SqliteStatements;

  /** Works on a connection whose story tables are migrated (see `openStoryDatabase`). */
  constructor(database: Database.Database) {
    this.#sql = new SqliteStatements(database);
  }

  async getStory(id: string): Promise<StoryRecord | null> {
    const row = this.#sql.get('SELECT * FROM stories WHERE id = ?').get(id) as StoryRow | undefined;
    return row ? toStory(row) : null;
  }

  async listStoryHeads(): Promise<StoryHead[]> {
    const rows = this.#sql.get(`SELECT ${STORY_HEAD_COLUMNS} FROM stories ${STORY_ORDER}`).all() as StoryHeadRow[];
    return rows.map(toStoryHead);
  }

  /** Pages by (seen_at, article_id), so the connection is free between pages. */
  async *scanMemberships(): AsyncIterable<StoryMembership> {
    const first = this.#sql.get('SELECT * FROM story_articles ORDER BY seen_at, article_id LIMIT ?');
    const next = this.#sql.get('SELECT * FROM story_articles WHERE (seen_at, article_id) > (?, ?) ORDER BY seen_at, article_id LIMIT ?');
    let rows = first.all(MEMBERSHIP_PAGE) as MembershipRow[];
    while (rows.length > 0) {
      for (const row of rows) yield toMembership(row);
      const last = rows.at(-1) as MembershipRow;
      if (rows.length < MEMBERSHIP_PAGE) return;
      rows = next.all(last.seen_at, last.article_id, MEMBERSHIP_PAGE) as MembershipRow[];
    }
  }

  async listMembers(storyId: string): Promise<StoryMembership[]> {
    const rows = this.#sql.get('SELECT * FROM story_articles WHERE story_id = ? ORDER BY seen_at, article_id').all(storyId) as MembershipRow[];
    return rows.map(toMembership);
  }

  async memberStamps(articleIds: string[]): Promise<Map<string, MemberStamp>> {
    const rows = this.#sql
      .get('SELECT article_id, story_id, content_hash, assigned_at FROM story_articles WHERE article_id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(articleIds)) as { article_id: string; story_id: string; content_hash: string; assigned_at: string }[];
    return new Map(rows.map((row) => [row.article_id, { storyId: row.story_id, contentHash: row.content_hash, assignedAt: row.assigned_at }]));
  }

  async storyIdsByArticle(): Promise<Map<string, string>> {
    const rows = this.#sql.get('SELECT article_id, story_id FROM story_articles').all() as { article_id: string; story_id: string }[];
    return new Map(rows.map((row) => [row.article_id, row.story_id]));
  }

  async contentHashesByArticle(): Promise<Map<string, string>> {
    const rows = this.#sql.get('SELECT article_id, content_hash FROM story_articles').all() as { article_id: string; content_hash: string }[];
    return new Map(rows.map((row) => [row.article_id, row.content_hash]));
  }

  async articleIdsByStory(): Promise<Map<string, string[]>> {
    const rows = this.#sql.get('SELECT article_id, story_id FROM story_articles ORDER BY seen_at, article_id').all() as {
      article_id: string;
      story_id: string;
    }[];
    const byStory = new Map<string, string[]>();
    for (const row of rows) {
      const list = byStory.get(row.story_id);
      if (list) list.push(row.article_id);
      else byStory.set(row.story_id, [row.article_id]);
    }
    return byStory;
  }

  async apply(changes: StoryChanges): Promise<void> {
    const removeArticle = this.#sql.get('DELETE FROM story_articles WHERE article_id = ?');
    const deleteMembers = this.#sql.get('DELETE FROM story_articles WHERE story_id = ?');
    const deleteStory = this.#sql.get('DELETE FROM stories WHERE id = ?');
    const saveStory = this.#sql.get(
      `INSERT INTO stories (id, title, first_seen, last_seen, created_at, centroid, entity, article_count)
       VALUES (@id, @title, @firstSeen, @lastSeen, @createdAt, @centroid, @entity, @articleCount)
       ON CONFLICT(id) DO UPDATE SET title = excluded.title, first_seen = excluded.first_seen, last_seen = excluded.last_seen,
         centroid = excluded.centroid, entity = excluded.entity, article_count = excluded.article_count`,
    );
    const assign = this.#sql.get(
      `INSERT OR REPLACE INTO story_articles (article_id, story_id, similarity, assigned_at, content_hash, vector, entity, published, seen_at)
       VALUES (@articleId, @storyId, @similarity, @assignedAt, @contentHash, @vector, @entity, @published, @seenAt)`,
    );
    this.#sql.database
      .transaction(() => {
        for (const id of changes.removedArticles ?? []) removeArticle.run(id);
        for (const id of changes.deletedStories ?? []) {
          deleteMembers.run(id);
          deleteStory.run(id);
        }
        for (const story of changes.savedStories ?? []) {
          saveStory.run({ ...story, centroid: encodeVector(story.centroid), entity: JSON.stringify(story.entities) });
        }
        for (const member of changes.assigned ?? []) {
          assign.run({ ...member, vector: encodeVector(member.vector), entity: JSON.stringify(member.entities) });
        }
      })
      .immediate();
  }
}

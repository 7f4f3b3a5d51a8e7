import type pg from 'pg';
import type { StoryHead, StoryMembership, StoryRecord } from '../../core/story.js';
import type { MemberStamp, StoryChanges, StoryStore } from '../../core/story-store.js';
import { type MembershipRow, STORY_HEAD_COLUMNS, type StoryHeadRow, type StoryRow, toMembership, toStory, toStoryHead } from '../sqlite-story-rows.js';
import { encodeVector } from '../sqlite-vector-encoding.js';
import { inTransaction } from './postgres-pool.js';

/** Memberships read per round trip while loading the clustering state. */
const membershipPage = 512;
/** The order of SQLite's story list: most recently active first, undated last, then newest created, then id. */
const storyOrder = 'ORDER BY last_seen IS NULL, last_seen DESC, created_at DESC, id';

/**
 * Stories and story membership on PostgreSQL (migration 0003). Rows have the shapes of SQLite's (the same
 * vector bytes, JSON text, byte-wise ordering), so both backends map them with the same functions.
 */
export class PostgresStoryStore implements StoryStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async getStory(id: string): Promise<StoryRecord | null> {
    const { rows } = await this.#pool.query<StoryRow>('SELECT * FROM stories WHERE id = $1', [id]);
    return rows[0] === undefined ? null : toStory(rows[0]);
  }

  async listStoryHeads(): Promise<StoryHead[]> {
    const { rows } = await this.#pool.query<StoryHeadRow>(`SELECT ${STORY_HEAD_COLUMNS} FROM stories ${storyOrder}`);
    return rows.map(toStoryHead);
  }

  /** Pages by (seen_at, article_id), so no connection is held between pages. */
  async *scanMemberships(): AsyncIterable<StoryMembership> {
    let after: MembershipRow | undefined;
    for (;;) {
      const { rows } =
        after === undefined
          ? await this.#pool.query<MembershipRow>('SELECT * FROM story_articles ORDER BY seen_at, article_id LIMIT $1', [membershipPage])
          : await this.#pool.query<MembershipRow>(
              'SELECT * FROM story_articles WHERE (seen_at, article_id) > ($1, $2) ORDER BY seen_at, article_id LIMIT $3',
              [after.seen_at, after.article_id, membershipPage],
            );
      for (const row of rows) yield toMembership(row);
      if (rows.length < membershipPage) return;
      after = rows.at(-1);
    }
  }

  async listMembers(storyId: string): Promise<StoryMembership[]> {
    const { rows } = await this.#pool.query<MembershipRow>('SELECT * FROM story_articles WHERE story_id = $1 ORDER BY seen_at, article_id', [storyId]);
    return rows.map(toMembership);
  }

  async memberStamps(articleIds: string[]): Promise<Map<string, MemberStamp>> {
    const { rows } = await this.#pool.query<{ article_id: string; story_id: string; content_hash: string; assigned_at: string }>(
      'SELECT article_id, story_id, content_hash, assigned_at FROM story_articles WHERE article_id = ANY($1::text[])',
      [articleIds],
    );
    return new Map(rows.map((row) => [row.article_id, { storyId: row.story_id, contentHash: row.content_hash, assignedAt: row.assigned_at }]));
  }

  async storyIdsByArticle(): Promise<Map<string, string>> {
    const { rows } = await this.#pool.query<{ article_id: string; story_id: string }>('SELECT article_id, story_id FROM story_articles');
    return new Map(rows.map((row) => [row.article_id, row.story_id]));
  }

  async contentHashesByArticle(): Promise<Map<string, string>> {
    const { rows } = await this.#pool.query<{ article_id: string; content_hash: string }>('SELECT article_id, content_hash FROM story_articles');
    return new Map(rows.map((row) => [row.article_id, row.content_hash]));
  }

  async articleIdsByStory(): Promise<Map<string, string[]>> {
    const { rows } = await this.#pool.query<{ article_id: string; story_id: string }>(
      'SELECT article_id, story_id FROM story_articles ORDER BY seen_at, article_id',
    );
    const byStory = new Map<string, string[]>();
    for (const row of rows) {
      const list = byStory.get(row.story_id);
      if (list) list.push(row.article_id);
      else byStory.set(row.story_id, [row.article_id]);
    }
    return byStory;
  }

  /**
   * One transaction, one statement per kind of change (arrays through unnest rather than a round trip per row).
   * A row listed twice keeps its last version, as SQLite's row-by-row replace does.
   */
  async apply(changes: StoryChanges): Promise<void> {
    const removed = changes.removedArticles ?? [];
    const deleted = changes.deletedStories ?? [];
    const saved = lastOfEach(changes.savedStories ?? [], (story) => story.id);
    const assigned = lastOfEach(changes.assigned ?? [], (member) => member.articleId);
    await inTransaction(this.#pool, async (client) => {
      if (removed.length > 0) await client.query('DELETE FROM story_articles WHERE article_id = ANY($1::text[])', [removed]);
      if (deleted.length > 0) await client.query('DELETE FROM stories WHERE id = ANY($1::text[])', [deleted]);
      if (saved.length > 0) {
        await client.query(
          `INSERT INTO stories (id, title, first_seen, last_seen, created_at, centroid, entity, article_count)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bytea[], $7::text[], $8::integer[])
           ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_seen = excluded.first_seen, last_seen = excluded.last_seen,
             centroid = excluded.centroid, entity = excluded.entity, article_count = excluded.article_count`,
          [
            saved.map((story) => story.id),
            saved.map((story) => story.title),
            saved.map((story) => story.firstSeen),
            saved.map((story) => story.lastSeen),
            saved.map((story) => story.createdAt),
            saved.map((story) => encodeVector(story.centroid)),
            saved.map((story) => JSON.stringify(story.entities)),
            saved.map((story) => story.articleCount),
          ],
        );
      }
      if (assigned.length > 0) {
        await client.query(
          `INSERT INTO story_articles (article_id, story_id, similarity, assigned_at, content_hash, vector, entity, published, seen_at)
           SELECT * FROM unnest($1::text[], $2::text[], $3::float8[], $4::text[], $5::text[], $6::bytea[], $7::text[], $8::text[], $9::text[])
           ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, similarity = excluded.similarity, assigned_at = excluded.assigned_at,
             content_hash = excluded.content_hash, vector = excluded.vector, entity = excluded.entity, published = excluded.published, seen_at = excluded.seen_at`,
          [
            assigned.map((member) => member.articleId),
            assigned.map((member) => member.storyId),
            assigned.map((member) => member.similarity),
            assigned.map((member) => member.assignedAt),
            assigned.map((member) => member.contentHash),
            assigned.map((member) => encodeVector(member.vector)),
            assigned.map((member) => JSON.stringify(member.entities)),
            assigned.map((member) => member.published),
            assigned.map((member) => member.seenAt),
          ],
        );
      }
    });
  }
}

/** The items with distinct keys, each the last given with its key (ON CONFLICT cannot touch a row twice in one statement). */
function lastOfEach<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

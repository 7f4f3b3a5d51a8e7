import type Database from 'better-sqlite3';
import type { Claim, Hedge, HolderKind } from '../core/claim.js';
import type { ClaimSource, ClaimStore } from '../core/claim-store.js';
import { openSqliteDatabase } from './open-sqlite-database.js';

/**
 * Claims live in the article store's database file, next to their articles, so deleting an article deletes
 * its claims (the article store's connection enforces the foreign key). An article with no claims keeps one
 * row with start = -1, so it is not read again. Rows are keyed by the article's content hash and the claim
 * reader's version, so an edited article or new reading rules mean reading it again.
 */
const CLAIM_SCHEMA = `
CREATE TABLE IF NOT EXISTS claims (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  content_hash TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  hedge TEXT NOT NULL,
  holder TEXT,
  holder_kind TEXT NOT NULL,
  verb TEXT,
  via TEXT,
  PRIMARY KEY (article_id, start)
) WITHOUT ROWID;
`;

interface ClaimRow {
  content_hash: string;
  start: number;
  end: number;
  hedge: Hedge;
  holder: string | null;
  holder_kind: HolderKind;
  verb: string | null;
  via: string | null;
}

const NO_CLAIMS = -1;

/** What a row's `content_hash` holds: the article version and the claim reader version it was read with. */
function readKey(contentHash: string, readerVersion: number): string {
  return `${contentHash}@claims${readerVersion}`;
}

/** Claims with their sentence offsets, attribution and hedge, on SQLite. */
export class SqliteClaimStore implements ClaimStore {
  readonly #database: Database.Database;

  private constructor(database: Database.Database) {
    this.#database = database;
  }

  /** Opens the claims table in the database at `path` (creating it if missing). */
  static open(path: string): SqliteClaimStore {
    return new SqliteClaimStore(openSqliteDatabase(path, CLAIM_SCHEMA));
  }

  async getClaims(article: ClaimSource, readerVersion: number): Promise<Claim[] | null> {
    const rows = this.#database.prepare('SELECT * FROM claims WHERE article_id = ? ORDER BY start').all(article.id) as ClaimRow[];
    const key = readKey(article.contentHash, readerVersion);
    if (rows.length === 0 || rows.some((row) => row.content_hash !== key)) return null;
    return rows
      .filter((row) => row.start !== NO_CLAIMS)
      .map((row) => ({
        start: row.start,
        end: row.end,
        text: article.body.slice(row.start, row.end),
        hedge: row.hedge,
        attribution: { holder: row.holder, kind: row.holder_kind, verb: row.verb, via: row.via },
      }));
  }

  async putClaims(article: ClaimSource, readerVersion: number, claims: Claim[]): Promise<void> {
    const insert = this.#database.prepare(
      'INSERT INTO claims (article_id, content_hash, start, "end", hedge, holder, holder_kind, verb, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.#database
      .transaction(() => {
        // The article may have been edited or removed by the ingest since it was read: store nothing then.
        const current = this.#database.prepare('SELECT content_hash FROM articles WHERE id = ?').get(article.id) as { content_hash: string } | undefined;
        if (current?.content_hash !== article.contentHash) return;
        this.#database.prepare('DELETE FROM claims WHERE article_id = ?').run(article.id);
        const key = readKey(article.contentHash, readerVersion);
        if (claims.length === 0) insert.run(article.id, key, NO_CLAIMS, NO_CLAIMS, 'asserted', null, 'outlet', null, null);
        for (const { start, end, hedge, attribution } of claims) {
          insert.run(article.id, key, start, end, hedge, attribution.holder, attribution.kind, attribution.verb, attribution.via);
        }
      })
      .immediate();
  }

  close(): void {
    this.#database.close();
  }
}

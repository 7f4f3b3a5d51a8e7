import type Database from 'better-sqlite3';
import { StorydeskError } from '../core/errors.js';

/**
 * How the BM25 index tokenizes, as migration 1 below spells it (migrations stay literal: a shipped one never
 * changes). Anything that must match the index's terms, such as the embedder's hard-negative mining, uses this.
 */
export const FTS_TOKENIZER = 'porter unicode61 remove_diacritics 2';

/**
 * Schema migrations for the article store, applied in order and recorded in `PRAGMA user_version`.
 * Append new migrations; never edit one that has shipped, since existing stores have already run it.
 */
const migrations: readonly string[] = [
  // 1: articles, passages, vectors, embedding cache and the BM25 index.
  `
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    title_derived INTEGER NOT NULL,
    body TEXT NOT NULL,
    source TEXT,
    url TEXT,
    published TEXT,
    author TEXT,
    origin TEXT NOT NULL,
    origin_file TEXT,
    content_hash TEXT NOT NULL,
    ingested_at TEXT NOT NULL
  );
  CREATE INDEX articles_origin_file ON articles (origin_file);
  CREATE INDEX articles_published ON articles (published);

  -- AUTOINCREMENT so a passage id (also its vector-index label) is never handed out twice,
  -- even after the newest article is deleted; a stale index can then never alias a new passage.
  CREATE TABLE passages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    sentences TEXT NOT NULL,
    UNIQUE (article_id, ordinal)
  );

  CREATE TABLE passage_vectors (
    passage_id INTEGER PRIMARY KEY REFERENCES passages (id) ON DELETE CASCADE,
    vector BLOB NOT NULL
  );

  -- A rowid table with a separate key index (not WITHOUT ROWID): index b-tree rows spill anything over
  -- about a quarter page into overflow pages, which would cost a whole extra page per cached vector.
  CREATE TABLE embedding_cache (
    text_hash TEXT NOT NULL,
    embedder_id TEXT NOT NULL,
    vector BLOB NOT NULL
  );
  CREATE UNIQUE INDEX embedding_cache_key ON embedding_cache (text_hash, embedder_id);

  -- Contentless (the text lives in passages) with contentless_delete so plain DELETE works.
  -- The title column makes headline words count for every passage of the article.
  CREATE VIRTUAL TABLE passages_fts USING fts5 (
    title, text,
    content = '', contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
  );

  -- Triggers keep the FTS rows in step with passages on every path, including ON DELETE CASCADE.
  CREATE TRIGGER passages_fts_insert AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts (rowid, title, text)
    VALUES (new.id, (SELECT title FROM articles WHERE id = new.article_id), new.text);
  END;
  CREATE TRIGGER passages_fts_delete AFTER DELETE ON passages BEGIN
    DELETE FROM passages_fts WHERE rowid = old.id;
  END;

  INSERT INTO meta (key, value) VALUES ('generation', '0');
  `,
];

/** The schema version this code writes; a store newer than this is refused rather than misread. */
export const schemaVersion = migrations.length;

/** Sets the connection pragmas and brings the schema up to `schemaVersion` in one transaction. */
export function prepareDatabase(database: Database.Database): void {
  // Only takes effect on a new, empty file. A 2 KiB vector row (512-d Float32) fills a 4 KiB page on its own,
  // because two do not fit; 16 KiB pages hold seven, which cut a 1,284-article store from 241 to 153 MB (measured).
  database.pragma('page_size = 16384');
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');

  const current = database.pragma('user_version', { simple: true }) as number;
  if (current > schemaVersion) {
    throw new StorydeskError(
      'STORE_TOO_NEW',
      `The article store has schema version ${current}, but this storydesk only knows up to ${schemaVersion}. Upgrade storydesk or use a fresh data directory.`,
    );
  }
  if (current === schemaVersion) return;

  const migrate = database.transaction(() => {
    for (let version = current; version < schemaVersion; version += 1) {
      const sql = migrations[version];
      if (sql !== undefined) database.exec(sql);
    }
    database.pragma(`user_version = ${schemaVersion}`);
  });
  migrate.immediate();
}

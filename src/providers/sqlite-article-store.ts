import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Article, ArticleMeta } from '../core/article.js';
import type { ArticleStore, ArticleWrite, ArticleWriteResult, EmbedderInfo, LexicalHit, StoredArticleRef } from '../core/article-store.js';
import type { Passage, PassageDraft } from '../core/passage.js';
import { type PassageWindow, passageRanges } from '../core/passage-window.js';
import { checkArticleWrite } from './check-article-write.js';
import type { SearchFilters } from '../core/search.js';
import type { VectorFilter } from '../core/vector-index.js';
import {
  type ArticleMetaRow,
  type ArticleRefRow,
  type ArticleRow,
  encodeSentences,
  filterClause,
  type PassageRow,
  toArticle,
  toArticleMeta,
  toArticleRef,
  toPassage,
} from './sqlite-article-rows.js';
import { toSafeFtsQuery } from './sqlite-fts-query.js';
import { prepareDatabase } from './sqlite-schema.js';
import { decodeVector, encodeVector, hashPassageText } from './sqlite-vector-encoding.js';

/** Options for opening the store. */
export interface SqliteArticleStoreOptions {
  /** BM25 weight of the article title relative to the passage text. @default 1 */
  titleWeight?: number;
}

/** Rows fetched per round trip when streaming vectors, so a rebuild never holds the connection busy. */
const vectorPageSize = 512;

/** The article store on SQLite: the source of truth for articles, passages, vectors and the BM25 index. */
export class SqliteArticleStore implements ArticleStore {
  private readonly database: Database.Database;
  private readonly titleWeight: number;
  private readonly statementCache = new Map<string, Database.Statement>();

  private constructor(database: Database.Database, options: SqliteArticleStoreOptions) {
    this.database = database;
    this.titleWeight = options.titleWeight ?? 1;
  }

  /** Opens (creating if needed) the store at `path`, or in memory for `':memory:'`, migrating its schema. */
  static open(path: string, options: SqliteArticleStoreOptions = {}): SqliteArticleStore {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const database = new Database(path);
    try {
      prepareDatabase(database);
    } catch (error) {
      database.close();
      throw error;
    }
    return new SqliteArticleStore(database, options);
  }

  async getEmbedderInfo(): Promise<EmbedderInfo | null> {
    return this.embedderInfo();
  }

  private embedderInfo(): EmbedderInfo | null {
    const id = this.readMeta('embedder_id');
    const dimension = this.readMeta('embedder_dimension');
    if (id === null || dimension === null) return null;
    return { id, dimension: Number(dimension) };
  }

  async setEmbedderInfo(info: EmbedderInfo): Promise<void> {
    this.database.transaction(() => {
      const current = this.embedderInfo();
      if (current?.id === info.id && current.dimension === info.dimension) return;
      this.writeMeta('embedder_id', info.id);
      this.writeMeta('embedder_dimension', String(info.dimension));
      this.bumpGeneration();
    })();
  }

  /** A counter bumped by every write transaction; the vector index sidecar records the value it was saved at. */
  getGeneration(): number {
    return Number(this.readMeta('generation') ?? '0');
  }

  async getArticleRef(id: string): Promise<StoredArticleRef | null> {
    const row = this.statement('SELECT id, content_hash, origin, origin_file FROM articles WHERE id = ?').get(id) as
      | ArticleRefRow
      | undefined;
    return row === undefined ? null : toArticleRef(row);
  }

  async listArticleRefsUnder(path: string): Promise<StoredArticleRef[]> {
    // Compare prefixes rather than LIKE, whose % and _ wildcards can appear in real file names.
    const folder = path.length > 1 ? path.replace(/\/+$/u, '') : path;
    const rows = this.statement(
      `SELECT id, content_hash, origin, origin_file FROM articles
       WHERE origin_file = @folder OR substr(origin_file, 1, length(@prefix)) = @prefix ORDER BY id`,
    ).all({ folder, prefix: folder.endsWith('/') ? folder : `${folder}/` }) as ArticleRefRow[];
    return rows.map(toArticleRef);
  }

  async listArticleRefs(): Promise<StoredArticleRef[]> {
    const rows = this.statement('SELECT id, content_hash, origin, origin_file FROM articles ORDER BY id').all() as ArticleRefRow[];
    return rows.map(toArticleRef);
  }

  /**
   * Inserts or replaces articles in one transaction. A replaced article keeps its first `ingestedAt`; each
   * vector is also cached under its text hash and the store's current embedder (see setEmbedderInfo).
   */
  async putArticles(writes: ArticleWrite[]): Promise<ArticleWriteResult[]> {
    const embedder = this.embedderInfo();
    for (const write of writes) checkArticleWrite(embedder, write);
    const write = this.database.transaction(() => writes.map(({ article, passages, vectors }) => this.writeArticle(embedder, article, passages, vectors)));
    return write.immediate();
  }

  private writeArticle(embedder: EmbedderInfo | null, article: Article, passages: PassageDraft[], vectors: number[][]): ArticleWriteResult {
    const removedPassageIds = this.passageIdsOf(article.id);
    this.statement('DELETE FROM passages WHERE article_id = ?').run(article.id);
    // Upsert rather than delete + insert so the first ingestion time survives a replace.
    this.statement(
      `INSERT INTO articles (id, title, title_derived, body, source, url, published, author, origin, origin_file, content_hash, ingested_at)
       VALUES (@id, @title, @titleDerived, @body, @source, @url, @published, @author, @origin, @originFile, @contentHash, @ingestedAt)
       ON CONFLICT (id) DO UPDATE SET title = excluded.title, title_derived = excluded.title_derived, body = excluded.body,
         source = excluded.source, url = excluded.url, published = excluded.published, author = excluded.author,
         origin = excluded.origin, origin_file = excluded.origin_file, content_hash = excluded.content_hash`,
    ).run({ ...article, titleDerived: article.titleDerived ? 1 : 0 });

    const insertPassage = this.statement(
      'INSERT INTO passages (article_id, ordinal, start, "end", text, sentences) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const insertVector = this.statement('INSERT INTO passage_vectors (passage_id, vector) VALUES (?, ?)');
    const insertCache = this.statement(
      'INSERT OR REPLACE INTO embedding_cache (text_hash, embedder_id, vector) VALUES (?, ?, ?)',
    );
    const stored: Passage[] = passages.map((draft, index) => {
      const result = insertPassage.run(article.id, draft.ordinal, draft.start, draft.end, draft.text, encodeSentences(draft.sentences));
      const id = Number(result.lastInsertRowid);
      const blob = encodeVector(vectors[index] ?? []);
      insertVector.run(id, blob);
      if (embedder !== null) insertCache.run(hashPassageText(draft.text), embedder.id, blob);
      return { ...draft, sentences: draft.sentences.map((sentence) => ({ ...sentence })), id, articleId: article.id };
    });
    this.bumpGeneration();
    return { passages: stored, removedPassageIds };
  }

  async deleteArticle(id: string): Promise<number[]> {
    const remove = this.database.transaction(() => {
      const passageIds = this.passageIdsOf(id);
      const result = this.statement('DELETE FROM articles WHERE id = ?').run(id);
      if (result.changes > 0) this.bumpGeneration();
      return passageIds;
    });
    return remove.immediate();
  }

  async getArticle(id: string): Promise<Article | null> {
    const row = this.statement('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
    return row === undefined ? null : toArticle(row);
  }

  async getArticleMetas(ids: string[]): Promise<Map<string, ArticleMeta>> {
    const rows = this.statement(
      'SELECT id, title, source, url, published FROM articles WHERE id IN (SELECT value FROM json_each(?))',
    ).all(JSON.stringify(ids)) as ArticleMetaRow[];
    return new Map(rows.map((row) => [row.id, toArticleMeta(row)]));
  }

  /** Passages in the order of `ids`; unknown ids are skipped. */
  async getPassages(ids: number[]): Promise<Passage[]> {
    const rows = this.statement('SELECT * FROM passages WHERE id IN (SELECT value FROM json_each(?))').all(
      JSON.stringify(ids),
    ) as PassageRow[];
    const byId = new Map(rows.map((row) => [row.id, toPassage(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async getArticlePassages(articleId: string, near?: PassageWindow): Promise<Passage[]> {
    if (near === undefined) return (this.statement('SELECT * FROM passages WHERE article_id = ? ORDER BY ordinal').all(articleId) as PassageRow[]).map(toPassage);
    // One range read on the (article_id, ordinal) index per disjoint range, ascending, so rows stay in ordinal order.
    const range = this.statement('SELECT * FROM passages WHERE article_id = ? AND ordinal BETWEEN ? AND ? ORDER BY ordinal');
    return passageRanges(near).flatMap(([from, to]) => (range.all(articleId, from, to) as PassageRow[]).map(toPassage));
  }

  async lexicalSearch(query: string, k: number, filters?: SearchFilters): Promise<LexicalHit[]> {
    const match = toSafeFtsQuery(query);
    if (match === null || k <= 0) return [];
    const filter = filterClause(filters);
    const join = filter === null ? '' : 'JOIN passages p ON p.id = passages_fts.rowid JOIN articles a ON a.id = p.article_id';
    const rows = this.statement(
      `SELECT passages_fts.rowid AS passageId, bm25(passages_fts, @titleWeight, 1.0) AS rank
       FROM passages_fts ${join}
       WHERE passages_fts MATCH @match ${filter === null ? '' : `AND ${filter.sql}`}
       ORDER BY rank LIMIT @k`,
    ).all({ ...filter?.parameters, match, k: Math.floor(k), titleWeight: this.titleWeight }) as {
      passageId: number;
      rank: number;
    }[];
    // FTS5's bm25() is lower-is-better; the port promises higher-is-better.
    return rows.map((row) => ({ passageId: row.passageId, score: -row.rank }));
  }

  async documentFrequencies(words: string[]): Promise<{ passages: number; counts: Map<string, number> }> {
    const count = this.statement('SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?').pluck();
    const counts = new Map<string, number>();
    for (const word of new Set(words)) {
      const match = toSafeFtsQuery(word);
      counts.set(word, match === null ? 0 : (count.get(match) as number));
    }
    return { passages: this.passageCount(), counts };
  }

  /** Passage ids that pass the filters (SQLite-only: the hnswlib index filters its labels by them). Null when no filter is set. */
  passageIdsMatching(filters: VectorFilter | undefined): Set<number> | null {
    const filter = filterClause(filters);
    if (filter === null) return null;
    const rows = this.statement(`SELECT p.id FROM passages p JOIN articles a ON a.id = p.article_id WHERE ${filter.sql}`)
      .pluck()
      .all(filter.parameters) as number[];
    return new Set(rows);
  }

  async getCachedVectors(textHashes: string[], embedderId: string): Promise<Map<string, number[]>> {
    const rows = this.statement(
      'SELECT text_hash, vector FROM embedding_cache WHERE embedder_id = ? AND text_hash IN (SELECT value FROM json_each(?))',
    ).all(embedderId, JSON.stringify(textHashes)) as { text_hash: string; vector: Buffer }[];
    return new Map(rows.map((row) => [row.text_hash, decodeVector(row.vector)]));
  }

  /** Every stored vector in passage-id order, a page at a time. */
  async *scanVectors(): AsyncIterable<{ passageId: number; vector: number[] }> {
    yield* this.iterateVectors();
  }

  /** `scanVectors` on this thread (the hnswlib rebuild runs synchronously); callers may use the store while iterating. */
  *iterateVectors(): Iterable<{ passageId: number; vector: number[] }> {
    const page = this.statement('SELECT passage_id, vector FROM passage_vectors WHERE passage_id > ? ORDER BY passage_id LIMIT ?');
    let after = -1;
    for (;;) {
      const rows = page.all(after, vectorPageSize) as { passage_id: number; vector: Buffer }[];
      for (const row of rows) yield { passageId: row.passage_id, vector: decodeVector(row.vector) };
      const last = rows.at(-1);
      if (last === undefined || rows.length < vectorPageSize) return;
      after = last.passage_id;
    }
  }

  /** Every passage id, ascending. */
  passageIds(): number[] {
    return this.statement('SELECT id FROM passages ORDER BY id').pluck().all() as number[];
  }

  /** Ids of passages that have a stored vector, ascending: exactly the labels a consistent index holds. */
  vectorPassageIds(): number[] {
    return this.statement('SELECT passage_id FROM passage_vectors ORDER BY passage_id').pluck().all() as number[];
  }

  async counts(): Promise<{ articles: number; passages: number }> {
    return this.statement(
      'SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM passages) AS passages',
    ).get() as { articles: number; passages: number };
  }

  private passageCount(): number {
    return this.statement('SELECT count(*) FROM passages').pluck().get() as number;
  }

  close(): void {
    if (this.database.open) this.database.close();
  }

  private passageIdsOf(articleId: string): number[] {
    return this.statement('SELECT id FROM passages WHERE article_id = ? ORDER BY id').pluck().all(articleId) as number[];
  }

  private bumpGeneration(): void {
    this.statement("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'").run();
  }

  private readMeta(key: string): string | null {
    const value = this.statement('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
    return value ?? null;
  }

  private writeMeta(key: string, value: string): void {
    this.statement('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** Prepared statements are cached by SQL text; the filter variants are few. */
  private statement(sql: string): Database.Statement {
    let statement = this.statementCache.get(sql);
    if (statement === undefined) {
      statement = this.database.prepare(sql);
      this.statementCache.set(sql, statement);
    }
    return statement;
  }
}

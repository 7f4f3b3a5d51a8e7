import type pg from 'pg';
import type { Article, ArticleMeta } from '../../core/article.js';
import type { ArticleStore, ArticleWrite, ArticleWriteResult, EmbedderInfo, LexicalHit, StoredArticleRef } from '../../core/article-store.js';
import type { Passage } from '../../core/passage.js';
import { type PassageWindow, passageRanges } from '../../core/passage-window.js';
import type { SearchFilters } from '../../core/search.js';
import { hashPassageText } from '../sqlite-vector-encoding.js';
import { checkArticleWrite } from '../check-article-write.js';
import {
  type ArticleMetaRow,
  type ArticleRefRow,
  type ArticleRow,
  passageColumns,
  type PassageRow,
  parseVector,
  sentencesLiteral,
  toArticle,
  toArticleMeta,
  toArticleRef,
  toPassage,
  vectorLiteral,
} from './postgres-article-rows.js';
import { createVectorIndexFor } from './postgres-hnsw-indexes.js';
import { type LexicalSearchOptions, searchPassages } from './postgres-lexical-search.js';
import { inTransaction } from './postgres-pool.js';
import { LexemeStatistics } from './postgres-lexeme-statistics.js';
import { anyOfQuery, searchTerms, searchVectorLiteral } from './postgres-search-terms.js';

/** Rows fetched per round trip when streaming vectors. */
const vectorPageSize = 512;

/**
 * The article store on PostgreSQL + pgvector: articles, passages with their full-text vectors, passage vectors
 * (the same rows the pgvector index searches, see PostgresVectorIndex) and the embedding cache. Any number of
 * processes may write at once: writes of the same article serialize on its row lock.
 */
export class PostgresArticleStore implements ArticleStore {
  readonly #pool: pg.Pool;
  readonly #lexical: LexicalSearchOptions;
  readonly #statistics: LexemeStatistics;

  constructor(pool: pg.Pool, lexical: LexicalSearchOptions = {}) {
    this.#pool = pool;
    this.#lexical = lexical;
    this.#statistics = new LexemeStatistics(pool);
  }

  async getEmbedderInfo(): Promise<EmbedderInfo | null> {
    return readEmbedder(this.#pool);
  }

  /**
   * Records the embedder and makes sure an HNSW index exists for its dimension (indexes of other dimensions
   * are dropped: their vectors are about to be re-embedded). Concurrent callers serialize on the table lock.
   */
  async setEmbedderInfo(info: EmbedderInfo): Promise<void> {
    await inTransaction(this.#pool, async (client) => {
      await client.query('LOCK TABLE article_embedder IN EXCLUSIVE MODE');
      const current = await readEmbedder(client);
      if (current?.id !== info.id || current.dimension !== info.dimension) {
        await client.query(
          `INSERT INTO article_embedder (singleton, embedder_id, dimension) VALUES (true, $1, $2)
           ON CONFLICT (singleton) DO UPDATE SET embedder_id = excluded.embedder_id, dimension = excluded.dimension`,
          [info.id, info.dimension],
        );
      }
      await createVectorIndexFor(client, info.dimension);
    });
  }

  async getArticleRef(id: string): Promise<StoredArticleRef | null> {
    const { rows } = await this.#pool.query<ArticleRefRow>('SELECT id, content_hash, origin, origin_file FROM articles WHERE id = $1', [id]);
    return rows[0] === undefined ? null : toArticleRef(rows[0]);
  }

  async listArticleRefsUnder(path: string): Promise<StoredArticleRef[]> {
    // starts_with rather than LIKE, whose % and _ wildcards can appear in real file names.
    const folder = path.length > 1 ? path.replace(/\/+$/u, '') : path;
    const { rows } = await this.#pool.query<ArticleRefRow>(
      `SELECT id, content_hash, origin, origin_file FROM articles
       WHERE origin_file = $1 OR starts_with(origin_file, $2) ORDER BY id COLLATE "C"`,
      [folder, folder.endsWith('/') ? folder : `${folder}/`],
    );
    return rows.map(toArticleRef);
  }

  async listArticleRefs(): Promise<StoredArticleRef[]> {
    const { rows } = await this.#pool.query<ArticleRefRow>('SELECT id, content_hash, origin, origin_file FROM articles ORDER BY id COLLATE "C"');
    return rows.map(toArticleRef);
  }

  /**
   * Inserts or replaces articles in one transaction. Articles are written in id order and cache rows in hash
   * order, so two processes storing overlapping articles take their row locks in the same order and never
   * deadlock; the later one waits for the earlier, then replaces its passages: every article ends up once.
   */
  async putArticles(writes: ArticleWrite[]): Promise<ArticleWriteResult[]> {
    return inTransaction(this.#pool, async (client) => {
      const embedder = await readEmbedder(client);
      for (const write of writes) checkArticleWrite(embedder, write);
      const order = writes.map((_, index) => index).sort((left, right) => compareIds(writes[left]?.article.id ?? '', writes[right]?.article.id ?? ''));
      const results: ArticleWriteResult[] = new Array(writes.length);
      const cache = new Map<string, string>();
      for (const index of order) {
        const write = writes[index];
        if (write === undefined) continue;
        results[index] = await writeArticle(client, write);
        if (embedder !== null) write.passages.forEach((draft, ordinal) => cache.set(hashPassageText(draft.text), vectorLiteral(write.vectors[ordinal] ?? [])));
      }
      if (embedder !== null && cache.size > 0) {
        const hashes = [...cache.keys()].sort(compareIds);
        await client.query(
          `INSERT INTO embedding_cache (text_hash, embedder_id, embedding)
           SELECT hash, $2, embedding FROM unnest($1::text[], $3::vector[]) AS rows (hash, embedding) ORDER BY hash
           ON CONFLICT (text_hash, embedder_id) DO UPDATE SET embedding = excluded.embedding`,
          [hashes, embedder.id, hashes.map((hash) => cache.get(hash))],
        );
      }
      return results;
    });
  }

  async deleteArticle(id: string): Promise<number[]> {
    return inTransaction(this.#pool, async (client) => {
      // Lock the article first, as putArticles does, so a concurrent replace and delete queue up rather than deadlock.
      const { rowCount } = await client.query('SELECT 1 FROM articles WHERE id = $1 FOR UPDATE', [id]);
      if (rowCount === 0) return [];
      const { rows } = await client.query<{ id: string }>('SELECT id FROM passages WHERE article_id = $1 ORDER BY id', [id]);
      // Passages, their vectors and (migration 0003) claims go with the article: ON DELETE CASCADE.
      await client.query('DELETE FROM articles WHERE id = $1', [id]);
      return rows.map((row) => Number(row.id));
    });
  }

  async getArticle(id: string): Promise<Article | null> {
    const { rows } = await this.#pool.query<ArticleRow>('SELECT * FROM articles WHERE id = $1', [id]);
    return rows[0] === undefined ? null : toArticle(rows[0]);
  }

  async getArticleMetas(ids: string[]): Promise<Map<string, ArticleMeta>> {
    if (ids.length === 0) return new Map();
    const { rows } = await this.#pool.query<ArticleMetaRow>('SELECT id, title, source, url, published FROM articles WHERE id = ANY($1::text[])', [ids]);
    return new Map(rows.map((row) => [row.id, toArticleMeta(row)]));
  }

  async getPassages(ids: number[]): Promise<Passage[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.#pool.query<PassageRow>(`SELECT ${passageColumns} FROM passages WHERE id = ANY($1::bigint[])`, [ids]);
    const byId = new Map(rows.map((row) => [Number(row.id), toPassage(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async getArticlePassages(articleId: string, near?: PassageWindow): Promise<Passage[]> {
    if (near === undefined) {
      const { rows } = await this.#pool.query<PassageRow>(`SELECT ${passageColumns} FROM passages WHERE article_id = $1 ORDER BY ordinal`, [articleId]);
      return rows.map(toPassage);
    }
    const ranges = passageRanges(near);
    const { rows } = await this.#pool.query<PassageRow>(
      `SELECT ${passageColumns} FROM passages
       WHERE article_id = $1 AND EXISTS (SELECT 1 FROM unnest($2::int[], $3::int[]) AS window_range (low, high) WHERE ordinal BETWEEN low AND high)
       ORDER BY ordinal`,
      [articleId, ranges.map(([from]) => from), ranges.map(([, to]) => to)],
    );
    return rows.map(toPassage);
  }

  async lexicalSearch(query: string, k: number, filters?: SearchFilters): Promise<LexicalHit[]> {
    return searchPassages(this.#pool, { query, k, filters }, () => this.#statistics.get(), this.#lexical);
  }

  /**
   * Counts passages holding each word as FTS5 would match it (same tokens, title included), so IDF weights agree
   * across backends. On a large table, a word among the planner's most common lexemes (LexemeStatistics) is
   * estimated from its sampled share, since counting it exactly would visit a large part of the table; every
   * other word (rarer, or a phrase) is counted exactly through the GIN index.
   */
  async documentFrequencies(words: string[]): Promise<{ passages: number; counts: Map<string, number> }> {
    const statistics = await this.#statistics.get();
    const counts = new Map<string, number>();
    const toCount = new Map<string, string>();
    for (const word of new Set(words)) {
      const terms = searchTerms(word);
      const single = terms.length === 1 && terms[0]?.lexemes.length === 1 ? terms[0].lexemes[0] : undefined;
      const share = single === undefined ? undefined : statistics?.shares.get(single);
      if (terms.length === 0) counts.set(word, 0);
      else if (statistics !== null && share !== undefined) counts.set(word, Math.round(share * statistics.passages));
      else toCount.set(word, anyOfQuery(terms));
    }
    const { rows } = await this.#pool.query<{ passages: number | null; counts: number[] }>(
      `SELECT CASE WHEN $2::boolean THEN (SELECT count(*) FROM passages)::int END AS passages,
              ARRAY(SELECT (SELECT count(*) FROM passages WHERE search_vector @@ term.query)::int
                    FROM unnest($1::tsquery[]) WITH ORDINALITY AS term (query, position) ORDER BY term.position) AS counts`,
      [[...toCount.values()], statistics === null],
    );
    const row = rows[0];
    [...toCount.keys()].forEach((word, index) => counts.set(word, row?.counts[index] ?? 0));
    return { passages: statistics?.passages ?? row?.passages ?? 0, counts };
  }

  async getCachedVectors(textHashes: string[], embedderId: string): Promise<Map<string, number[]>> {
    if (textHashes.length === 0) return new Map();
    const { rows } = await this.#pool.query<{ text_hash: string; embedding: string }>(
      'SELECT text_hash, embedding::text AS embedding FROM embedding_cache WHERE embedder_id = $1 AND text_hash = ANY($2::text[])',
      [embedderId, textHashes],
    );
    return new Map(rows.map((row) => [row.text_hash, parseVector(row.embedding)]));
  }

  async *scanVectors(): AsyncIterable<{ passageId: number; vector: number[] }> {
    let after = -1;
    for (;;) {
      const { rows } = await this.#pool.query<{ passage_id: string; embedding: string }>(
        'SELECT passage_id, embedding::text AS embedding FROM passage_vectors WHERE passage_id > $1 ORDER BY passage_id LIMIT $2',
        [after, vectorPageSize],
      );
      for (const row of rows) yield { passageId: Number(row.passage_id), vector: parseVector(row.embedding) };
      const last = rows.at(-1);
      if (last === undefined || rows.length < vectorPageSize) return;
      after = Number(last.passage_id);
    }
  }

  async counts(): Promise<{ articles: number; passages: number }> {
    const { rows } = await this.#pool.query<{ articles: number; passages: number }>(
      'SELECT (SELECT count(*) FROM articles)::int AS articles, (SELECT count(*) FROM passages)::int AS passages',
    );
    return rows[0] ?? { articles: 0, passages: 0 };
  }
}

/** Writes one article (its row locked by the upsert) and replaces its passages and their vectors. */
async function writeArticle(client: pg.PoolClient, { article, passages, vectors }: ArticleWrite): Promise<ArticleWriteResult> {
  // Upsert rather than delete + insert, so the first ingestion time survives a replace (and claims keep their article).
  await client.query(
    `INSERT INTO articles (id, title, title_derived, body, source, url, published, author, origin, origin_file, content_hash, ingested_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, title_derived = excluded.title_derived, body = excluded.body,
       source = excluded.source, url = excluded.url, published = excluded.published, author = excluded.author,
       origin = excluded.origin, origin_file = excluded.origin_file, content_hash = excluded.content_hash`,
    [
      article.id, article.title, article.titleDerived, article.body, article.source, article.url, article.published,
      article.author, article.origin, article.originFile, article.contentHash, article.ingestedAt,
    ],
  );
  const removed = await client.query<{ id: string }>('DELETE FROM passages WHERE article_id = $1 RETURNING id', [article.id]);
  const removedPassageIds = removed.rows.map((row) => Number(row.id)).sort((left, right) => left - right);
  if (passages.length === 0) return { passages: [], removedPassageIds };
  const inserted = await client.query<{ id: string; ordinal: number }>(
    `INSERT INTO passages (article_id, ordinal, start, "end", text, sentences, search_vector)
     SELECT $1, ordinal, start, "end", text, sentences::integer[], search_vector
     FROM unnest($2::integer[], $3::integer[], $4::integer[], $5::text[], $6::text[], $7::tsvector[])
       AS rows (ordinal, start, "end", text, sentences, search_vector)
     RETURNING id, ordinal`,
    [
      article.id,
      passages.map((draft) => draft.ordinal),
      passages.map((draft) => draft.start),
      passages.map((draft) => draft.end),
      passages.map((draft) => draft.text),
      passages.map((draft) => sentencesLiteral(draft.sentences)),
      passages.map((draft) => searchVectorLiteral(article.title, draft.text)),
    ],
  );
  const idByOrdinal = new Map(inserted.rows.map((row) => [row.ordinal, Number(row.id)]));
  const stored: Passage[] = passages.map((draft) => ({
    ...draft,
    sentences: draft.sentences.map((sentence) => ({ ...sentence })),
    id: idByOrdinal.get(draft.ordinal) ?? -1,
    articleId: article.id,
  }));
  await client.query('INSERT INTO passage_vectors (passage_id, embedding) SELECT * FROM unnest($1::bigint[], $2::vector[])', [
    stored.map((passage) => passage.id),
    vectors.map(vectorLiteral),
  ]);
  return { passages: stored, removedPassageIds };
}

async function readEmbedder(client: pg.Pool | pg.PoolClient): Promise<EmbedderInfo | null> {
  const { rows } = await client.query<{ embedder_id: string; dimension: number }>('SELECT embedder_id, dimension FROM article_embedder');
  const row = rows[0];
  return row === undefined ? null : { id: row.embedder_id, dimension: row.dimension };
}

/** One fixed order of ids (UTF-16 code units), the same in every process whatever its locale: the lock order. */
function compareIds(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

import type { Article, ArticleMeta } from '../core/article.js';
import type { StoredArticleRef } from '../core/article-store.js';
import type { Passage, SentenceSpan } from '../core/passage.js';
import type { VectorFilter } from '../core/vector-index.js';

/** Row shapes of the article store and their mapping to domain types. */

export interface ArticleRow {
  id: string;
  title: string;
  title_derived: number;
  body: string;
  source: string | null;
  url: string | null;
  published: string | null;
  author: string | null;
  origin: string;
  origin_file: string | null;
  content_hash: string;
  ingested_at: string;
}

export interface PassageRow {
  id: number;
  article_id: string;
  ordinal: number;
  start: number;
  end: number;
  text: string;
  sentences: string;
}

export interface ArticleRefRow {
  id: string;
  content_hash: string;
  origin: string;
  origin_file: string | null;
}

export type ArticleMetaRow = Pick<ArticleRow, 'id' | 'title' | 'source' | 'url' | 'published'>;

/** Maps an articles row to an Article. */
export function toArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    title: row.title,
    titleDerived: row.title_derived === 1,
    body: row.body,
    source: row.source,
    url: row.url,
    published: row.published,
    author: row.author,
    origin: row.origin,
    originFile: row.origin_file,
    contentHash: row.content_hash,
    ingestedAt: row.ingested_at,
  };
}

/** Maps an articles row (or its ref columns) to the ref the incremental ingest compares against. */
export function toArticleRef(row: ArticleRefRow): StoredArticleRef {
  return { id: row.id, contentHash: row.content_hash, origin: row.origin, originFile: row.origin_file };
}

/** Maps the citation columns of an articles row. */
export function toArticleMeta(row: ArticleMetaRow): ArticleMeta {
  return { id: row.id, title: row.title, source: row.source, url: row.url, published: row.published };
}

/** Maps a passages row, unpacking its sentence offsets. */
export function toPassage(row: PassageRow): Passage {
  return {
    id: row.id,
    articleId: row.article_id,
    ordinal: row.ordinal,
    start: row.start,
    end: row.end,
    text: row.text,
    sentences: decodeSentences(row.sentences),
  };
}

/** Packs sentence spans as a flat JSON array `[start0, end0, start1, end1, …]`: compact and readable. */
export function encodeSentences(sentences: readonly SentenceSpan[]): string {
  return JSON.stringify(sentences.flatMap((sentence) => [sentence.start, sentence.end]));
}

function decodeSentences(packed: string): SentenceSpan[] {
  const flat = JSON.parse(packed) as number[];
  const sentences: SentenceSpan[] = [];
  for (let index = 0; index + 1 < flat.length; index += 2) {
    sentences.push({ start: flat[index] ?? 0, end: flat[index + 1] ?? 0 });
  }
  return sentences;
}

/** A SQL condition on the `articles` table aliased `a`, with its parameters, or null when nothing filters. */
export interface FilterClause {
  sql: string;
  parameters: Record<string, string>;
}

/**
 * Builds the WHERE condition for search filters. Sources match case-insensitively; dates compare the
 * ISO prefix of `published` of the bound's length, so `to: '2024-05-03'` keeps `2024-05-03T22:00Z`.
 * Articles without a date are excluded whenever a date bound is set.
 */
export function filterClause(filters: VectorFilter | undefined): FilterClause | null {
  if (filters === undefined) return null;
  const conditions: string[] = [];
  const parameters: Record<string, string> = {};
  // An empty id list narrows to nothing, as every filter field narrows.
  if (filters.articleIds !== undefined) {
    conditions.push('a.id IN (SELECT value FROM json_each(@articleIds))');
    parameters.articleIds = JSON.stringify(filters.articleIds);
  }
  if (filters.excludeArticleIds !== undefined && filters.excludeArticleIds.length > 0) {
    conditions.push('a.id NOT IN (SELECT value FROM json_each(@excludeArticleIds))');
    parameters.excludeArticleIds = JSON.stringify(filters.excludeArticleIds);
  }
  if (filters.sources !== undefined && filters.sources.length > 0) {
    conditions.push('lower(a.source) IN (SELECT lower(value) FROM json_each(@sources))');
    parameters.sources = JSON.stringify(filters.sources.map((source) => source.trim()));
  }
  if (filters.from !== undefined && filters.from !== '') {
    conditions.push('a.published IS NOT NULL AND substr(a.published, 1, length(@from)) >= @from');
    parameters.from = filters.from;
  }
  if (filters.to !== undefined && filters.to !== '') {
    conditions.push('a.published IS NOT NULL AND substr(a.published, 1, length(@to)) <= @to');
    parameters.to = filters.to;
  }
  if (conditions.length === 0) return null;
  return { sql: conditions.map((condition) => `(${condition})`).join(' AND '), parameters };
}

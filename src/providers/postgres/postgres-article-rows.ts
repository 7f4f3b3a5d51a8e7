import pgvector from 'pgvector';
import type { Article, ArticleMeta } from '../../core/article.js';
import type { StoredArticleRef } from '../../core/article-store.js';
import type { Passage, SentenceSpan } from '../../core/passage.js';
import type { VectorFilter } from '../../core/vector-index.js';

/** Row shapes of the PostgreSQL article tables and their mapping to domain types. */

export interface ArticleRow {
  id: string;
  title: string;
  title_derived: boolean;
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
  /** bigint: node-postgres returns it as a string. */
  id: string;
  article_id: string;
  ordinal: number;
  start: number;
  end: number;
  text: string;
  sentences: number[];
}

export type ArticleRefRow = Pick<ArticleRow, 'id' | 'content_hash' | 'origin' | 'origin_file'>;
export type ArticleMetaRow = Pick<ArticleRow, 'id' | 'title' | 'source' | 'url' | 'published'>;

/** The columns of a passage as read back (search_vector stays in the database). */
export const passageColumns = 'id, article_id, ordinal, start, "end", text, sentences';

export function toArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    title: row.title,
    titleDerived: row.title_derived,
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

export function toArticleRef(row: ArticleRefRow): StoredArticleRef {
  return { id: row.id, contentHash: row.content_hash, origin: row.origin, originFile: row.origin_file };
}

export function toArticleMeta(row: ArticleMetaRow): ArticleMeta {
  return { id: row.id, title: row.title, source: row.source, url: row.url, published: row.published };
}

export function toPassage(row: PassageRow): Passage {
  const sentences: SentenceSpan[] = [];
  for (let index = 0; index + 1 < row.sentences.length; index += 2) {
    sentences.push({ start: row.sentences[index] ?? 0, end: row.sentences[index + 1] ?? 0 });
  }
  return { id: Number(row.id), articleId: row.article_id, ordinal: row.ordinal, start: row.start, end: row.end, text: row.text, sentences };
}

/** Sentence spans as the flat integer array the passages table keeps, in PostgreSQL's array literal form. */
export function sentencesLiteral(sentences: readonly SentenceSpan[]): string {
  return `{${sentences.flatMap((sentence) => [sentence.start, sentence.end]).join(',')}}`;
}

/** A vector in pgvector's text form ('[1,2,3]'), bound as text and cast with ::vector. */
export function vectorLiteral(vector: readonly number[]): string {
  return pgvector.toSql([...vector]) as string;
}

/**
 * Parses pgvector's text form back into numbers. pgvector stores float4 and prints each as its shortest
 * decimal; rounding that back to float32 gives exactly the stored value, as SQLite's Float32 BLOBs read back,
 * so what is computed from vectors (story profiles, centroids) is the same on both backends.
 */
export function parseVector(text: string): number[] {
  return (pgvector.fromSql(text) as number[]).map(Math.fround);
}

/** Positional parameters of one statement, named as they are added. */
export class QueryParameters {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder (`$n`). */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The WHERE condition for search filters on `articles` aliased `a`, or null when nothing filters, with the
 * same meaning as SQLite's (sqlite-article-rows.ts): sources match case-insensitively; dates compare the ISO
 * prefix of `published` of the bound's length (byte-wise), so `to: '2024-05-03'` keeps `2024-05-03T22:00Z`;
 * undated articles are excluded whenever a date bound is set; an empty id list matches nothing.
 */
export function filterCondition(filters: VectorFilter | undefined, parameters: QueryParameters): string | null {
  if (filters === undefined) return null;
  const conditions: string[] = [];
  if (filters.articleIds !== undefined) conditions.push(`a.id = ANY(${parameters.add(filters.articleIds)}::text[])`);
  if (filters.excludeArticleIds !== undefined && filters.excludeArticleIds.length > 0) {
    conditions.push(`NOT (a.id = ANY(${parameters.add(filters.excludeArticleIds)}::text[]))`);
  }
  if (filters.sources !== undefined && filters.sources.length > 0) {
    const sources = filters.sources.map((source) => source.trim().toLowerCase());
    conditions.push(`lower(a.source) = ANY(${parameters.add(sources)}::text[])`);
  }
  if (filters.from !== undefined && filters.from !== '') {
    const from = parameters.add(filters.from);
    conditions.push(`a.published IS NOT NULL AND left(a.published, length(${from}::text)) >= ${from}::text COLLATE "C"`);
  }
  if (filters.to !== undefined && filters.to !== '') {
    const to = parameters.add(filters.to);
    conditions.push(`a.published IS NOT NULL AND left(a.published, length(${to}::text)) <= ${to}::text COLLATE "C"`);
  }
  if (conditions.length === 0) return null;
  return conditions.map((condition) => `(${condition})`).join(' AND ');
}

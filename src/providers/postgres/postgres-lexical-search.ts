import type pg from 'pg';
import type { LexicalHit } from '../../core/article-store.js';
import type { SearchFilters } from '../../core/search.js';
import { filterCondition, QueryParameters } from './postgres-article-rows.js';
import type { LexemeShares } from './postgres-lexeme-statistics.js';
import { anyOfQuery, type SearchTerm, searchTerms } from './postgres-search-terms.js';

/** How PostgreSQL full-text search ranks passages. */
export interface LexicalSearchOptions {
  /**
   * ts_rank_cd weights of the {D, C, B, A} labels: the title is indexed as A, the passage as B.
   * @default [0.1, 0.2, 0.4, 1.0] (PostgreSQL's own)
   */
  weights?: [number, number, number, number];
  /** ts_rank_cd normalization bits (1: divide by 1 + log of the passage length). @default 1 */
  normalization?: number;
  /**
   * A query term found in more than this share of passages is dropped (unless every term is): ts_rank_cd has
   * no inverse document frequency, so a word such as "said" would otherwise make the query match and score
   * nearly every passage. @default 0.1
   */
  commonTermShare?: number;
  /** Below this many passages no term counts as common (a small store has no reliable frequencies). @default 500 */
  commonTermFloor?: number;
}

const defaults: Required<LexicalSearchOptions> = { weights: [0.1, 0.2, 0.4, 1.0], normalization: 1, commonTermShare: 0.1, commonTermFloor: 500 };

/**
 * Full-text search over passages (title weighted above text), ranked by ts_rank_cd, with the filters inside
 * the query. The query is an OR of its terms, as FTS5's BM25 query is (websearch_to_tsquery would AND them,
 * losing every passage that misses one word), minus its very common terms.
 */
export async function searchPassages(
  pool: pg.Pool,
  request: { query: string; k: number; filters: SearchFilters | undefined },
  statistics: () => Promise<LexemeShares | null>,
  options: LexicalSearchOptions,
): Promise<LexicalHit[]> {
  const settings = { ...defaults, ...options };
  const { query, k, filters } = request;
  const terms = searchTerms(query);
  if (terms.length === 0 || k <= 0) return [];
  const kept = terms.length > 1 ? await withoutCommonTerms(pool, terms, await statistics(), settings) : terms;

  const parameters = new QueryParameters();
  const tsquery = `${parameters.add(anyOfQuery(kept))}::tsquery`;
  const weights = parameters.add(settings.weights);
  const normalization = parameters.add(settings.normalization);
  const condition = filterCondition(filters, parameters);
  const limit = parameters.add(Math.floor(k));
  const { rows } = await pool.query<{ id: string; score: number }>(
    `SELECT p.id, ts_rank_cd(${weights}::real[], p.search_vector, ${tsquery}, ${normalization}::integer) AS score
     FROM passages p ${condition === null ? '' : 'JOIN articles a ON a.id = p.article_id'}
     WHERE p.search_vector @@ ${tsquery} ${condition === null ? '' : `AND ${condition}`}
     ORDER BY score DESC, p.id LIMIT ${limit}`,
    parameters.values,
  );
  return rows.map((row) => ({ passageId: Number(row.id), score: row.score }));
}

/**
 * Drops terms found in more than `commonTermShare` of the passages (a phrase by its rarest word), by the
 * planner's lexeme statistics on a large analyzed table; on a small or not yet analyzed one, by counting each
 * term's passages up to that bound (LIMIT inside the count, so a very common word costs a bounded GIN scan).
 * If every term is common, every term is kept.
 */
async function withoutCommonTerms(
  pool: pg.Pool,
  terms: SearchTerm[],
  statistics: LexemeShares | null,
  settings: Required<LexicalSearchOptions>,
): Promise<SearchTerm[]> {
  const isCommon = statistics === null ? await countedCommonTerms(pool, terms, settings) : sampledCommonTerms(terms, statistics, settings.commonTermShare);
  const kept = terms.filter((_, index) => !isCommon[index]);
  return kept.length > 0 ? kept : terms;
}

function sampledCommonTerms(terms: SearchTerm[], statistics: LexemeShares, share: number): boolean[] {
  return terms.map((term) => Math.min(...term.lexemes.map((lexeme) => statistics.shares.get(lexeme) ?? 0)) > share);
}

async function countedCommonTerms(pool: pg.Pool, terms: SearchTerm[], settings: Required<LexicalSearchOptions>): Promise<boolean[]> {
  const { rows } = await pool.query<{ total: number; counts: number[] }>(
    `WITH total AS (SELECT count(*)::bigint AS passages FROM passages),
     bound AS (SELECT passages, GREATEST(ceil(passages * $2::real), $3::integer)::bigint AS bound FROM total)
     SELECT bound.passages::int AS total,
            ARRAY(SELECT (SELECT count(*) FROM (SELECT 1 FROM passages WHERE search_vector @@ term.query LIMIT bound.bound + 1) AS found)::int
                  FROM unnest($1::tsquery[]) WITH ORDINALITY AS term (query, position) ORDER BY term.position) AS counts
     FROM bound`,
    [terms.map((term) => anyOfQuery([term])), settings.commonTermShare, settings.commonTermFloor],
  );
  const row = rows[0];
  if (row === undefined || row.total < settings.commonTermFloor) return terms.map(() => false);
  const bound = Math.max(Math.ceil(row.total * settings.commonTermShare), settings.commonTermFloor);
  return terms.map((_, index) => (row.counts[index] ?? 0) > bound);
}

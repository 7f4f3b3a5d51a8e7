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
}

const defaults: Required<LexicalSearchOptions> = { weights: [0.1, 0.2, 0.4, 1.0], normalization: 1, commonTermShare: 0.1 };

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
  const kept = terms.length > 1 ? withoutCommonTerms(terms, await statistics(), settings.commonTermShare) : terms;

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
 * Drops terms found in more than `share` of the passages, by the planner's lexeme statistics (a phrase by its
 * rarest word). Without statistics (a small or fresh table) every term is kept; if every term is common, too.
 */
function withoutCommonTerms(terms: SearchTerm[], statistics: LexemeShares | null, share: number): SearchTerm[] {
  if (statistics === null) return terms;
  const shareOf = (term: SearchTerm): number => Math.min(...term.lexemes.map((lexeme) => statistics.shares.get(lexeme) ?? 0));
  const kept = terms.filter((term) => shareOf(term) <= share);
  return kept.length > 0 ? kept : terms;
}

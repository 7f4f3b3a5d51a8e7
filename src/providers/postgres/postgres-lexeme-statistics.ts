import type pg from 'pg';

/** What the planner statistics say about passage lexemes. */
export interface LexemeShares {
  /** Estimated passages in the table (pg_class.reltuples). */
  passages: number;
  /** Share of passages holding each of the most common lexemes (pg_stats.most_common_elems of search_vector). */
  shares: Map<string, number>;
}

/** Below this many passages the statistics are not used: counting is cheap, and exact. */
const minimumPassages = 10_000;

/**
 * The most common lexemes of the passages and their shares, as ANALYZE (autovacuum) samples them into
 * pg_stats for the tsvector column: the words whose exact count would cost a scan of a large part of the
 * table ("said" is in a quarter of news passages, and counting it visits every one of those rows), read in
 * one cheap query and kept for a minute. Rarer lexemes are not listed; their exact counts are cheap.
 */
export class LexemeStatistics {
  readonly #pool: pg.Pool;
  readonly #maxAgeMs: number;
  #cached: { at: number; value: LexemeShares | null } | undefined;

  constructor(pool: pg.Pool, maxAgeMs = 60_000) {
    this.#pool = pool;
    this.#maxAgeMs = maxAgeMs;
  }

  /** The statistics, or null while the table is small or not analyzed yet. */
  async get(): Promise<LexemeShares | null> {
    const now = Date.now();
    if (this.#cached !== undefined && now - this.#cached.at < this.#maxAgeMs) return this.#cached.value;
    const { rows } = await this.#pool.query<{ passages: number; lexemes: string[] | null; shares: number[] | null }>(
      `SELECT c.reltuples::float8 AS passages, s.most_common_elems::text::text[] AS lexemes, s.most_common_elem_freqs::float8[] AS shares
       FROM pg_class c
       LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = 'passages' AND s.attname = 'search_vector'
       WHERE c.oid = 'passages'::regclass`,
    );
    const row = rows[0];
    let value: LexemeShares | null = null;
    if (row !== undefined && row.passages >= minimumPassages && row.lexemes !== null && row.shares !== null) {
      const shares = row.shares;
      // most_common_elem_freqs holds one share per lexeme, then three summary numbers (min, max, null share).
      value = { passages: Math.round(row.passages), shares: new Map(row.lexemes.map((lexeme, index) => [lexeme, shares[index] ?? 0])) };
    }
    this.#cached = { at: now, value };
    return value;
  }
}

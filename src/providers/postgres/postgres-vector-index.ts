import type pg from 'pg';
import type { PassageVector, VectorFilter, VectorHit, VectorIndex } from '../../core/vector-index.js';
import { filterCondition, QueryParameters, vectorLiteral } from './postgres-article-rows.js';
import { dimensionCondition, exactDistance, indexedDistance } from './postgres-hnsw-indexes.js';
import { inTransaction } from './postgres-pool.js';

/** Search settings of the pgvector index. */
export interface PostgresVectorIndexOptions {
  /** HNSW candidate list per search (at least k; pgvector allows up to 1,000). @default 100, as the hnswlib index */
  efSearch?: number;
}

/** pgvector's upper bound on hnsw.ef_search. */
const maxEfSearch = 1000;

/**
 * The `VectorIndex` port over pgvector: the passage vectors PostgresArticleStore stores, searched through their
 * HNSW index in the same database. Nothing is derived, so there is nothing to rebuild or flush: `putArticles`
 * already stored the vectors in the transaction that stored their passages, and `upsert` has nothing to add.
 *
 * A filtered search runs with pgvector's iterative index scan (`hnsw.iterative_scan`), which keeps walking the
 * graph until k rows pass the filter; should the scan give up (hnsw.max_scan_tuples) with fewer, the search is
 * repeated exactly over the passages that pass. A filter on article ids (a story's few articles) goes straight
 * to the exact search: it reads those articles' vectors by key, which is cheaper and exact.
 */
export class PostgresVectorIndex implements VectorIndex {
  readonly dimension: number;
  readonly #pool: pg.Pool;
  readonly #efSearch: number;

  constructor(pool: pg.Pool, dimension: number, options: PostgresVectorIndexOptions = {}) {
    this.#pool = pool;
    this.dimension = dimension;
    this.#efSearch = options.efSearch ?? 100;
  }

  async count(): Promise<number> {
    const { rows } = await this.#pool.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM passage_vectors v WHERE ${dimensionCondition(this.dimension)}`,
    );
    return rows[0]?.count ?? 0;
  }

  /** The vectors are stored with their passages (`putArticles`); the index follows the table by itself. */
  async upsert(_vectors: PassageVector[]): Promise<void> {}

  /** Drops the passages' vectors from the searchable table (deleting an article already did, by cascade). */
  async remove(passageIds: number[]): Promise<void> {
    if (passageIds.length === 0) return;
    await this.#pool.query('DELETE FROM passage_vectors WHERE passage_id = ANY($1::bigint[])', [passageIds]);
  }

  async search(vector: number[], k: number, filter?: VectorFilter): Promise<VectorHit[]> {
    const limit = Math.floor(k);
    if (limit <= 0 || vector.length !== this.dimension) return [];
    return inTransaction(this.#pool, async (client) => {
      // SET LOCAL: the settings end with this transaction, so a pooled connection never carries them further.
      const efSearch = Math.min(Math.max(this.#efSearch, limit), maxEfSearch);
      await client.query(`SET LOCAL hnsw.ef_search = ${efSearch}; SET LOCAL hnsw.iterative_scan = relaxed_order`);
      const exactOnly = filter?.articleIds !== undefined;
      const hits = await this.#nearest(client, vector, limit, filter, exactOnly ? 'exact' : 'indexed');
      if (hits.length < limit && !exactOnly && hasCondition(filter)) return this.#nearest(client, vector, limit, filter, 'exact');
      return hits;
    });
  }

  async flush(): Promise<void> {}

  async #nearest(client: pg.PoolClient, vector: number[], limit: number, filter: VectorFilter | undefined, how: 'indexed' | 'exact'): Promise<VectorHit[]> {
    const parameters = new QueryParameters();
    const query = parameters.add(vectorLiteral(vector));
    const condition = filterCondition(filter, parameters);
    const distance = how === 'indexed' ? indexedDistance(this.dimension, query) : exactDistance(query);
    // relaxed_order may return index hits slightly out of order: the outer query sorts them (pgvector's advice).
    const { rows } = await client.query<{ passage_id: string; distance: number }>(
      `WITH hits AS MATERIALIZED (
         SELECT v.passage_id, ${distance} AS distance
         FROM passage_vectors v ${condition === null ? '' : 'JOIN passages p ON p.id = v.passage_id JOIN articles a ON a.id = p.article_id'}
         WHERE ${dimensionCondition(this.dimension)} ${condition === null ? '' : `AND ${condition}`}
         ORDER BY ${distance} LIMIT ${parameters.add(limit)}
       )
       SELECT passage_id, distance FROM hits ORDER BY distance, passage_id`,
      parameters.values,
    );
    return rows.map((row) => ({ passageId: Number(row.passage_id), similarity: 1 - row.distance }));
  }
}

function hasCondition(filter: VectorFilter | undefined): boolean {
  return filterCondition(filter, new QueryParameters()) !== null;
}

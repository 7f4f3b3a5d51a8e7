import type pg from 'pg';

/**
 * The pgvector HNSW index over passage vectors, one per embedder dimension. The `embedding` column is an untyped
 * `vector` (the dimension is known only once an embedder is recorded, and changes with it), and HNSW needs a
 * typed column; so the index is built on the expression `embedding::vector(N)`, partial on
 * `vector_dims(embedding) = N`, and a search orders by that same expression (`indexedDistance`) to use it.
 * Written as literals, not parameters: the planner matches an index expression and predicate only to
 * constants in the query.
 */

/** pgvector's HNSW index takes `vector` columns of at most 2,000 dimensions; wider ones are searched exactly. */
export const maxIndexedDimension = 2000;

/**
 * Graph degree and build candidate list, as the hnswlib index on SQLite (HnswVectorIndex.defaultM and
 * defaultEfConstruction), which are also pgvector's defaults.
 */
const hnswBuild = { m: 16, efConstruction: 64 } as const;

function indexName(dimension: number): string {
  return `passage_vectors_hnsw_${dimension}`;
}

function checkedDimension(dimension: number): number {
  if (!Number.isInteger(dimension) || dimension <= 0) throw new Error(`invalid vector dimension ${dimension}`);
  return dimension;
}

/** The condition that selects vectors of `dimension` (the index's predicate). */
export function dimensionCondition(dimension: number, column = 'v.embedding'): string {
  return `vector_dims(${column}) = ${checkedDimension(dimension)}`;
}

/** Cosine distance from the query vector (parameter `query`) in the form the HNSW index of `dimension` serves. */
export function indexedDistance(dimension: number, query: string, column = 'v.embedding'): string {
  const size = checkedDimension(dimension);
  return `(${column}::vector(${size}) <=> ${query}::vector(${size}))`;
}

/** Cosine distance computed row by row: an expression no index matches, for exact search over a filtered few. */
export function exactDistance(query: string, column = 'v.embedding'): string {
  return `(${column} <=> ${query}::vector)`;
}

/**
 * Creates the HNSW index for `dimension` if it is missing, and drops those of other dimensions (their vectors
 * are about to be re-embedded). Run inside the transaction that records the embedder, under its lock.
 */
export async function createVectorIndexFor(client: pg.PoolClient, dimension: number): Promise<void> {
  const size = checkedDimension(dimension);
  const { rows } = await client.query<{ name: string }>(
    "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'passage_vectors' AND indexname LIKE 'passage\\_vectors\\_hnsw\\_%'",
  );
  for (const { name } of rows) {
    if (name !== indexName(size)) await client.query(`DROP INDEX IF EXISTS ${client.escapeIdentifier(name)}`);
  }
  if (size > maxIndexedDimension) return;
  await client.query(
    `CREATE INDEX IF NOT EXISTS ${indexName(size)} ON passage_vectors
     USING hnsw ((embedding::vector(${size})) vector_cosine_ops) WITH (m = ${hnswBuild.m}, ef_construction = ${hnswBuild.efConstruction})
     WHERE ${dimensionCondition(size, 'embedding')}`,
  );
}

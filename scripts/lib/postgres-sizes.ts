import pg from 'pg';

/** Where a PostgreSQL database's bytes go, in MB. */
export interface PostgresSizes {
  /** pg_database_size: every relation of the database, plus the catalog an empty database already has (~7.5 MB). */
  databaseMb: number;
  /** Tables with their TOAST data, without indexes. */
  tablesMb: number;
  /** Every index of the database's own tables. */
  indexesMb: number;
  /** The pgvector HNSW indexes alone (part of `indexesMb`). */
  hnswMb: number;
  /** The full-text GIN indexes alone (part of `indexesMb`). */
  ginMb: number;
}

const mb = (bytes: number | string): number => Number(bytes) / 2 ** 20;

/** Sizes of the database `url` names, from the server's own accounting (WAL is not included: it is the server's). */
export async function postgresSizes(url: string): Promise<PostgresSizes> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const database = await client.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
    const relations = await client.query<{ tables: string; indexes: string }>(
      `SELECT coalesce(sum(pg_table_size(c.oid)), 0) AS tables, coalesce(sum(pg_indexes_size(c.oid)), 0) AS indexes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')`,
    );
    const byMethod = await client.query<{ method: string; bytes: string }>(
      `SELECT am.amname AS method, sum(pg_relation_size(i.indexrelid)) AS bytes
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') GROUP BY am.amname`,
    );
    const method = (name: string): number => mb(byMethod.rows.find((row) => row.method === name)?.bytes ?? 0);
    return {
      databaseMb: mb(database.rows[0]?.bytes ?? 0),
      tablesMb: mb(relations.rows[0]?.tables ?? 0),
      indexesMb: mb(relations.rows[0]?.indexes ?? 0),
      hnswMb: method('hnsw'),
      ginMb: method('gin'),
    };
  } finally {
    await client.end();
  }
}

/** Creates an empty database `name` (dropping one left by an earlier run) through the admin connection `url`. */
export async function createFreshDatabase(url: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** Drops database `name` (benchmark databases on a server the user gave us). */
export async function dropDatabase(url: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

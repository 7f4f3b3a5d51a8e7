import type pg from 'pg';
import type { ReembedMarker } from '../../core/storage.js';

/** The re-embedding marker as a row of `reembed_pending` (migration 0002), not a file: nothing goes to the data folder. */
export function postgresReembedMarker(pool: pg.Pool): ReembedMarker {
  return {
    async read() {
      const { rows } = await pool.query<{ embedder_id: string }>('SELECT embedder_id FROM reembed_pending');
      return rows[0]?.embedder_id ?? null;
    },
    async write(embedderId) {
      await pool.query(
        `INSERT INTO reembed_pending (singleton, embedder_id) VALUES (true, $1)
         ON CONFLICT (singleton) DO UPDATE SET embedder_id = excluded.embedder_id`,
        [embedderId],
      );
    },
    async clear() {
      await pool.query('DELETE FROM reembed_pending');
    },
  };
}

/**
 * BM25 hard negatives for the contrastive training (research/train-static-embedder.ts): for each training pair,
 * a passage of another group that BM25 (SQLite FTS5, the store's tokenizer) ranks high for the pair's query —
 * a lexically close distractor the table must learn to rank below the true passage. In-batch negatives are
 * mostly unrelated news, so they teach little about near misses.
 */
import Database from 'better-sqlite3';
import { toSafeFtsQuery } from '../src/providers/sqlite-fts-query.js';
import { FTS_TOKENIZER } from '../src/providers/sqlite-schema.js';
import type { TrainingPair } from './train-embedder-pairs.js';

export interface HardNegativeOptions {
  /** Other-group hits passed over before the one taken: the very top is the likeliest unlabelled positive. */
  skip: number;
  /** BM25 hits read per query. */
  depth: number;
}

/**
 * For each pair, the index of a pair whose passage is its hard negative (undefined when BM25 finds none).
 * Deterministic: same pairs, same answer.
 */
export function mineHardNegatives(pairs: readonly TrainingPair[], options: HardNegativeOptions): (number | undefined)[] {
  const database = new Database(':memory:');
  database.exec(`CREATE VIRTUAL TABLE passages USING fts5(text, tokenize = '${FTS_TOKENIZER}')`);
  const insert = database.prepare('INSERT INTO passages (rowid, text) VALUES (?, ?)');
  const firstPairOf = new Map<string, number>();
  database.transaction(() => {
    pairs.forEach((pair, index) => {
      if (firstPairOf.has(pair.passage)) return;
      firstPairOf.set(pair.passage, index);
      insert.run(index, pair.passage);
    });
  })();
  const search = database.prepare('SELECT rowid FROM passages WHERE passages MATCH ? ORDER BY bm25(passages) LIMIT ?');
  const negatives = pairs.map((pair) => {
    const match = toSafeFtsQuery(pair.query);
    if (match === null) return undefined;
    const hits = (search.all(match, options.depth) as { rowid: number }[]).map((row) => row.rowid).filter((index) => pairs[index]?.group !== pair.group);
    return hits[Math.min(options.skip, hits.length - 1)];
  });
  database.close();
  return negatives;
}

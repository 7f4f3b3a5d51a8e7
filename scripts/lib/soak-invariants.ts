import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { labelsChecksum, readIndexSidecar } from '../../src/providers/hnsw-index-sidecar.js';
import { HnswVectorIndex } from '../../src/providers/hnsw-vector-index.js';
import { WriteLock } from '../../src/providers/write-lock.js';

/** What one check of a data folder found; `failures` is empty when every invariant holds. */
export interface InvariantReport {
  articles: number;
  passages: number;
  vectors: number;
  indexLabels: number;
  failures: string[];
}

/**
 * Checks a data folder as the soak test's referee, holding the folder's write lock so no writer is half-way:
 * SQLite's integrity_check; every passage has exactly one stored vector and the saved index holds exactly
 * those labels; no passage, article origin or vector is duplicated or orphaned.
 */
export async function checkInvariants(dataDir: string): Promise<InvariantReport> {
  const lock = new WriteLock(join(dataDir, 'write.lock'), 'soak invariant check');
  await lock.acquire({ wait: true });
  try {
    const failures: string[] = [];
    const database = new Database(join(dataDir, 'storydesk.sqlite'), { readonly: true, fileMustExist: true });
    let passageIds: number[];
    let counts: { articles: number; passages: number; vectors: number };
    try {
      const integrity = database.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') failures.push(`integrity_check: ${String(integrity)}`);
      const count = (sql: string): number => (database.prepare(sql).get() as { n: number }).n;
      counts = {
        articles: count('SELECT count(*) AS n FROM articles'),
        passages: count('SELECT count(*) AS n FROM passages'),
        vectors: count('SELECT count(*) AS n FROM passage_vectors'),
      };
      const checks: Array<[string, string]> = [
        ['passages without a vector', 'SELECT count(*) AS n FROM passages p LEFT JOIN passage_vectors v ON v.passage_id = p.id WHERE v.passage_id IS NULL'],
        ['vectors without a passage', 'SELECT count(*) AS n FROM passage_vectors v LEFT JOIN passages p ON p.id = v.passage_id WHERE p.id IS NULL'],
        ['passages without an article', 'SELECT count(*) AS n FROM passages p LEFT JOIN articles a ON a.id = p.article_id WHERE a.id IS NULL'],
        ['duplicate passages (article, ordinal)', 'SELECT count(*) AS n FROM (SELECT 1 FROM passages GROUP BY article_id, ordinal HAVING count(*) > 1)'],
        ['articles stored twice (same origin and content)', 'SELECT count(*) AS n FROM (SELECT 1 FROM articles GROUP BY origin, content_hash HAVING count(*) > 1)'],
      ];
      for (const [what, sql] of checks) {
        const n = count(sql);
        if (n > 0) failures.push(`${what}: ${n}`);
      }
      passageIds = (database.prepare('SELECT id FROM passages ORDER BY id').all() as { id: number }[]).map((row) => row.id);
    } finally {
      database.close();
    }

    const indexPath = join(dataDir, 'passages.hnsw');
    let indexLabels = 0;
    if (!existsSync(indexPath)) {
      if (passageIds.length > 0) failures.push('no index file, but the store has passages');
    } else {
      const sidecar = readIndexSidecar(indexPath);
      if (sidecar === null) throw new Error('the index has no readable sidecar');
      const index = HnswVectorIndex.load(indexPath, sidecar.dimension, { readOnly: true });
      const labels = index.labels();
      indexLabels = labels.length;
      if (labelsChecksum(labels) !== labelsChecksum(passageIds)) {
        const stored = new Set(passageIds);
        const present = new Set(labels);
        const missing = passageIds.filter((id) => !present.has(id)).length;
        const extra = labels.filter((id) => !stored.has(id)).length;
        failures.push(`index labels differ from the passages: ${missing} missing, ${extra} extra`);
      }
      if (sidecar.count !== labels.length) failures.push(`sidecar count ${sidecar.count} but ${labels.length} labels in the file`);
    }
    return { ...counts, indexLabels, failures };
  } finally {
    lock.release();
  }
}

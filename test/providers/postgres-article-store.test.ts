import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleWrite } from '../../src/core/article-store.js';
import type { Storage } from '../../src/core/storage.js';
import { postgresStorageBackend } from '../../src/providers/postgres/postgres-storage-backend.js';
import { article, sentencePassages } from '../contracts/article-fixtures.js';
import { createTestDatabase, postgresSuiteTitle, testPostgres } from '../helpers/postgres.js';

const server = testPostgres();
const dimension = 8;

/** A deterministic pseudo-random unit vector. */
function randomVector(seed: number): number[] {
  let state = seed * 2_654_435_761 + 1;
  const values = Array.from({ length: dimension }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31 - 0.5;
  });
  const norm = Math.hypot(...values);
  return values.map((value) => value / norm);
}

function writeOf(id: string, sentences: number, source = 'Harbour Times', vectorOf: (ordinal: number) => number[] = (ordinal) => randomVector(ordinal + id.length)): ArticleWrite {
  const body = Array.from({ length: sentences }, (_, index) => `Sentence ${index} of ${id} mentions ferries.`).join(' ');
  const stored = article(id, { body, source });
  const passages = sentencePassages(body);
  return { article: stored, passages, vectors: passages.map((passage) => vectorOf(passage.ordinal)) };
}

describe.skipIf(!server.adminUrl)(postgresSuiteTitle('PostgreSQL article store and pgvector index'), () => {
  const opened: Storage[] = [];
  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close();
  });
  const open = async (url: string): Promise<Storage> => {
    const storage = await postgresStorageBackend({ url, poolSize: 4 }).open({ dataDir: '/nonexistent', logger: pino({ level: 'silent' }) });
    opened.push(storage);
    return storage;
  };

  it('drops a query word found in most passages of a small, not yet analyzed store, so it does not match them all', async () => {
    const storage = await open(await createTestDatabase(server.adminUrl ?? ''));
    await storage.articles.setEmbedderInfo({ id: 'test', dimension });
    // 600 passages that all mention ferries (below the planner-statistics size), one of them a lighthouse.
    const writes = Array.from({ length: 60 }, (_, index) => writeOf(`article-${String(index).padStart(2, '0')}`, 10));
    const lighthouse = writeOf('lighthouse', 1);
    const body = 'The lighthouse keeper retired after forty years of ferries.';
    const passages = sentencePassages(body);
    writes.push({ ...lighthouse, article: article('lighthouse', { body }), passages, vectors: passages.map(() => randomVector(7)) });
    await storage.articles.putArticles(writes);

    const hits = await storage.articles.lexicalSearch('ferries lighthouse', 10);
    expect(hits).toHaveLength(1);
    expect(await storage.articles.lexicalSearch('ferries', 10)).toHaveLength(10);
  });

  it('stores every article once when two processes ingest the same articles at the same time', async () => {
    const url = await createTestDatabase(server.adminUrl ?? '');
    const [first, second] = [await open(url), await open(url)];
    await first.articles.setEmbedderInfo({ id: 'test', dimension });
    const writes = Array.from({ length: 40 }, (_, index) => writeOf(`article-${String(index).padStart(2, '0')}`, 3));
    const batches = (order: ArticleWrite[]): ArticleWrite[][] => Array.from({ length: 8 }, (_, batch) => order.slice(batch * 5, batch * 5 + 5));
    // Opposite orders, in batches of five, from two pools: the worst case for lock order.
    const ingest = async (storage: Storage, order: ArticleWrite[]): Promise<void> => {
      for (const batch of batches(order)) await storage.articles.putArticles(batch);
    };
    await Promise.all([ingest(first, writes), ingest(second, [...writes].reverse()), ingest(second, writes)]);

    expect(await first.articles.counts()).toEqual({ articles: 40, passages: 120 });
    const vectors: number[] = [];
    for await (const row of first.articles.scanVectors()) vectors.push(row.passageId);
    expect(vectors).toHaveLength(120);
    for (const write of writes) {
      expect((await first.articles.getArticlePassages(write.article.id)).map((passage) => passage.ordinal)).toEqual([0, 1, 2]);
    }
    const { index } = await first.openVectorIndex(dimension);
    expect(await index.count()).toBe(120);
  });

  it('returns k hits for a selective filter even when every nearer passage fails it', async () => {
    const url = await createTestDatabase(server.adminUrl ?? '');
    const storage = await open(url);
    await storage.articles.setEmbedderInfo({ id: 'test', dimension });
    const query = randomVector(1);
    // 1,500 passages right next to the query from one outlet, 12 far away from another.
    const near = Array.from({ length: 50 }, (_, index) =>
      writeOf(`near-${index}`, 30, 'Harbour Times', (ordinal) => query.map((value, component) => value + (component === (index + ordinal) % dimension ? 0.01 : 0))),
    );
    for (let start = 0; start < near.length; start += 10) await storage.articles.putArticles(near.slice(start, start + 10));
    const far = writeOf('far', 12, 'Velmont Courier', (ordinal) => query.map((value, component) => (component === ordinal % dimension ? -value : value * 0.2)));
    await storage.articles.putArticles([far]);
    const { index } = await storage.openVectorIndex(dimension);

    const hits = await index.search(query, 10, { sources: ['velmont courier'] });
    const farIds = new Set((await storage.articles.getArticlePassages('far')).map((passage) => passage.id));
    expect(hits).toHaveLength(10);
    expect(hits.every((hit) => farIds.has(hit.passageId))).toBe(true);
    expect((await index.search(query, 20, { sources: ['Velmont Courier'] })).length).toBe(12);
    // Unfiltered, the nearest passages are the near ones.
    expect((await index.search(query, 10)).some((hit) => farIds.has(hit.passageId))).toBe(false);
  });

  it('searches with the HNSW index of the recorded dimension, and keeps one index when the embedder changes', async () => {
    const url = await createTestDatabase(server.adminUrl ?? '');
    const storage = await open(url);
    await storage.articles.setEmbedderInfo({ id: 'test', dimension });
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const indexes = async (): Promise<string[]> =>
        (await client.query<{ name: string }>("SELECT indexname AS name FROM pg_indexes WHERE indexname LIKE 'passage_vectors_hnsw%' ORDER BY 1")).rows.map((row) => row.name);
      expect(await indexes()).toEqual([`passage_vectors_hnsw_${dimension}`]);
      await client.query('SET enable_seqscan = off');
      const plan = await client.query(
        `EXPLAIN SELECT passage_id FROM passage_vectors v WHERE vector_dims(v.embedding) = ${dimension}
         ORDER BY (v.embedding::vector(${dimension}) <=> '[${randomVector(2).join(',')}]'::vector(${dimension})) LIMIT 5`,
      );
      expect(plan.rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n')).toContain(`passage_vectors_hnsw_${dimension}`);
      await storage.articles.setEmbedderInfo({ id: 'wider', dimension: 16 });
      expect(await indexes()).toEqual(['passage_vectors_hnsw_16']);
    } finally {
      await client.end();
    }
  });
});

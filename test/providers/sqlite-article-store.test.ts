import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteArticleStore } from '../../src/providers/sqlite-article-store.js';
import { schemaVersion } from '../../src/providers/sqlite-schema.js';
import { hashPassageText } from '../../src/providers/sqlite-vector-encoding.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { randomVectors } from './deterministic-vectors.js';
import { draftsFor, makeArticle, openTestStore, putWithVectors, testDimension } from './store-fixtures.js';

const temp = makeTempDir('storydesk-store-');
afterAll(() => temp.remove());
/** A store file in a folder of its own. */
const nextStorePath = (): string => join(mkdtempSync(join(temp.path, 'store-')), 'storydesk.sqlite');

/** Float32 storage keeps about 7 significant digits. */
function expectSameVector(actual: number[] | undefined, expected: number[] | undefined): void {
  expect(actual).toHaveLength(expected?.length ?? -1);
  actual?.forEach((value, component) => {
    expect(value).toBeCloseTo(expected?.[component] ?? Number.NaN, 6);
  });
}

describe('SqliteArticleStore', () => {
  let path: string;
  let store: SqliteArticleStore;
  beforeEach(() => {
    path = nextStorePath();
    store = openTestStore(path);
  });
  afterEach(() => store.close());

  it('stores an article with its passages, sentence offsets and vectors, and reads them back after a reopen', () => {
    const article = makeArticle('a', { body: 'ByteDance denied the report. Huawei said nothing. Analysts doubt it.' });
    const drafts = draftsFor(article.body);
    const vectors = randomVectors(drafts.length, testDimension, 3);
    const { passages, removedPassageIds } = store.putArticle(article, drafts, vectors);
    expect(removedPassageIds).toEqual([]);
    expect(passages.map((passage) => passage.text)).toEqual(['ByteDance denied the report.', 'Huawei said nothing.', 'Analysts doubt it.']);
    store.close();

    store = SqliteArticleStore.open(path);
    expect(store.getArticle('a')).toEqual(article);
    expect(store.getArticlePassages('a')).toEqual(passages);
    const reversed = passages.map((passage) => passage.id).reverse();
    expect(store.getPassages([...reversed, 999]).map((passage) => passage.id)).toEqual(reversed);
    expect(store.getArticleMetas(['a', 'missing'])).toEqual(
      new Map([['a', { id: 'a', title: article.title, source: 'Benzinga', url: article.url, published: article.published }]]),
    );
    const stored = [...store.iterateVectors()];
    expect(stored.map((row) => row.passageId)).toEqual(passages.map((passage) => passage.id));
    stored.forEach((row, index) => {
      expectSameVector(row.vector, vectors[index]);
    });
    expect(store.counts()).toEqual({ articles: 1, passages: 3 });
    expect(store.getEmbedderInfo()).toEqual({ id: 'test-embedder', dimension: testDimension });
  });

  it('replaces an article in place: new passage ids, old ones reported, old words no longer found, first ingestion time kept', () => {
    const first = putWithVectors(store, makeArticle('a', { body: 'The council voted on the harbour budget.' }));
    const oldIds = first.passages.map((passage) => passage.id);
    const replaced = putWithVectors(
      store,
      makeArticle('a', { body: 'The mayor resigned. Elections follow in spring.', ingestedAt: '2030-01-01T00:00:00.000Z', contentHash: 'new' }),
    );
    expect(replaced.removedPassageIds).toEqual(oldIds);
    expect(Math.min(...replaced.passages.map((passage) => passage.id))).toBeGreaterThan(Math.max(...oldIds));
    expect(store.lexicalSearch('harbour budget', 10)).toEqual([]);
    expect(store.lexicalSearch('mayor', 10).map((hit) => hit.passageId)).toEqual([replaced.passages[0]?.id]);
    expect(store.getArticle('a')?.ingestedAt).toBe('2024-05-04T00:00:00.000Z');
    expect(store.getArticleRef('a')?.contentHash).toBe('new');
    expect(store.vectorPassageIds()).toEqual(replaced.passages.map((passage) => passage.id));
    expect(store.counts()).toEqual({ articles: 1, passages: 2 });
  });

  it('deletes an article with its passages, vectors and search rows, and never reuses its passage ids', () => {
    putWithVectors(store, makeArticle('keep', { body: 'Shipping rates rose.' }));
    const removed = putWithVectors(store, makeArticle('gone', { body: 'Chip exports were banned. Shipping stalled.' }));
    const ids = removed.passages.map((passage) => passage.id);
    expect(store.deleteArticle('gone')).toEqual(ids);
    expect(store.getArticle('gone')).toBeNull();
    expect(store.getPassages(ids)).toEqual([]);
    expect(store.lexicalSearch('chip exports', 10)).toEqual([]);
    expect(store.lexicalSearch('shipping', 10)).toHaveLength(1);
    expect([...store.iterateVectors()]).toHaveLength(1);
    expect(store.deleteArticle('gone')).toEqual([]);

    const next = putWithVectors(store, makeArticle('new', { body: 'Fresh news.' }));
    expect(next.passages[0]?.id).toBeGreaterThan(Math.max(...ids));
  });

  it('bumps the generation on every write that changes something', () => {
    const start = store.getGeneration();
    putWithVectors(store, makeArticle('a'));
    expect(store.getGeneration()).toBe(start + 1);
    store.deleteArticle('a');
    expect(store.getGeneration()).toBe(start + 2);
    store.deleteArticle('a');
    store.setEmbedderInfo({ id: 'test-embedder', dimension: testDimension });
    expect(store.getGeneration()).toBe(start + 2);
  });

  it('caches each passage vector under the hash of its text and the embedder, so unchanged text is never re-embedded', () => {
    const article = makeArticle('a', { body: 'Huawei shipped Ascend chips. ByteDance denied buying them.' });
    const drafts = draftsFor(article.body);
    const vectors = randomVectors(drafts.length, testDimension, 9);
    store.putArticle(article, drafts, vectors);
    store.deleteArticle('a');

    const hashes = drafts.map((draft) => hashPassageText(draft.text));
    const cached = store.getCachedVectors([...hashes, hashPassageText('never stored')], 'test-embedder');
    expect([...cached.keys()].sort()).toEqual([...hashes].sort());
    expectSameVector(cached.get(hashes[1] ?? ''), vectors[1]);
    expect(store.getCachedVectors(hashes, 'another-embedder').size).toBe(0);
  });

  it('caches re-embedded vectors under the new embedder once it is recorded, keeping the old embedder cache apart', () => {
    const article = makeArticle('a', { body: 'Huawei shipped Ascend chips.' });
    const drafts = draftsFor(article.body);
    const oldVectors = randomVectors(1, testDimension, 1);
    store.putArticle(article, drafts, oldVectors);
    const newVectors = randomVectors(1, 4, 2);
    expect(() => store.putArticle(article, drafts, newVectors)).toThrow(/call setEmbedderInfo with the new one/);

    store.setEmbedderInfo({ id: 'new-embedder', dimension: 4 });
    store.putArticle(article, drafts, newVectors);
    const hash = hashPassageText(drafts[0]?.text ?? '');
    expectSameVector(store.getCachedVectors([hash], 'new-embedder').get(hash), newVectors[0]);
    expectSameVector(store.getCachedVectors([hash], 'test-embedder').get(hash), oldVectors[0]);
  });

  it('lists the articles that came from a file or from anywhere under a folder', () => {
    for (const [id, originFile] of [
      ['one', '/corpus/world/one.md'],
      ['two', '/corpus/world/deep/two.md'],
      ['odd', '/corpus/world_100%/odd.md'],
      ['sibling', '/corpus/worldwide/three.md'],
      ['feed', null],
    ] as const) {
      putWithVectors(store, makeArticle(id, { originFile, origin: originFile ?? 'https://feed.test/rss' }));
    }
    const ids = (folder: string): string[] => store.listArticleRefsUnder(folder).map((ref) => ref.id);
    expect(ids('/corpus/world')).toEqual(['one', 'two']);
    expect(ids('/corpus/world/')).toEqual(['one', 'two']);
    expect(ids('/corpus/world/one.md')).toEqual(['one']);
    expect(ids('/corpus/world_100%')).toEqual(['odd']);
    expect(store.listArticleRefs().map((ref) => ref.id)).toEqual(['feed', 'odd', 'one', 'sibling', 'two']);
  });

  it('rejects inconsistent input without touching the stored article', () => {
    putWithVectors(store, makeArticle('a', { body: 'Original text.' }));
    const article = makeArticle('a', { body: 'Replacement text. Second sentence.' });
    const drafts = draftsFor(article.body);
    expect(() => store.putArticle(article, drafts, randomVectors(1, testDimension, 1))).toThrow(/2 passages but 1 vectors/);
    expect(() => store.putArticle(article, drafts, randomVectors(2, 3, 1))).toThrow(/dimensions/);
    const shifted = drafts.map((draft) => ({ ...draft, start: draft.start + 1 }));
    expect(() => store.putArticle(article, shifted, randomVectors(2, testDimension, 1))).toThrow(/body\.slice/);
    expect(store.getArticle('a')?.body).toBe('Original text.');
    expect(store.lexicalSearch('original', 5)).toHaveLength(1);
  });

  it('asks for the embedder to be recorded before it stores vectors', () => {
    const bare = SqliteArticleStore.open(nextStorePath());
    try {
      expect(() => putWithVectors(bare, makeArticle('a'))).toThrow(/setEmbedderInfo/);
    } finally {
      bare.close();
    }
  });

  it('runs in WAL mode with 16 KiB pages and refuses a store written by a newer schema', () => {
    store.close();
    const database = new Database(path);
    expect(database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(database.pragma('page_size', { simple: true })).toBe(16384);
    expect(database.pragma('user_version', { simple: true })).toBe(schemaVersion);
    database.pragma(`user_version = ${schemaVersion + 1}`);
    database.close();
    expect(() => SqliteArticleStore.open(path)).toThrow(expect.objectContaining({ code: 'STORE_TOO_NEW' }));
    store = SqliteArticleStore.open(nextStorePath());
  });
});

import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteArticleStore } from '../../src/providers/sqlite-article-store.js';
import { schemaVersion } from '../../src/providers/sqlite-schema.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { makeArticle, openTestStore, putWithVectors } from './store-fixtures.js';

// What every article store does is in test/contracts/article-store.contract.ts (run for SQLite by
// sqlite-storage.contract.test.ts); here is what only the SQLite store does.

const temp = makeTempDir('storydesk-store-');
afterAll(() => temp.remove());
/** A store file in a folder of its own. */
const nextStorePath = (): string => join(mkdtempSync(join(temp.path, 'store-')), 'storydesk.sqlite');

describe('SqliteArticleStore', () => {
  let path: string;
  let store: SqliteArticleStore;
  beforeEach(async () => {
    path = nextStorePath();
    store = await openTestStore(path);
  });
  afterEach(() => store.close());

  it('bumps the generation on every write that changes something', async () => {
    const start = store.getGeneration();
    await putWithVectors(store, makeArticle('a'));
    expect(store.getGeneration()).toBe(start + 1);
    await store.deleteArticle('a');
    expect(store.getGeneration()).toBe(start + 2);
    await store.deleteArticle('a');
    await store.setEmbedderInfo({ id: 'test-embedder', dimension: 8 });
    expect(store.getGeneration()).toBe(start + 2);
  });

  it('lists the passages that have vectors, which a consistent vector index holds exactly', async () => {
    await putWithVectors(store, makeArticle('a', { body: 'The council voted. The mayor resigned.' }));
    const replaced = await putWithVectors(store, makeArticle('a', { body: 'Elections follow in spring.', contentHash: 'new' }));
    expect(store.vectorPassageIds()).toEqual(replaced.passages.map((passage) => passage.id));
    expect(store.passageIds()).toEqual(replaced.passages.map((passage) => passage.id));
  });

  it('asks for the embedder to be recorded before it stores vectors', async () => {
    const bare = SqliteArticleStore.open(nextStorePath());
    try {
      await expect(putWithVectors(bare, makeArticle('a'))).rejects.toThrow(/setEmbedderInfo/);
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

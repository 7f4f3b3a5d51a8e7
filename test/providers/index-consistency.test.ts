import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readIndexSidecar, sidecarPath } from '../../src/providers/hnsw-index-sidecar.js';
import { HnswVectorIndex } from '../../src/providers/hnsw-vector-index.js';
import { ensureIndexConsistent, openConsistentIndex } from '../../src/providers/index-consistency.js';
import type { SqliteArticleStore } from '../../src/providers/sqlite-article-store.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { randomVectors } from './deterministic-vectors.js';
import { makeArticle, openTestStore, putWithVectors, testDimension } from './store-fixtures.js';

const temp = makeTempDir('storydesk-consistency-');
afterAll(() => temp.remove());

describe('ensureIndexConsistent', () => {
  let store: SqliteArticleStore;
  let indexPath: string;
  beforeEach(async () => {
    const folder = mkdtempSync(join(temp.path, 'data-'));
    store = await openTestStore(join(folder, 'storydesk.sqlite'));
    indexPath = join(folder, 'passages.hnsw');
  });
  afterEach(() => store.close());

  const fillStore = async (articles: number): Promise<void> => {
    for (let number = 0; number < articles; number += 1) {
      await putWithVectors(store, makeArticle(`article-${number}`, { body: `First claim ${number}. Second claim ${number}.` }), number + 1);
    }
  };
  /** The index matches the store: same labels, and each stored vector finds its own passage. */
  const expectMatchesStore = (index: HnswVectorIndex): void => {
    expect(index.labels()).toEqual(store.vectorPassageIds());
    for (const { passageId, vector } of store.iterateVectors()) expect(index.search(vector, 1)[0]?.label).toBe(passageId);
  };

  it('creates an empty index for a fresh store without calling it a repair', () => {
    const { index, repaired } = ensureIndexConsistent(store, indexPath, testDimension);
    expect(repaired).toBe(false);
    expect(index.count()).toBe(0);
    expect(existsSync(indexPath)).toBe(true);
  });

  it('opens a matching index as saved, with ef set for good recall', async () => {
    await fillStore(5);
    ensureIndexConsistent(store, indexPath, testDimension);
    const { index, repaired } = ensureIndexConsistent(store, indexPath, testDimension, { efSearch: 120 });
    expect(repaired).toBe(false);
    expect(index.ef).toBe(120);
    expectMatchesStore(index);
  });

  it('rebuilds a deleted index file from the stored vectors', async () => {
    await fillStore(5);
    ensureIndexConsistent(store, indexPath, testDimension);
    rmSync(indexPath);
    const { index, repaired, reason } = ensureIndexConsistent(store, indexPath, testDimension);
    expect(repaired).toBe(true);
    expect(reason).toMatch(/missing/);
    expectMatchesStore(index);
    expect(readIndexSidecar(indexPath)?.generation).toBe(store.getGeneration());
  });

  it('rebuilds a truncated or damaged index file', async () => {
    await fillStore(5);
    ensureIndexConsistent(store, indexPath, testDimension);
    const bytes = readFileSync(indexPath);
    bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] ?? 0) ^ 0xff;
    writeFileSync(indexPath, bytes);
    const damaged = ensureIndexConsistent(store, indexPath, testDimension);
    expect(damaged.repaired).toBe(true);
    expect(damaged.reason).toMatch(/could not be loaded/);
    expectMatchesStore(damaged.index);

    truncateSync(indexPath, 64);
    const truncated = ensureIndexConsistent(store, indexPath, testDimension);
    expect(truncated.repaired).toBe(true);
    expectMatchesStore(truncated.index);
  });

  it('rebuilds an index the store moved on from after it was saved (crash before the index save)', async () => {
    await fillStore(5);
    ensureIndexConsistent(store, indexPath, testDimension);
    await putWithVectors(store, makeArticle('late', { body: 'Committed to SQLite only.' }), 99);
    await store.deleteArticle('article-0');
    const { index, repaired, reason } = ensureIndexConsistent(store, indexPath, testDimension);
    expect(repaired).toBe(true);
    expect(reason).toMatch(/store generation/);
    expectMatchesStore(index);
  });

  it('rebuilds an index saved ahead of the store (crash before the SQLite commit)', async () => {
    await fillStore(3);
    const { index } = ensureIndexConsistent(store, indexPath, testDimension);
    index.add(10_000, randomVectors(1, testDimension, 5)[0] ?? []);
    index.save();
    const repaired = ensureIndexConsistent(store, indexPath, testDimension);
    expect(repaired.repaired).toBe(true);
    expect(repaired.index.labels()).not.toContain(10_000);
    expectMatchesStore(repaired.index);
  });

  it('rebuilds when the sidecar is missing or the dimension differs', async () => {
    await fillStore(2);
    ensureIndexConsistent(store, indexPath, testDimension);
    rmSync(sidecarPath(indexPath));
    expect(ensureIndexConsistent(store, indexPath, testDimension).reason).toMatch(/sidecar/);

    const other = HnswVectorIndex.create(testDimension * 2, { path: indexPath });
    other.save();
    const { repaired, reason, index } = ensureIndexConsistent(store, indexPath, testDimension);
    expect(repaired).toBe(true);
    expect(reason).toMatch(/dimensions/);
    expectMatchesStore(index);
  });

  it('explains that the store must be re-embedded when its vectors have another dimension', async () => {
    await fillStore(1);
    expect(() => ensureIndexConsistent(store, indexPath, testDimension * 2)).toThrow(/re-embed/);
  });

  it('compacts an index whose deleted slots outnumber its live vectors', async () => {
    await fillStore(2);
    const { index } = ensureIndexConsistent(store, indexPath, testDimension);
    const junk = randomVectors(1100, testDimension, 8);
    junk.forEach((vector, position) => {
      index.add(50_000 + position, vector);
    });
    junk.forEach((_, position) => {
      index.remove(50_000 + position);
    });
    index.save();
    const compacted = ensureIndexConsistent(store, indexPath, testDimension);
    expect(compacted.reason).toMatch(/compacting/);
    expect(compacted.index.deletedCount()).toBe(0);
    expectMatchesStore(compacted.index);
  });

  describe('openConsistentIndex (the file read overlapped)', () => {
    it('opens a matching index as saved', async () => {
      await fillStore(5);
      ensureIndexConsistent(store, indexPath, testDimension);
      const { index, repaired } = await openConsistentIndex(store, indexPath, testDimension, { efSearch: 120 });
      expect(repaired).toBe(false);
      expect(index.ef).toBe(120);
      expectMatchesStore(index);
    });

    it('rebuilds a damaged file, a missing one, and one the store moved on from', async () => {
      await fillStore(5);
      ensureIndexConsistent(store, indexPath, testDimension);
      const bytes = readFileSync(indexPath);
      bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] ?? 0) ^ 0xff;
      writeFileSync(indexPath, bytes);
      const damaged = await openConsistentIndex(store, indexPath, testDimension);
      expect(damaged.reason).toMatch(/could not be loaded/);
      expectMatchesStore(damaged.index);

      rmSync(indexPath);
      expect((await openConsistentIndex(store, indexPath, testDimension)).reason).toMatch(/missing/);

      await putWithVectors(store, makeArticle('late', { body: 'Committed to SQLite only.' }), 99);
      const movedOn = await openConsistentIndex(store, indexPath, testDimension);
      expect(movedOn.reason).toMatch(/store generation/);
      expectMatchesStore(movedOn.index);
    });
  });
});

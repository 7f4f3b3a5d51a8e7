import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readIndexSidecar, sidecarPath } from '../../src/providers/hnsw-index-sidecar.js';
import { HnswVectorIndex } from '../../src/providers/hnsw-vector-index.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { exactNearest, randomVectors } from './deterministic-vectors.js';
import { describeVectorIndexContract } from './vector-index.contract.js';

const temp = makeTempDir('storydesk-hnsw-');
afterAll(() => temp.remove());
/** A path in a folder of its own, so tests never share an index file. */
const nextPath = (): string => join(mkdtempSync(join(temp.path, 'index-')), 'passages.hnsw');

describeVectorIndexContract('HnswVectorIndex', (dimension) => HnswVectorIndex.create(dimension, { path: nextPath(), capacity: 16 }));

/** Mean share of the exact top-k that the index returns. */
function recallAtK(index: HnswVectorIndex, vectors: Map<number, number[]>, queries: number[][], k: number): number {
  let found = 0;
  for (const query of queries) {
    const truth = new Set(exactNearest(vectors, query, k));
    found += index.search(query, k).filter((hit) => truth.has(hit.label)).length;
  }
  return found / (queries.length * k);
}

describe('HnswVectorIndex', () => {
  it('keeps recall@10 at or above 0.95 after a save and load, because ef is set again on load', () => {
    const path = nextPath();
    const vectors = new Map(randomVectors(2000, 64, 1).map((vector, label) => [label + 1, vector] as const));
    const queries = randomVectors(100, 64, 2);
    const built = HnswVectorIndex.create(64, { path, capacity: 256 });
    for (const [label, vector] of vectors) built.add(label, vector);
    built.save();

    const loaded = HnswVectorIndex.load(path, 64);
    expect(loaded.ef).toBe(100);
    expect(loaded.count()).toBe(2000);
    expect(recallAtK(loaded, vectors, queries, 10)).toBeGreaterThanOrEqual(0.95);
  });

  it('uses the configured ef after a load', () => {
    const path = nextPath();
    const index = HnswVectorIndex.create(4, { path });
    index.add(1, [1, 0, 0, 0]);
    index.save();
    expect(HnswVectorIndex.load(path, 4, { efSearch: 250 }).ef).toBe(250);
  });

  it('grows past its initial capacity and still finds every vector', () => {
    const vectors = randomVectors(300, 16, 3);
    const index = HnswVectorIndex.create(16, { path: nextPath(), capacity: 16 });
    vectors.forEach((vector, label) => {
      index.add(label, vector);
    });
    expect(index.count()).toBe(300);
    const misses = vectors.filter((vector, label) => index.search(vector, 1)[0]?.label !== label);
    expect(misses).toHaveLength(0);
  });

  it('keeps removed labels removed across a save and load, with or without the sidecar', () => {
    const path = nextPath();
    const vectors = randomVectors(40, 8, 4);
    const index = HnswVectorIndex.create(8, { path });
    vectors.forEach((vector, label) => {
      index.add(label, vector);
    });
    index.remove(3);
    index.remove(30);
    index.save();

    const withSidecar = HnswVectorIndex.load(path, 8);
    expect(withSidecar.count()).toBe(38);
    expect(withSidecar.labels()).not.toContain(3);
    expect(withSidecar.deletedCount()).toBe(2);

    rmSync(sidecarPath(path));
    const probed = HnswVectorIndex.load(path, 8);
    expect(probed.labels()).toEqual(withSidecar.labels());
    expect(probed.search(vectors[30] ?? [], 40).map((hit) => hit.label)).not.toContain(30);
  });

  it('restricts a search to accepted labels and still returns k of them', () => {
    const vectors = randomVectors(200, 8, 5);
    const index = HnswVectorIndex.create(8, { path: nextPath() });
    vectors.forEach((vector, label) => {
      index.add(label, vector);
    });
    const hits = index.search(vectors[0] ?? [], 5, (label) => label % 2 === 1);
    expect(hits).toHaveLength(5);
    expect(hits.every((hit) => hit.label % 2 === 1)).toBe(true);
  });

  it('saves atomically and records count, generation and the file hash in the sidecar', () => {
    const path = nextPath();
    let generation = 41;
    const index = HnswVectorIndex.create(4, { path, generation: () => generation });
    index.add(7, [0, 1, 0, 0]);
    generation = 42;
    index.save();
    expect(existsSync(`${path}.tmp`)).toBe(false);
    expect(existsSync(`${sidecarPath(path)}.tmp`)).toBe(false);
    const sidecar = readIndexSidecar(path);
    expect(sidecar).toMatchObject({ dimension: 4, count: 1, generation: 42, fileBytes: readFileSync(path).byteLength });
  });

  it('refuses to load a truncated or damaged file, or one of another dimension', () => {
    const path = nextPath();
    const index = HnswVectorIndex.create(8, { path });
    randomVectors(20, 8, 6).forEach((vector, label) => {
      index.add(label, vector);
    });
    index.save();
    expect(() => HnswVectorIndex.load(path, 16)).toThrow(expect.objectContaining({ code: 'INDEX_DIMENSION_MISMATCH' }));

    const bytes = readFileSync(path);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
    writeFileSync(path, bytes);
    expect(() => HnswVectorIndex.load(path, 8)).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT' }));

    truncateSync(path, 100);
    expect(() => HnswVectorIndex.load(path, 8)).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT' }));
    rmSync(sidecarPath(path));
    // Without a sidecar, hnswlib's own size check still rejects the truncated file.
    expect(() => HnswVectorIndex.load(path, 8)).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT' }));
  });
});

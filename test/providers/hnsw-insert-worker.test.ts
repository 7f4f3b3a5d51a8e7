import { existsSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readIndexSidecar } from '../../src/providers/hnsw-index-sidecar.js';
import { HnswVectorIndex } from '../../src/providers/hnsw-vector-index.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { randomVectors } from './deterministic-vectors.js';
import { describeVectorIndexContract } from './vector-index.contract.js';

const temp = makeTempDir('storydesk-hnsw-worker-');
afterAll(() => temp.remove());
const nextPath = (): string => join(mkdtempSync(join(temp.path, 'index-')), 'passages.hnsw');

// The same contract with graph building handed to the worker after a few changes.
describeVectorIndexContract('HnswVectorIndex with the insert worker', (dimension) => HnswVectorIndex.create(dimension, { path: nextPath(), workerAfter: 8 }));

describe('HnswVectorIndex with the insert worker', () => {
  const vectors = randomVectors(600, 16, 11);

  it('builds in the worker and saves what a main-thread build would hold', () => {
    const path = nextPath();
    const index = HnswVectorIndex.create(16, { path, workerAfter: 100 });
    vectors.forEach((vector, label) => {
      index.add(label, vector);
    });
    for (let label = 0; label < 600; label += 10) index.remove(label);
    index.save();
    expect(existsSync(`${path}.handover`)).toBe(false);
    expect(existsSync(`${path}.tmp`)).toBe(false);
    expect(readIndexSidecar(path)?.count).toBe(540);
    const loaded = HnswVectorIndex.load(path, 16);
    expect(loaded.labels()).toEqual(index.labels());
    expect(loaded.deletedCount()).toBe(60);
    for (const label of [1, 77, 599]) expect(loaded.search(vectors[label] ?? [], 1)[0]?.label).toBe(label);
    expect(loaded.search(vectors[10] ?? [], 5).map((hit) => hit.label)).not.toContain(10);
  });

  it('answers a search in the middle of worker building with every change so far', () => {
    const index = HnswVectorIndex.create(16, { path: nextPath(), workerAfter: 50 });
    vectors.slice(0, 300).forEach((vector, label) => {
      index.add(label, vector);
    });
    expect(index.search(vectors[250] ?? [], 1)[0]?.label).toBe(250);
    vectors.slice(300).forEach((vector, offset) => {
      index.add(300 + offset, vector);
    });
    expect(index.search(vectors[550] ?? [], 1)[0]?.label).toBe(550);
    expect(index.count()).toBe(600);
  });

  it('continues a loaded index in the worker, starting from its saved file', () => {
    const path = nextPath();
    const first = HnswVectorIndex.create(16, { path, workerAfter: Number.POSITIVE_INFINITY });
    vectors.slice(0, 200).forEach((vector, label) => {
      first.add(label, vector);
    });
    first.save();
    const loaded = HnswVectorIndex.load(path, 16, { workerAfter: 100 });
    vectors.slice(200).forEach((vector, offset) => {
      loaded.add(200 + offset, vector);
    });
    loaded.remove(3);
    loaded.save();
    const reloaded = HnswVectorIndex.load(path, 16);
    expect(reloaded.count()).toBe(599);
    for (const label of [0, 199, 200, 599]) expect(reloaded.search(vectors[label] ?? [], 1)[0]?.label).toBe(label);
    expect(reloaded.labels()).not.toContain(3);
  });
});

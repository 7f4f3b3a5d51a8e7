import { closeSync, mkdtempSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HnswVectorIndex } from '../../src/providers/hnsw-vector-index.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { randomVectors } from './deterministic-vectors.js';

const temp = makeTempDir('storydesk-hnsw-params-');
afterAll(() => temp.remove());
const nextPath = (): string => join(mkdtempSync(join(temp.path, 'index-')), 'passages.hnsw');

/**
 * M and efConstruction as hnswlib's file header holds them (after offsetLevel0, maxElements, count,
 * sizeDataPerElement, labelOffset, offsetData, maxLevel, enterPoint, maxM, maxM0 come M, mult, efConstruction).
 */
function headerParams(path: string): { m: number; efConstruction: number } {
  const header = Buffer.alloc(96);
  const descriptor = openSync(path, 'r');
  try {
    readSync(descriptor, header, 0, header.length, 0);
  } finally {
    closeSync(descriptor);
  }
  return { m: Number(header.readBigUInt64LE(72)), efConstruction: Number(header.readBigUInt64LE(88)) };
}

describe('HnswVectorIndex construction parameters', () => {
  it('are saved in the index file, so an index built with other defaults keeps its own when loaded and grown', () => {
    const path = nextPath();
    const vectors = randomVectors(300, 16, 7);
    const built = HnswVectorIndex.create(16, { path, capacity: 64, m: 16, efConstruction: 100 });
    vectors.slice(0, 200).forEach((vector, label) => built.add(label, vector));
    built.save();
    expect(headerParams(path)).toEqual({ m: 16, efConstruction: 100 });

    // Loaded with today's defaults, grown past its capacity and saved again: still the parameters it was built with.
    const loaded = HnswVectorIndex.load(path, 16);
    vectors.slice(200).forEach((vector, offset) => loaded.add(200 + offset, vector));
    loaded.save();
    expect(headerParams(path)).toEqual({ m: 16, efConstruction: 100 });
    expect(HnswVectorIndex.load(path, 16).count()).toBe(300);
  });

  it('of a new index are the defaults', () => {
    const path = nextPath();
    const index = HnswVectorIndex.create(16, { path });
    randomVectors(20, 16, 8).forEach((vector, label) => index.add(label, vector));
    index.save();
    expect(headerParams(path)).toEqual({ m: HnswVectorIndex.defaultM, efConstruction: HnswVectorIndex.defaultEfConstruction });
  });
});

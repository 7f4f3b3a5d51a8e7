import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HnswVectorIndex } from '../../src/providers/hnsw-vector-index.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('HnswVectorIndex reloaded while empty', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('grows past its loaded size (an empty saved index loads with no slots)', () => {
    const path = join(temp.path, 'empty.hnsw');
    HnswVectorIndex.create(8, { path }).save();
    const index = HnswVectorIndex.load(path, 8);
    for (let label = 0; label < 1500; label += 1) index.add(label, Array.from({ length: 8 }, (_, i) => Math.sin(label + i)));
    expect(index.count()).toBe(1500);
    expect(index.search(Array.from({ length: 8 }, (_, i) => Math.sin(7 + i)), 1)[0]?.label).toBe(7);
  });
});

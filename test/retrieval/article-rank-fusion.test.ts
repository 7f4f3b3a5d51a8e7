import { describe, expect, it } from 'vitest';
import { fuseArticleRanks } from '../../src/retrieval/article-rank-fusion.js';

const articleOf = (passageId: number): string | undefined => ({ 1: 'a', 2: 'a', 3: 'b', 4: 'c' })[passageId];

describe('fuseArticleRanks', () => {
  it('counts an article once per list, at the rank of its best passage', () => {
    const fused = fuseArticleRanks([{ ids: [1, 2, 3], weight: 1 }], articleOf, 60);
    expect(fused.get('a')).toBeCloseTo(1 / 61);
    // b is the second article of the list, although its passage is third.
    expect(fused.get('b')).toBeCloseTo(1 / 62);
  });

  it('adds the weighted contributions of each list', () => {
    const fused = fuseArticleRanks([
      { ids: [1, 3], weight: 1 },
      { ids: [3, 4], weight: 0.5 },
    ], articleOf, 60);
    expect(fused.get('b')).toBeCloseTo(1 / 62 + 0.5 / 61);
    expect(fused.get('c')).toBeCloseTo(0.5 / 62);
  });

  it('skips passages whose article is unknown without using up a rank', () => {
    const fused = fuseArticleRanks([{ ids: [99, 4], weight: 1 }], articleOf, 60);
    expect(fused.get('c')).toBeCloseTo(1 / 61);
    expect(fused.size).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../scripts/lib/seeded-random.js';
import { type PairsSharingTermsOptions, pairsSharingTerms } from '../../src/text/pairs-sharing-terms.js';

/** The reference: every pair compared. */
function bruteForce(sets: ReadonlySet<string>[], minShared: number, options: PairsSharingTermsOptions = {}): number[][] {
  const canPartner = options.canPartner ?? (() => true);
  return sets.map((set, index) =>
    sets.flatMap((other, otherIndex) => {
      if (otherIndex === index || !canPartner(otherIndex) || (options.laterOnly && otherIndex <= index)) return [];
      let shared = 0;
      for (const term of set) if (other.has(term)) shared += 1;
      return shared >= minShared ? [otherIndex] : [];
    }),
  );
}

/** Sets of words drawn from a skewed vocabulary, like sentences: a few very common terms, many rare ones. */
function randomSets(random: () => number, count: number, vocabulary: number): Set<string>[] {
  return Array.from({ length: count }, () => {
    const size = Math.floor(random() * 14);
    const set = new Set<string>();
    for (let index = 0; index < size; index += 1) set.add(`t${Math.floor(vocabulary * random() ** 2.5)}`);
    return set;
  });
}

describe('pairsSharingTerms', () => {
  it('finds exactly the pairs that comparing every pair finds, in the same order, on random sets', () => {
    const random = seededRandom(20261205);
    for (let trial = 0; trial < 60; trial += 1) {
      const sets = randomSets(random, 1 + Math.floor(random() * 80), 5 + Math.floor(random() * 200));
      const minShared = 1 + Math.floor(random() * 4);
      const partnerMask = sets.map(() => random() < 0.4);
      const variants: PairsSharingTermsOptions[] = [{}, { laterOnly: true }, { canPartner: (index) => partnerMask[index] === true }, { canPartner: (index) => partnerMask[index] === true, laterOnly: true }];
      for (const options of variants) expect(pairsSharingTerms(sets, minShared, options)).toEqual(bruteForce(sets, minShared, options));
    }
  });

  it('pairs sentences by the terms they share', () => {
    const sets = [new Set(['bytedanc', 'huawei', 'chip']), new Set(['tiktok', 'deni', 'huawei', 'chip']), new Set(['weather', 'rain']), new Set(['chip'])];
    expect(pairsSharingTerms(sets, 2)).toEqual([[1], [0], [], []]);
    expect(pairsSharingTerms(sets, 1)).toEqual([[1, 3], [0, 3], [], [0, 1]]);
    expect(pairsSharingTerms(sets, 1, { laterOnly: true })).toEqual([[1, 3], [3], [], []]);
  });

  it('refuses a minimum that is not a positive integer', () => {
    expect(() => pairsSharingTerms([new Set(['a'])], 0)).toThrow(RangeError);
    expect(() => pairsSharingTerms([new Set(['a'])], 1.5)).toThrow(RangeError);
  });
});

import { stemmer } from 'stemmer';
import { describe, expect, it } from 'vitest';
import { loadStanceClassifier } from '../../src/disputes/stance-classifier.js';
import { packedCosine, TextVectorCache } from '../../src/disputes/stance-embeddings.js';
import { DENSE_FEATURE_NAMES, STAGE_ONE_FEATURES, STAGE_TWO_FEATURES } from '../../src/disputes/stance-features.js';
import { sparseCosine, TermWeights } from '../../src/disputes/stance-idf.js';
import { PreparedTextCache } from '../../src/disputes/stance-prepared-text.js';
import { RELATEDNESS_FEATURE_NAMES, relatednessFeatures } from '../../src/disputes/stance-relatedness-features.js';
import { analyzeText } from '../../src/disputes/stance-text.js';

const corpus = [
  'ByteDance will train a new AI model on Huawei Ascend chips, the report said.',
  'The company said the report was false.',
  'Heavy rain flooded two farms, the county said.',
  'Officials said the river rose overnight.',
].map(analyzeText);
const weights = TermWeights.fromTexts(corpus);

describe('term weights', () => {
  it('weighs a rare term above a common one and an unseen term highest', () => {
    // Terms are stems; "report" is in two of the four texts, "huawei" in one.
    expect(weights.idf(stemmer('huawei'))).toBeGreaterThan(weights.idf(stemmer('report')));
    expect(weights.idf('zeppelin')).toBeGreaterThanOrEqual(weights.idf(stemmer('huawei')));
  });

  it('makes unit TF-IDF vectors, so a text has cosine 1 with itself', () => {
    const vector = weights.vector(corpus[0]?.termCounts ?? new Map());
    expect(sparseCosine(vector, vector)).toBeCloseTo(1, 6);
  });

  it('survives the round trip through the shipped JSON (terms seen once weigh as unseen ones)', () => {
    const restored = TermWeights.fromJson(weights.toJson());
    expect(restored.idf(stemmer('report'))).toBeCloseTo(weights.idf(stemmer('report')), 9);
    expect(restored.idf(stemmer('huawei'))).toBeCloseTo(restored.idf('zeppelin'), 9);
  });
});

describe('relatedness features', () => {
  const cache = new PreparedTextCache(weights);
  const claim = cache.get('ByteDance to train AI model on Huawei chips');
  const related = cache.get('The firm denied it. ByteDance will not train its AI model on Huawei chips, a spokesperson said.');
  const unrelated = cache.get('Heavy rain flooded two farms north of the river. The county opened a shelter.');

  it('score a text about the claim above a text about something else on every similarity', () => {
    const near = relatednessFeatures(claim, related, weights);
    const far = relatednessFeatures(claim, unrelated, weights);
    for (const name of ['tfidfAll', 'tfidfBest', 'idfShareAll', 'embAll', 'embBest']) {
      const index = RELATEDNESS_FEATURE_NAMES.indexOf(name);
      expect(near[index], name).toBeGreaterThan(far[index] ?? 0);
    }
  });

  it('are read by stage 1 and not by stage 2', () => {
    for (const name of RELATEDNESS_FEATURE_NAMES) {
      expect(DENSE_FEATURE_NAMES).toContain(name);
      expect(STAGE_ONE_FEATURES).toContain(name);
      expect(STAGE_TWO_FEATURES).not.toContain(name);
    }
  });

  it('pack sentence vectors to int8 without moving cosines by more than 0.01', () => {
    const vectors = new TextVectorCache();
    const a = vectors.get('Huawei chips power a new ByteDance model.', analyzeText('Huawei chips power a new ByteDance model.')).whole;
    const b = vectors.get('ByteDance trains AI on Huawei hardware.', analyzeText('ByteDance trains AI on Huawei hardware.')).whole;
    expect(packedCosine(a, a)).toBeCloseTo(1, 2);
    expect(packedCosine(a, b)).toBeGreaterThan(0);
    expect(packedCosine(a, b)).toBeLessThan(1);
  });
});

describe('the shipped stance weights', () => {
  it('were trained on sentence vectors of the shipped static embedder (retrain after changing it)', () => {
    expect(loadStanceClassifier().trainedWithEmbedder).toBe(new TextVectorCache().embedderId);
  });
});

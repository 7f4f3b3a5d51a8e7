import { describe, expect, it } from 'vitest';
import { COMMITMENT_FEATURE_NAMES, commitmentFeatures } from '../../src/disputes/stance-commitment-features.js';
import { TermWeights } from '../../src/disputes/stance-idf.js';
import { PreparedTextCache } from '../../src/disputes/stance-prepared-text.js';
import { analyzeText } from '../../src/disputes/stance-text.js';

const claim = 'ByteDance will train its new AI model on Huawei Ascend chips';
const asserting = 'ByteDance will train its new AI model on Huawei Ascend chips. The chips arrive in March.';
const reporting = 'ByteDance will reportedly train its new AI model on Huawei Ascend chips, according to people familiar with the plan. The chips arrive in March.';
const denying = 'ByteDance denied it will train its new AI model on Huawei Ascend chips, calling the report false. The company declined to say more.';

describe('commitmentFeatures', () => {
  const weights = TermWeights.fromTexts([claim, asserting, reporting, denying].map(analyzeText));
  const prepared = new PreparedTextCache(weights);
  const features = (text: string) => {
    const values = commitmentFeatures(prepared.get(claim), prepared.get(text), weights);
    return (name: string) => values[COMMITMENT_FEATURE_NAMES.indexOf(name)] ?? Number.NaN;
  };

  it('gives one value per name', () => {
    expect(commitmentFeatures(prepared.get(claim), prepared.get(asserting), weights)).toHaveLength(COMMITMENT_FEATURE_NAMES.length);
  });

  it('tells a body that states the claim from one that attributes it', () => {
    const stated = features(asserting);
    const reported = features(reporting);
    expect(stated('assertedCoverage')).toBeCloseTo(1);
    expect(reported('assertedCoverage')).toBeLessThan(0.5);
    expect(reported('hedgedCoverage')).toBeCloseTo(1);
    expect(reported('tfidfTopReported')).toBe(1);
    expect(stated('tfidfTopReported')).toBe(0);
  });

  it('sees a denial in the sentence closest to the claim', () => {
    const denied = features(denying);
    expect(denied('tfidfTopDenied')).toBe(1);
    expect(denied('tfidfTopRefuting')).toBeGreaterThan(0);
    expect(denied('refutingSentenceShare')).toBeGreaterThan(0);
    expect(features(asserting)('tfidfTopDenied')).toBe(0);
  });
});

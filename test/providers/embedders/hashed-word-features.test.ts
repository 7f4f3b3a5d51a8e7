import { beforeAll, describe, expect, it } from 'vitest';
import type { LexicalChannelSettings } from '../../../src/providers/embedders/hashed-word-features.js';
import { hashedWordFeatures } from '../../../src/providers/embedders/hashed-word-features.js';
import { SentencePieceTokenizer } from '../../../src/providers/embedders/sentence-piece-tokenizer.js';
import { readUseVocabulary } from '../../../src/providers/embedders/use-model-files.js';

const settings: LexicalChannelSettings = { dimensions: 256, weight: 0.5, hashes: 2, sifA: 1e-4 };

describe('hashedWordFeatures (the word-overlap channel of the static embedder)', () => {
  let tokenizer: SentencePieceTokenizer;
  const features = (text: string): Float32Array => {
    const out = new Float32Array(settings.dimensions);
    hashedWordFeatures(tokenizer.encode(text), tokenizer.vocabulary, settings, out);
    return out;
  };
  const dot = (left: Float32Array, right: Float32Array): number => left.reduce((sum, value, index) => sum + value * (right[index] ?? 0), 0);
  beforeAll(async () => {
    tokenizer = new SentencePieceTokenizer(await readUseVocabulary());
  });

  it('treats case, punctuation and inflection as the same word', () => {
    // Case changes the pieces' probabilities slightly, hence the word weights, not the words.
    expect(dot(features('ByteDance trains models'), features('bytedance, trained model.'))).toBeGreaterThan(0.99);
  });

  it('weights a shared rare name far above shared common words', () => {
    const question = features('What did ByteDance say about the chips?');
    const sharesName = features('ByteDance denied the report on Tuesday.');
    const sharesCommonWords = features('What did the minister say about the budget?');
    expect(dot(question, sharesName)).toBeGreaterThan(dot(question, sharesCommonWords));
  });

  it('is a unit vector, or all zeros when there is no word', () => {
    const vector = features('Huawei Ascend 910B');
    expect(Math.sqrt(dot(vector, vector))).toBeCloseTo(1, 5);
    expect(features('... !!!').every((value) => value === 0)).toBe(true);
    expect(features('').every((value) => value === 0)).toBe(true);
  });
});

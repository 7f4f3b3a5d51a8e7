import { describe, expect, it } from 'vitest';
import { loadUniversalSentenceEncoder } from './universal-sentence-encoder-embedder.js';

// Separate file (own process): the fallback loads a second, bundled TensorFlow.js that logs registration warnings.
describe('Universal Sentence Encoder fallback runtime (@energetic-ai/embeddings)', () => {
  it('produces the same vectors as the official TensorFlow.js runtime', async () => {
    const texts = ['ByteDance plans to train an AI model on Huawei chips', 'The recipe needs two eggs', ''];
    const official = await loadUniversalSentenceEncoder();
    const fallback = await loadUniversalSentenceEncoder({ runtime: 'energetic-ai' });
    expect(fallback.runtime).toBe('energetic-ai');
    expect(fallback.id).toBe(official.id);
    const [expected, actual] = [await official.embedDocuments(texts), await fallback.embedDocuments(texts)];
    // The empty text differs by design (unknown token vs "?"); real text must match.
    for (const index of [0, 1]) {
      const left = expected[index] ?? [];
      const right = actual[index] ?? [];
      expect(left.reduce((sum, value, position) => sum + value * (right[position] ?? 0), 0)).toBeGreaterThan(0.9999);
    }
    expect(actual[2]?.every(Number.isFinite)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { describeEmbedderContract } from '../../test/providers/embedders/embedder.contract.js';
import { loadUseEncoder } from '../lib/use-encoder.js';
import { loadUniversalSentenceEncoder } from './universal-sentence-encoder-embedder.js';

// Loaded once per file: about half a second each time.
const loaded = loadUniversalSentenceEncoder();
describeEmbedderContract('Universal Sentence Encoder lite', () => loaded);

describe('Universal Sentence Encoder lite', () => {
  it('runs on the official TensorFlow.js wasm backend, not the fallback', async () => {
    const embedder = await loaded;
    expect(embedder.runtime).toBe('tfjs-wasm');
    expect(embedder.id).toBe('use-lite-512@1');
    expect(embedder.dimension).toBe(512);
  });

  it('is what the research scripts load by its computed path', async () => {
    const embedder = await loadUseEncoder();
    expect(embedder.id).toBe('use-lite-512@1');
  });
});

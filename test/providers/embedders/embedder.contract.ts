import { beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../../src/core/embedder.js';

const dot = (left: number[], right: number[]): number => left.reduce((sum, value, index) => sum + value * (right[index] ?? 0), 0);
const norm = (vector: number[]): number => Math.sqrt(dot(vector, vector));

/** Behaviour every offline embedder must have; run once per implementation, loading the model once. */
export function describeEmbedderContract(name: string, load: () => Promise<Embedder>): void {
  describe(`${name} (embedder contract)`, () => {
    let embedder: Embedder;
    beforeAll(async () => {
      embedder = await load();
    });

    it('returns one unit-length vector of the declared dimension per text', async () => {
      const vectors = await embedder.embedDocuments(['Markets fell sharply on Monday.', 'The senate passed the bill.']);
      expect(vectors).toHaveLength(2);
      for (const vector of vectors) {
        expect(vector).toHaveLength(embedder.dimension);
        expect(norm(vector)).toBeCloseTo(1, 4);
      }
    });

    it('has an id that names the model and its settings', () => {
      expect(embedder.id).toMatch(/@\d/);
    });

    it('gives the same vector for the same text every time', async () => {
      const text = 'Officials said the storm had weakened overnight.';
      const first = await embedder.embedQuery(text);
      const second = await embedder.embedQuery(text);
      expect(second).toEqual(first);
    });

    it('puts a paraphrase closer than an unrelated sentence', async () => {
      const [claim, paraphrase, unrelated] = await embedder.embedDocuments([
        'ByteDance plans to train an AI model on Huawei chips',
        "TikTok's owner will use Huawei processors for AI training",
        'The recipe needs two eggs',
      ]);
      if (claim === undefined || paraphrase === undefined || unrelated === undefined) throw new Error('missing vectors');
      expect(dot(claim, paraphrase)).toBeGreaterThan(dot(claim, unrelated) + 0.1);
    });

    it('embeds an empty string and a very long text without crashing, as finite vectors', async () => {
      const long = 'The central bank raised interest rates again. '.repeat(50_000);
      const vectors = await embedder.embedDocuments(['', '   ', long]);
      expect(vectors).toHaveLength(3);
      for (const vector of vectors) {
        expect(vector).toHaveLength(embedder.dimension);
        expect(vector.every(Number.isFinite)).toBe(true);
      }
    });

    it('embeds a batch exactly as it embeds each text alone, in input order', async () => {
      const texts = [
        'A much longer passage about the election results, the turnout in rural counties and what analysts expect next.',
        'Short one.',
        'Oil prices rose after the announcement.',
        '',
      ];
      const batch = await embedder.embedDocuments(texts);
      for (const [index, text] of texts.entries()) {
        const alone = await embedder.embedQuery(text);
        const inBatch = batch[index] ?? [];
        expect(dot(alone, inBatch)).toBeGreaterThan(0.9999);
      }
    });

    it('returns an empty list for no texts', async () => {
      expect(await embedder.embedDocuments([])).toEqual([]);
    });
  });
}

import { beforeAll, describe, expect, it } from 'vitest';
import { SentencePieceTokenizer } from '../../../src/providers/embedders/sentence-piece-tokenizer.js';
import { readUseVocabulary } from '../../../src/providers/embedders/use-model-files.js';

describe('SentencePieceTokenizer (Universal Sentence Encoder vocabulary)', () => {
  let tokenizer: SentencePieceTokenizer;
  const pieces = (text: string): string[] => tokenizer.encode(text).map((id) => tokenizer.vocabulary[id]?.[0] ?? '?');
  beforeAll(async () => {
    tokenizer = new SentencePieceTokenizer(await readUseVocabulary());
  });

  it('splits words into the pieces the original tokenizer produces', () => {
    // Ids checked against the tokenizer bundled in @energetic-ai/embeddings (identical on 200 RTQA articles).
    expect(tokenizer.encode("ByteDance's Ascend 910B chips")).toEqual([987, 330, 150, 441, 13, 7, 374, 131, 900, 538, 1302, 190, 4753, 7]);
    expect(pieces('the company said')).toEqual(['▁the', '▁company', '▁said']);
  });

  it('marks word starts and keeps unknown symbols as one merged unknown token', () => {
    const ids = tokenizer.encode('中文中文');
    expect(ids.filter((id) => id === 0).length).toBeLessThanOrEqual(1);
  });

  it('returns no tokens for an empty string', () => {
    expect(tokenizer.encode('')).toEqual([]);
  });

  it('tokenizes a long text in linear time', () => {
    const ids = tokenizer.encode('Ministers met in Brussels to discuss the budget. '.repeat(5000));
    expect(ids.length).toBeGreaterThan(40_000);
  });
});

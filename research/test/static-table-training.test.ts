import { describe, expect, it } from 'vitest';
import { mineHardNegatives } from '../train-embedder-hard-negatives.js';
import { pieceCounts, StaticTableTrainer } from '../train-embedder-infonce.js';

/** A tiny table: 6 pieces in 4 dimensions, rows from a fixed formula (no randomness). */
function tinyTable(): Float32Array {
  return Float32Array.from({ length: 6 * 4 }, (_, index) => Math.sin(index * 1.7 + 0.3));
}

describe('contrastive training of a static table', () => {
  const queries = [pieceCounts([0, 1]), pieceCounts([2, 3]), pieceCounts([4, 5])];
  const passages = [pieceCounts([1, 2]), pieceCounts([3, 4]), pieceCounts([5, 0])];
  const noWords = new Float32Array(9);
  const groups = ['a', 'b', 'c'];

  it('lowers the InfoNCE loss of the batch it trains on', () => {
    const trainer = new StaticTableTrainer(tinyTable(), 4, { learningRate: 0.05, temperature: 0.1, semanticWeight: 1, anchor: 0, symmetric: true });
    const first = trainer.trainBatch(queries, passages, noWords, groups);
    let last = first;
    for (let step = 0; step < 20; step++) last = trainer.trainBatch(queries, passages, noWords, groups);
    expect(last).toBeLessThan(first * 0.5);
  });

  it('does not treat pairs of one group as negatives of each other', () => {
    const trainer = new StaticTableTrainer(tinyTable(), 4, { learningRate: 0.05, temperature: 0.1, semanticWeight: 1, anchor: 0, symmetric: false });
    // With every pair in one group, each query sees only its own passage: the loss is exactly 0.
    expect(trainer.trainBatch(queries, passages, noWords, ['x', 'x', 'x'])).toBeCloseTo(0, 12);
  });

  it('embeds a text as the unit-length sum of its pieces rows', () => {
    const trainer = new StaticTableTrainer(tinyTable(), 4, { learningRate: 0, temperature: 0.1, semanticWeight: 1, anchor: 0, symmetric: true });
    const out = new Float32Array(4);
    trainer.embed(pieceCounts([0, 0, 1]), out);
    const rows = tinyTable();
    const sum = [0, 1, 2, 3].map((i) => 2 * (rows[i] as number) + (rows[4 + i] as number));
    const norm = Math.hypot(...sum);
    sum.forEach((value, i) => expect(out[i]).toBeCloseTo(value / norm, 5));
  });
});

describe('hard negatives in the contrastive step', () => {
  const queries = [pieceCounts([0, 1]), pieceCounts([2, 3])];
  const passages = [pieceCounts([1, 2]), pieceCounts([3, 4])];
  const settings = { learningRate: 0, temperature: 0.1, semanticWeight: 1, anchor: 0, symmetric: false };

  it('adds a negative to each query softmax, which raises the loss', () => {
    const plain = new StaticTableTrainer(tinyTable(), 4, settings).trainBatch(queries, passages, new Float32Array(4), ['a', 'b']);
    const hard = new StaticTableTrainer(tinyTable(), 4, settings).trainBatch(queries, passages, new Float32Array(4), ['a', 'b'], {
      passages: [pieceCounts([5, 0])],
      groups: ['c'],
      wordSimilarity: new Float32Array(2),
    });
    expect(hard).toBeGreaterThan(plain);
  });

  it('never uses a negative of the query own group', () => {
    const trainer = new StaticTableTrainer(tinyTable(), 4, settings);
    const alone = [pieceCounts([0, 1])];
    const own = [pieceCounts([1, 2])];
    const loss = trainer.trainBatch(alone, own, new Float32Array(1), ['a'], { passages: [pieceCounts([5])], groups: ['a'], wordSimilarity: new Float32Array(1) });
    expect(loss).toBeCloseTo(0, 12);
  });
});

describe('BM25 hard-negative mining', () => {
  it('picks a lexically close passage of another group', () => {
    const pairs = [
      { query: 'storm floods the coastal town', passage: 'The storm flooded the coastal town overnight.', group: 'a', source: 'ict' as const },
      { query: 'election results announced', passage: 'Coastal town storm damage was counted after the flood.', group: 'b', source: 'ict' as const },
      { query: 'cake recipe', passage: 'Mix flour and sugar for the cake.', group: 'c', source: 'ict' as const },
    ];
    expect(mineHardNegatives(pairs, { skip: 0, depth: 10 })[0]).toBe(1);
  });
});

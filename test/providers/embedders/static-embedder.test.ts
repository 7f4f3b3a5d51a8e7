import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createLocalEmbedder } from '../../../src/providers/embedders/create-local-embedder.js';
import { DEFAULT_STATIC_TABLE, StaticEmbedder } from '../../../src/providers/embedders/static-embedder.js';
import { decodeTable, encodeTable, quantizeTable } from '../../../src/providers/embedders/static-embedding-table.js';
import { describeEmbedderContract } from './embedder.contract.js';

const loaded = StaticEmbedder.load();
describeEmbedderContract('Static embedder distilled from USE lite', () => loaded);

describe('StaticEmbedder', () => {
  it('is the default local embedder, with the distillation recipe in its id', async () => {
    const embedder = await createLocalEmbedder();
    expect(embedder.id).toMatch(/^static-use-lite-pca\d+-/);
    expect(embedder.id).toBe((await loaded).id);
  });

  it('ranks the passage that answers a question above unrelated news', async () => {
    const embedder = await loaded;
    const [question, answer, other] = await embedder.embedDocuments([
      'Which airline is suspending service at JFK airport?',
      'United Airlines is temporarily halting service at JFK beginning October 29, the company announced.',
      'The senate voted on the farm bill after a long debate about subsidies.',
    ]);
    const dot = (left: number[] = [], right: number[] = []): number => left.reduce((sum, value, index) => sum + value * (right[index] ?? 0), 0);
    expect(dot(question, answer)).toBeGreaterThan(dot(question, other));
  });

  it('ships a table of a few MB that decodes to what was encoded', async () => {
    const bytes = await readFile(DEFAULT_STATIC_TABLE);
    expect(bytes.length).toBeLessThan(8_000_000);
    const table = decodeTable(bytes);
    expect(encodeTable(table).equals(bytes)).toBe(true);
  });

  it('refuses a file that is not a table, naming the problem', () => {
    expect(() => decodeTable(Buffer.from('not a table at all'))).toThrow(/magic/);
    const valid = encodeTable(quantizeTable([Float32Array.of(1, -0.5)], 'test'));
    expect(() => decodeTable(valid.subarray(0, valid.length - 1))).toThrow(/bytes, expected/);
  });
});

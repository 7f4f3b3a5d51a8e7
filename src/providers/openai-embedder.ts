import type OpenAI from 'openai';
import type { Embedder } from '../core/embedder.js';
import { StorydeskError } from '../core/errors.js';

export interface OpenAiEmbedderOptions {
  client: OpenAI;
  /** e.g. "text-embedding-3-small", or "nomic-embed-text" on Ollama. */
  model: string;
  /** Texts per request. @default 64 */
  batchSize?: number;
  /** Vector length; when omitted, `createOpenAiEmbedder` discovers it from one probe request. */
  dimension: number;
  /** Asks the server to shorten vectors (text-embedding-3 models only). */
  requestedDimensions?: number;
}

/**
 * Embeddings from an OpenAI-compatible `/embeddings` endpoint, in batches. Vectors are requested as base64
 * float32 (a quarter of the JSON size) and decoded here, because servers that ignore `encoding_format` and
 * send float arrays would be garbled by the SDK's own decoding; both forms are accepted.
 */
export class OpenAiEmbedder implements Embedder {
  readonly id: string;
  readonly dimension: number;
  readonly #options: OpenAiEmbedderOptions;

  constructor(options: OpenAiEmbedderOptions) {
    this.#options = options;
    this.dimension = options.dimension;
    // The dimension is part of the id: the same model shortened to other dimensions gives other vectors.
    this.id = `openai:${options.model}@${options.dimension}`;
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedDocuments([text]);
    if (!vector) throw new StorydeskError('embedding_missing', `The embedding server returned no vector for model ${this.#options.model}.`);
    return vector;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const batchSize = this.#options.batchSize ?? 64;
    const vectors: number[][] = [];
    // Batches run one after another: the machine and the server's rate limit are shared.
    for (let start = 0; start < texts.length; start += batchSize) {
      const batch = await requestEmbeddings(this.#options, texts.slice(start, start + batchSize));
      for (const vector of batch) {
        if (vector.length !== this.dimension) {
          throw new StorydeskError(
            'embedding_dimension_mismatch',
            `Model ${this.#options.model} returned ${vector.length}-d vectors but ${this.dimension} were expected. Re-embed the store after changing EMBEDDINGS_MODEL.`,
          );
        }
        vectors.push(vector);
      }
    }
    return vectors;
  }
}

/** An embedder whose dimension is taken from the options or, when absent, discovered with one probe request. */
export async function createOpenAiEmbedder(options: Omit<OpenAiEmbedderOptions, 'dimension'> & { dimension?: number }): Promise<OpenAiEmbedder> {
  const dimension = options.dimension ?? (await requestEmbeddings(options, ['dimension probe']))[0]?.length;
  if (!dimension) throw new StorydeskError('embedding_missing', `The embedding server returned no vector for model ${options.model}.`);
  return new OpenAiEmbedder({ ...options, dimension });
}

async function requestEmbeddings(options: Omit<OpenAiEmbedderOptions, 'dimension'>, texts: string[]): Promise<number[][]> {
  const response = await options.client.embeddings.create({
    model: options.model,
    // The API rejects empty strings; a space embeds as "nothing" without failing the batch.
    input: texts.map((text) => (text.trim() === '' ? ' ' : text)),
    encoding_format: 'base64',
    ...(options.requestedDimensions ? { dimensions: options.requestedDimensions } : {}),
  });
  if (response.data.length !== texts.length) {
    throw new StorydeskError('embedding_count_mismatch', `Asked for ${texts.length} embeddings, got ${response.data.length}.`);
  }
  return [...response.data].sort((a, b) => a.index - b.index).map((item) => decodeEmbedding(item.embedding as unknown));
}

/** A vector from base64 little-endian float32, or from a plain number array. */
export function decodeEmbedding(embedding: unknown): number[] {
  if (Array.isArray(embedding)) return embedding.map(Number);
  if (typeof embedding !== 'string') throw new StorydeskError('embedding_malformed', 'The embedding server sent a vector that is neither base64 nor an array.');
  const bytes = Buffer.from(embedding, 'base64');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const vector: number[] = new Array(Math.floor(bytes.byteLength / 4));
  for (let index = 0; index < vector.length; index += 1) vector[index] = view.getFloat32(index * 4, true);
  return vector;
}

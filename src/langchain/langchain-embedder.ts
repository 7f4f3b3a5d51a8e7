import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Embedder } from '../core/embedder.js';

/** Options of {@link embedderFromLangChain}. */
export interface LangChainEmbedderOptions {
  /**
   * Names the model and its settings; stored vectors are recomputed when it changes.
   * @default "langchain:" + the class name, its `model` / `modelName` when it has one, and the dimension
   */
  id?: string;
  /** Vector length; when absent, one probe text is embedded to find it. */
  dimension?: number;
}

/** Text embedded once to learn the dimension of an embeddings object that does not say. */
const DIMENSION_PROBE = 'dimension probe';

/**
 * Any LangChain `Embeddings` (OpenAI, Cohere, Ollama, a local transformer…) as storydesk's embedder: the two
 * methods are the same, and storydesk's extra `id` and `dimension` are derived. Vectors are scaled to unit
 * length, as the index and story clustering expect (cosine ranking is unchanged by it).
 */
export async function embedderFromLangChain(embeddings: EmbeddingsInterface, options: LangChainEmbedderOptions = {}): Promise<Embedder> {
  const dimension = options.dimension ?? (await embeddings.embedQuery(DIMENSION_PROBE)).length;
  if (!Number.isInteger(dimension) || dimension <= 0) {
    throw new Error(`The LangChain embeddings returned a vector of length ${dimension} for a probe text; storydesk needs a fixed positive dimension.`);
  }
  const id = options.id ?? derivedId(embeddings, dimension);
  const checked = (vector: number[]): number[] => {
    if (vector.length !== dimension) {
      throw new Error(`${id} returned a ${vector.length}-d vector, not ${dimension}-d: storydesk cannot index vectors of mixed lengths.`);
    }
    return unitLength(vector);
  };
  return {
    id,
    dimension,
    embedDocuments: async (texts) => (texts.length === 0 ? [] : (await embeddings.embedDocuments(texts)).map(checked)),
    embedQuery: async (text) => checked(await embeddings.embedQuery(text)),
  };
}

/** "langchain:OpenAIEmbeddings/text-embedding-3-small:1536@1": class, model when known, dimension. */
function derivedId(embeddings: EmbeddingsInterface, dimension: number): string {
  const fields = embeddings as unknown as { model?: unknown; modelName?: unknown };
  const model = [fields.model, fields.modelName].find((value): value is string => typeof value === 'string' && value !== '');
  const className = embeddings.constructor.name || 'Embeddings';
  return `langchain:${className}${model ? `/${model}` : ''}:${dimension}@1`;
}

function unitLength(vector: number[]): number[] {
  const length = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  // A zero vector stays zero: it has no direction to keep.
  return length === 0 ? vector : vector.map((value) => value / length);
}

/**
 * Turns text into vectors. Deliberately the same two methods as LangChain's `EmbeddingsInterface`,
 * so OpenAI-compatible or LangChain embedders plug in unchanged.
 */
export interface Embedder {
  /** Identifies model and settings; a change of id means stored vectors must be recomputed. */
  readonly id: string;
  readonly dimension: number;
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
}

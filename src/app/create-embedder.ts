import type { Env } from '../config/schema.js';
import type { Embedder } from '../core/embedder.js';
import { createLocalEmbedder } from '../providers/embedders/create-local-embedder.js';

/** The configured embedder: the bundled offline one by default, or an OpenAI-compatible server's. */
export async function createEmbedder(env: Env): Promise<Embedder> {
  if (env.EMBEDDINGS_PROVIDER === 'openai') {
    const { createOpenAiClient } = await import('../providers/openai-client.js');
    const { createOpenAiEmbedder } = await import('../providers/openai-embedder.js');
    return createOpenAiEmbedder({ client: createOpenAiClient(env), model: env.EMBEDDINGS_MODEL, batchSize: env.EMBEDDINGS_BATCH_SIZE });
  }
  return createLocalEmbedder();
}

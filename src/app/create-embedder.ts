import type { Env } from '../config/schema.js';
import type { Embedder } from '../core/embedder.js';
import { createLocalEmbedder } from '../providers/embedders/create-local-embedder.js';

/** The configured embedder: the bundled offline one by default. */
export async function createEmbedder(env: Env): Promise<Embedder> {
  if (env.EMBEDDINGS_PROVIDER === 'openai') {
    throw new Error('EMBEDDINGS_PROVIDER=openai is wired in a later step');
  }
  return createLocalEmbedder();
}

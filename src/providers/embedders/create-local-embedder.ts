import type { Embedder } from '../../core/embedder.js';
import { StaticEmbedder } from './static-embedder.js';

/**
 * The default offline embedder (no network, no API key); its `id` names model and settings. Piece vectors
 * distilled from the Universal Sentence Encoder lite and trained for retrieval, plus a word-overlap channel
 * (models/static-use-lite, 768-d, ~3,000 passages/s on one core, ~15 MB). The encoder itself (512-d, ~17
 * passages/s, ~200 MB of TensorFlow.js) was measured against it and lives in research/use-encoder/.
 */
export async function createLocalEmbedder(): Promise<Embedder> {
  return StaticEmbedder.load();
}

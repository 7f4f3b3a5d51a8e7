import type { Embedder } from '../../core/embedder.js';
import { StaticEmbedder } from './static-embedder.js';

/** Which bundled offline embedder to build. */
export type LocalEmbedderKind = 'static' | 'use';

/** Options of {@link createLocalEmbedder}. */
export interface LocalEmbedderOptions {
  /**
   * "static": piece vectors distilled from USE lite and trained for retrieval, plus a word-overlap channel
   * (models/static-use-lite, 768-d, ~3,000 passages/s on one core, ~15 MB); "use": the Universal Sentence
   * Encoder lite itself (512-d, ~17 passages/s, ~200 MB). Chosen by measurement, see
   * models/static-use-lite/PROVENANCE.md. @default "static"
   */
  kind?: LocalEmbedderKind;
}

/** The default offline embedder (no network, no API key); its `id` names model and settings. */
export async function createLocalEmbedder(options: LocalEmbedderOptions = {}): Promise<Embedder> {
  switch (options.kind ?? 'static') {
    case 'static':
      return StaticEmbedder.load();
    case 'use':
      // TensorFlow.js is only loaded when this embedder is chosen: it costs a second at start-up.
      return (await import('./universal-sentence-encoder-embedder.js')).loadUniversalSentenceEncoder();
  }
}

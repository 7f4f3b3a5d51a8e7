import type { Embedder } from '../../core/embedder.js';
import { loadUniversalSentenceEncoder } from './universal-sentence-encoder-embedder.js';

/** Which bundled offline embedder to build. */
export type LocalEmbedderKind = 'use';

/** Options of {@link createLocalEmbedder}. */
export interface LocalEmbedderOptions {
  /** The bundled model: "use" = Universal Sentence Encoder lite. @default "use" */
  kind?: LocalEmbedderKind;
}

/** The default offline embedder (no network, no API key); its `id` names model and settings. */
export async function createLocalEmbedder(options: LocalEmbedderOptions = {}): Promise<Embedder> {
  switch (options.kind ?? 'use') {
    case 'use':
      return loadUniversalSentenceEncoder();
  }
}

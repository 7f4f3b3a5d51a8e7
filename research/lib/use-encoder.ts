import type { Embedder } from '../../src/core/embedder.js';

/**
 * The Universal Sentence Encoder lite runs on TensorFlow.js (~150 MB), which only the research install has
 * (`npm run research:install`). It is imported by a computed path so that `tsc -p research` and scripts that
 * never call it work without that install; research/tsconfig.full.json type-checks the encoder itself.
 */
const ENCODER_MODULE = new URL('../use-encoder/universal-sentence-encoder-embedder.ts', import.meta.url).href;

/** Which runtime to load the encoder with (see research/use-encoder/universal-sentence-encoder-embedder.ts). */
export interface UseEncoderOptions {
  /** @default "auto" */
  runtime?: 'auto' | 'energetic-ai';
}

interface UseEncoderModule {
  loadUniversalSentenceEncoder(options?: UseEncoderOptions): Promise<Embedder & { readonly runtime: string }>;
}

/** Loads the encoder, or says how to install what it needs. */
export async function loadUseEncoder(options: UseEncoderOptions = {}): Promise<Embedder & { readonly runtime: string }> {
  let module: UseEncoderModule;
  try {
    module = (await import(ENCODER_MODULE)) as UseEncoderModule;
  } catch (error) {
    throw new Error('The Universal Sentence Encoder needs the research packages: run `npm run research:install` first.', { cause: error });
  }
  return module.loadUniversalSentenceEncoder(options);
}

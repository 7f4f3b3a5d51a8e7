import type { Embedder } from '../../src/core/embedder.js';
import type { Passage } from '../../src/core/passage.js';
import type { Neighbours, VectorMatrix } from './exact-search.js';

/** What the LangChain HNSWLib comparison needs from a bench run (research/langchain-hnswlib-baseline.ts). */
export interface LangChainBaselineInput {
  passages: Passage[];
  embedder: Embedder;
  questionTexts: string[];
  queryVectors: number[][];
  unitQueries: Float32Array[];
  matrix: VectorMatrix;
  exact: Neighbours[];
  articles: number;
  /** Builds to take the median of (each embeds every passage and builds a new index). */
  runs: number;
}

interface LangChainBaselineModule {
  measureLangChainHnswlib(input: LangChainBaselineInput): Promise<Record<string, number>>;
}

/**
 * The research file is imported by a computed path: @langchain/community is only in the research install, and
 * the product's type-check and install must not need it.
 */
const BASELINE_MODULE = new URL('../../research/langchain-hnswlib-baseline.ts', import.meta.url).href;

/** Runs the LangChain.js HNSWLib baseline, or says how to install it. */
export async function measureLangChainBaseline(input: LangChainBaselineInput): Promise<Record<string, number>> {
  let module: LangChainBaselineModule;
  try {
    module = (await import(BASELINE_MODULE)) as LangChainBaselineModule;
  } catch (error) {
    throw new Error('The LangChain HNSWLib baseline needs the research packages: run `npm run research:install`, or leave out --langchain.', { cause: error });
  }
  return module.measureLangChainHnswlib(input);
}

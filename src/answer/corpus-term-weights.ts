import { stemmer } from 'stemmer';
import type { ArticleStore } from '../core/article-store.js';
import { STOP_WORDS } from '../text/stop-words.js';
import { words } from '../text/terms.js';
import type { TermWeights } from './extractive-generator.js';

/**
 * Inverse document frequency of each question term over the indexed passages (BM25's idf), so that rare,
 * telling words ("JFK", "Ascend") count for more than common ones ("said", "people") when judging whether a
 * sentence answers the question.
 */
export function corpusTermWeights(store: ArticleStore): TermWeights {
  return async (question) => {
    const candidates = words(question).filter((word) => !STOP_WORDS.has(word));
    const { passages, counts } = await store.documentFrequencies(candidates);
    const weights = new Map<string, number>();
    for (const word of candidates) {
      const frequency = counts.get(word) ?? 0;
      const idf = Math.log(1 + (passages - frequency + 0.5) / (frequency + 0.5));
      const term = stemmer(/\d/.test(word) ? word : word.replace(/\./g, ''));
      // Words the corpus never uses get the weight of the rarest seen word, not infinity.
      weights.set(term, Math.max(weights.get(term) ?? 0, Math.max(idf, 0.1)));
    }
    return weights;
  };
}

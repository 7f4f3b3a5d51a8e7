import type { Citation } from '../core/answer.js';
import type { EvidenceSentence } from './evidence-sentence.js';

/** Numbers citations in order of first use; citing the same sentence twice reuses its number. */
export class CitationBook {
  readonly #byKey = new Map<string, Citation>();

  cite(sentence: EvidenceSentence): number {
    const key = `${sentence.article.id}:${sentence.start}:${sentence.end}`;
    const existing = this.#byKey.get(key);
    if (existing) return existing.n;
    const citation: Citation = {
      n: this.#byKey.size + 1,
      articleId: sentence.article.id,
      title: sentence.article.title,
      source: sentence.article.source,
      url: sentence.article.url,
      published: sentence.article.published,
      quote: sentence.text,
      start: sentence.start,
      end: sentence.end,
    };
    this.#byKey.set(key, citation);
    return citation.n;
  }

  citations(): Citation[] {
    return [...this.#byKey.values()];
  }
}

import { type TextVectors, TextVectorCache } from './stance-embeddings.js';
import type { TermWeights } from './stance-idf.js';
import { type AnalyzedText, analyzeText } from './stance-text.js';

/** A claim or text with everything the stance features read: its analysis, TF-IDF vectors and sentence vectors. */
export interface PreparedText {
  analyzed: AnalyzedText;
  /** Unit TF-IDF vector of the whole text. */
  tfidf: Map<string, number>;
  /**
   * Norm of each analysed sentence's TF-IDF vector (a sentence counts each term once, so its vector is the
   * terms' IDFs): enough for cosines with the claim, without keeping a map per sentence.
   */
  sentenceNorms: Float64Array;
  vectors: TextVectors;
}

/**
 * A bounded memo of prepared texts: inputs pair a few hundred bodies with thousands of claims, in any order,
 * so each distinct text is analysed and embedded once.
 */
export class PreparedTextCache {
  private readonly entries = new Map<string, PreparedText>();
  private readonly vectors: TextVectorCache;

  constructor(
    private readonly weights: TermWeights,
    private readonly capacity = 2_000,
  ) {
    this.vectors = new TextVectorCache(capacity);
  }

  /** The id of the embedder that makes the sentence vectors. */
  get embedderId(): string {
    return this.vectors.embedderId;
  }

  get(text: string): PreparedText {
    let prepared = this.entries.get(text);
    if (!prepared) {
      const analyzed = analyzeText(text);
      prepared = {
        analyzed,
        tfidf: this.weights.vector(analyzed.termCounts),
        sentenceNorms: Float64Array.from(analyzed.sentences, (sentence) => this.weights.norm(sentence.terms)),
        vectors: this.vectors.get(text, analyzed),
      };
      // Drop the oldest entry when full (a Map iterates in insertion order).
      if (this.entries.size >= this.capacity) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
      this.entries.set(text, prepared);
    }
    return prepared;
  }
}

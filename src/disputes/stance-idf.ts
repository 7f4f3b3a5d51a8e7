import type { AnalyzedText } from './stance-text.js';

/**
 * Document frequencies of stemmed terms, learned from the training texts and shipped with the weights, so
 * TF-IDF cosines weigh "huawei" far above "said" (the UCL FNC-1 system's strongest relatedness signal).
 */
export class TermWeights {
  constructor(
    /** Number of documents the frequencies were counted in. */
    readonly documents: number,
    /** Documents containing each term (terms seen once are left out: they weigh as unseen terms). */
    readonly frequencies: ReadonlyMap<string, number>,
  ) {}

  /** Counts document frequencies over distinct analysed texts. */
  static fromTexts(texts: Iterable<AnalyzedText>): TermWeights {
    const frequencies = new Map<string, number>();
    let documents = 0;
    for (const text of texts) {
      documents += 1;
      for (const term of text.termCounts.keys()) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    }
    return new TermWeights(documents, frequencies);
  }

  /** Smoothed inverse document frequency (unseen terms weigh most). */
  idf(term: string): number {
    return Math.log((this.documents + 1) / ((this.frequencies.get(term) ?? 0) + 1)) + 1;
  }

  /** Unit TF-IDF vector of a term→count map (or a set of terms, each counted once), sublinear TF. */
  vector(terms: ReadonlyMap<string, number> | ReadonlySet<string>): Map<string, number> {
    const weights = new Map<string, number>();
    let norm = 0;
    for (const term of terms.keys()) {
      const count = terms instanceof Map ? (terms.get(term) ?? 1) : 1;
      const weight = (1 + Math.log(count)) * this.idf(term);
      weights.set(term, weight);
      norm += weight * weight;
    }
    const scale = 1 / (Math.sqrt(norm) || 1);
    for (const [term, weight] of weights) weights.set(term, weight * scale);
    return weights;
  }

  /** Length of the TF-IDF vector of a set of terms (each counted once). */
  norm(terms: Iterable<string>): number {
    let sum = 0;
    for (const term of terms) sum += this.idf(term) ** 2;
    return Math.sqrt(sum);
  }

  /** Cosine of a unit TF-IDF vector with the vector of a set of terms of the given norm. */
  cosineWithSet(unit: ReadonlyMap<string, number>, terms: ReadonlySet<string>, norm: number): number {
    if (norm === 0) return 0;
    let sum = 0;
    for (const [term, weight] of unit) if (terms.has(term)) sum += weight * this.idf(term);
    return sum / norm;
  }

  /** Share of the claim's IDF mass whose terms appear in `terms`. */
  coverage(claimTerms: Iterable<string>, terms: { has(term: string): boolean }): number {
    let total = 0;
    let found = 0;
    for (const term of claimTerms) {
      const weight = this.idf(term);
      total += weight;
      if (terms.has(term)) found += weight;
    }
    return total === 0 ? 0 : found / total;
  }

  /** Compact JSON: terms seen in at least two documents (rarer ones get the unseen-term weight anyway, nearly). */
  toJson(): { documents: number; frequencies: Record<string, number> } {
    const frequencies: Record<string, number> = {};
    for (const [term, count] of [...this.frequencies].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (count >= 2) frequencies[term] = count;
    return { documents: this.documents, frequencies };
  }

  static fromJson(json: { documents: number; frequencies: Record<string, number> }): TermWeights {
    return new TermWeights(json.documents, new Map(Object.entries(json.frequencies)));
  }
}

/** Cosine of two unit sparse vectors. */
export function sparseCosine(left: ReadonlyMap<string, number>, right: ReadonlyMap<string, number>): number {
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  let sum = 0;
  for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0);
  return sum;
}

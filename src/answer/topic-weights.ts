/** How much each of a question's topic terms counts, and how much of the topic a set of terms covers. */
export interface TopicWeights {
  weightOf(term: string): number;
  /** Share (0..1) of the topic's weight that the terms cover. */
  coverage(terms: ReadonlySet<string>): number;
  /** The topic's rarest terms (highest weight first): the event-specific words an answering article must use. */
  rarest: string[];
}

/** The topic's rarest terms that are read as its event-specific words. */
export const RAREST_TERMS = 3;

/**
 * Weights the topic terms by the corpus weights (idf); a term the weights do not know gets their mean. Ties
 * among the rarest terms keep the question's word order, so the choice is deterministic.
 */
export function topicWeights(topicTerms: readonly string[], weights: ReadonlyMap<string, number>): TopicWeights {
  const known = [...weights.values()];
  const fallback = known.length > 0 ? known.reduce((sum, weight) => sum + weight, 0) / known.length : 1;
  const weightOf = (term: string): number => weights.get(term) ?? fallback;
  const total = topicTerms.reduce((sum, term) => sum + weightOf(term), 0);
  const coverage = (terms: ReadonlySet<string>): number =>
    total === 0 ? 0 : topicTerms.reduce((sum, term) => sum + (terms.has(term) ? weightOf(term) : 0), 0) / total;
  const rarest = topicTerms
    .map((term, index) => ({ term, index }))
    .sort((a, b) => weightOf(b.term) - weightOf(a.term) || a.index - b.index)
    .slice(0, RAREST_TERMS)
    .map((item) => item.term);
  return { weightOf, coverage, rarest };
}

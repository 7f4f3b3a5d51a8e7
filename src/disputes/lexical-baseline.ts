import type { Stance, StanceClassifier, StancePair } from '../core/stance.js';
import { TextAnalysisCache } from './stance-text.js';

/**
 * A deliberately simple rule baseline printed next to the learned engine: unrelated when few of the claim's
 * terms occur in the text, otherwise disagree when a refuting cue occurs, otherwise discuss.
 */
export class LexicalBaselineClassifier implements StanceClassifier {
  readonly id = 'lexical-baseline';
  private readonly cache = new TextAnalysisCache();
  constructor(private readonly relatedThreshold = 0.3) {}

  /** Stance of one pair by overlap and refuting cues. */
  classifyOne(pair: StancePair): Stance {
    const claim = this.cache.get(pair.claim);
    const text = this.cache.get(pair.text);
    const claimTerms = [...claim.termCounts.keys()];
    const shared = claimTerms.filter((term) => text.termCounts.has(term)).length;
    if (claimTerms.length === 0 || shared / claimTerms.length < this.relatedThreshold) return 'unrelated';
    if (text.cues.refutingPhrases > 0 || text.cues.refuting > text.wordCount / 50) return 'disagree';
    return 'discuss';
  }

  async classify(pairs: StancePair[]): Promise<Stance[]> {
    return pairs.map((pair) => this.classifyOne(pair));
  }
}

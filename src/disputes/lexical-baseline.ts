import type { Stance, StanceClassifier, StancePair } from '../core/stance.js';
import { analyzeText } from './stance-text.js';

/**
 * A deliberately simple rule baseline printed next to the learned engine: unrelated when few of the claim's
 * terms occur in the text, otherwise disagree when a refuting cue occurs, otherwise discuss.
 */
export class LexicalBaselineClassifier implements StanceClassifier {
  readonly id = 'lexical-baseline';
  constructor(private readonly relatedThreshold = 0.3) {}

  /** Stance of one pair by overlap and refuting cues. */
  classifyOne(pair: StancePair): Stance {
    const claim = analyzeText(pair.claim);
    const text = analyzeText(pair.text);
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

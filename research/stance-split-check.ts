import type { LabelledPair } from '../scripts/lib/stance-dataset.js';

/** What a test split shares with its training split (see `splitOverlap`). */
export interface SplitOverlap {
  /** Test pairs. */
  pairs: number;
  /** Related test pairs whose claim is also a related claim in training (the same story, seen with its label). */
  relatedClaimSeen: number;
  /** Test pairs whose text also appears in training. */
  textSeen: number;
  /** Test pairs whose claim appears in training at all (in FNC-1, as an unrelated pair with another cluster's body). */
  claimSeen: number;
}

/**
 * Counts what a test split shares with its training split. Grouping by article cluster should leave the
 * first two at zero: a related claim or a body seen in training would let a model recall its label. A
 * claim seen only as unrelated is expected (FNC-1 pairs every headline with bodies of other clusters) and
 * carries no stance label; stage 2, which decides the stance, only trains on related pairs.
 */
export function splitOverlap(training: readonly LabelledPair[], test: readonly LabelledPair[]): SplitOverlap {
  const relatedClaims = new Set(training.filter((pair) => pair.label !== 'unrelated').map((pair) => pair.claim));
  const claims = new Set(training.map((pair) => pair.claim));
  const texts = new Set(training.map((pair) => pair.text));
  return {
    pairs: test.length,
    relatedClaimSeen: test.filter((pair) => pair.label !== 'unrelated' && relatedClaims.has(pair.claim)).length,
    textSeen: test.filter((pair) => texts.has(pair.text)).length,
    claimSeen: test.filter((pair) => claims.has(pair.claim)).length,
  };
}

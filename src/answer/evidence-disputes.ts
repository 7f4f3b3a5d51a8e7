import type { DisputeKind } from '../core/answer.js';
import type { EvidenceSentence } from './evidence-sentence.js';
import { type SentenceHedge, sentenceHedge, speakerOf } from './hedge-cues.js';

/** A sentence of the evidence that denies or fails to verify a claim. */
export interface CounterEvidence {
  counter: EvidenceSentence;
  kind: DisputeKind;
  disputedBy?: string;
}

/** Hedge of each sentence, computed once per answer. */
export type HedgeLookup = (sentence: EvidenceSentence) => SentenceHedge;

export function hedgeLookup(): HedgeLookup {
  const cache = new Map<EvidenceSentence, SentenceHedge>();
  return (sentence) => {
    let hedge = cache.get(sentence);
    if (!hedge) {
      hedge = sentenceHedge(sentence.text);
      cache.set(sentence, hedge);
    }
    return hedge;
  };
}

function sharedTerms(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  return shared;
}

/**
 * Finds the sentences in the evidence that deny a claim or say it could not be verified. A denial counts when
 * it shares the claim's subject matter, or when it is a named party's denial quoted in the same article as a
 * reported claim ("sources told Reuters … a spokesperson said the premise is wrong"), which is how news
 * articles carry denials.
 */
export function findCounterEvidence(claim: EvidenceSentence, pool: EvidenceSentence[], hedgeOf: HedgeLookup): CounterEvidence[] {
  const claimHedge = hedgeOf(claim);
  if (claimHedge === 'denied' || claimHedge === 'unverified') return [];
  const found: CounterEvidence[] = [];
  for (const candidate of pool) {
    if (candidate === claim) continue;
    const hedge = hedgeOf(candidate);
    if (hedge !== 'denied' && hedge !== 'unverified') continue;
    const sameArticle = candidate.article.id === claim.article.id;
    const overlap = sharedTerms(claim.terms, candidate.terms);
    const speaker = speakerOf(candidate.text);
    const related =
      overlap >= 3 ||
      (sameArticle && overlap >= 2) ||
      (sameArticle && hedge === 'denied' && speaker !== undefined && claimHedge === 'reported') ||
      (sameArticle && hedge === 'unverified' && overlap >= 1);
    if (!related) continue;
    found.push({ counter: candidate, kind: hedge === 'denied' ? 'denied' : 'unverified', ...(speaker ? { disputedBy: speaker } : {}) });
  }
  // Denials first: they matter more to a reader than a failed verification.
  return found.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'denied' ? -1 : 1)).slice(0, 3);
}

import type { Claim } from '../core/claim.js';
import type { ClaimSource, ClaimStore } from '../core/claim-store.js';
import type { SentenceSpan } from '../core/passage.js';
import { CLAIM_READER_VERSION, extractClaims } from './claims.js';

export type { ClaimSource, ClaimStore };

/** An article's claims: from the store when it has them for this version, otherwise read now and stored. */
export async function claimsOf(article: ClaimSource, sentences: SentenceSpan[], store?: ClaimStore): Promise<Claim[]> {
  const stored = await store?.getClaims(article, CLAIM_READER_VERSION);
  if (stored) return stored;
  const claims = extractClaims(article.body, sentences);
  await store?.putClaims(article, CLAIM_READER_VERSION, claims);
  return claims;
}

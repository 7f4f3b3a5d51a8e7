import type { Article } from '../core/article.js';
import type { SentenceSpan } from '../core/passage.js';
import { type Claim, extractClaims } from './claims.js';

/** The parts of an article that identify one version of its text. */
export type ClaimSource = Pick<Article, 'id' | 'body' | 'contentHash'>;

/**
 * Where the claims read from an article are kept, with their offsets, so they can be cited verbatim without
 * reading the article again. Keyed by the article's content hash: an edited article is read afresh.
 */
export interface ClaimStore {
  /** The stored claims of this version of the article (texts cut from `article.body`), or null when none are stored. */
  getClaims(article: ClaimSource): Claim[] | null;
  /** Replaces the stored claims of the article. */
  putClaims(article: ClaimSource, claims: Claim[]): void;
  close(): void;
}

/** An article's claims: from the store when it has them for this version, otherwise read now and stored. */
export function claimsOf(article: ClaimSource, sentences: SentenceSpan[], store?: ClaimStore): Claim[] {
  const stored = store?.getClaims(article);
  if (stored) return stored;
  const claims = extractClaims(article.body, sentences);
  store?.putClaims(article, claims);
  return claims;
}

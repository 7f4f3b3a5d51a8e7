import type { Article } from './article.js';
import type { Claim } from './claim.js';

/** The parts of an article that identify one version of its text. */
export type ClaimSource = Pick<Article, 'id' | 'body' | 'contentHash'>;

/**
 * Where the claims read from an article are kept, with their offsets, so they can be cited verbatim without
 * reading the article again. Keyed by the article's content hash and the version of the rules that read them
 * (`readerVersion`): an edited article, or new rules, mean reading it again. Deleting an article deletes its claims.
 */
export interface ClaimStore {
  /** The claims stored for this version of the article (texts cut from `article.body`), or null when none are. */
  getClaims(article: ClaimSource, readerVersion: number): Promise<Claim[] | null>;
  /**
   * Replaces the stored claims of the article (an empty list is stored too, so it is not read again). Stores
   * nothing when the stored article is no longer this version (edited or removed since it was read).
   */
  putClaims(article: ClaimSource, readerVersion: number, claims: Claim[]): Promise<void>;
}

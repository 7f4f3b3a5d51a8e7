import type { SentenceSpan } from '../core/passage.js';
import type { Attribution, Claim } from '../core/claim.js';
import { extractAttribution } from './attribution.js';
import { hedgeOf } from './hedge.js';

export type { Claim };

/**
 * Which rules read the claims. Stored claims read by other rules are read again, so a change to the hedge or
 * attribution cues reaches articles indexed before it. Bump with any change to what `extractClaims` returns.
 */
export const CLAIM_READER_VERSION = 7;

const OPEN_QUOTE = /[“]/g;
const CLOSE_QUOTE = /[”]/g;
/** Sentences that are page furniture or too short to claim anything. */
const NOT_A_CLAIM = /^(?:see also|read next|photo by|posted in|join now|comments|loading|related|advertisement)\b/i;

function countOf(pattern: RegExp, text: string): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * Reads each sentence of an article as a claim with its attribution and hedge. Pure and rule-based. A
 * sentence that continues a quotation opened earlier ("…stated, “The premise is wrong. No new model…”")
 * inherits the speaker of the sentence that opened it.
 */
export function extractClaims(body: string, sentences: SentenceSpan[]): Claim[] {
  const claims: Claim[] = [];
  let openQuoteSpeaker: Attribution | null = null;
  let previousEnd = 0;
  for (const span of sentences) {
    const text = body.slice(span.start, span.end);
    const trimmed = text.trim();
    // A quotation does not run across a paragraph break; a stray quote mark must not lend its speaker to the
    // rest of the article.
    if (body.slice(previousEnd, span.start).includes('\n\n')) openQuoteSpeaker = null;
    previousEnd = span.end;
    const words = trimmed.split(/\s+/).length;
    const opens = countOf(OPEN_QUOTE, trimmed);
    const closes = countOf(CLOSE_QUOTE, trimmed);
    let attribution = extractAttribution(trimmed);
    if (attribution.kind === 'outlet' && openQuoteSpeaker) attribution = openQuoteSpeaker;
    if (opens > closes) openQuoteSpeaker = attribution.kind === 'outlet' ? openQuoteSpeaker : attribution;
    else if (closes > opens) openQuoteSpeaker = null;
    if (words < 4 || NOT_A_CLAIM.test(trimmed) || trimmed.endsWith(':')) continue;
    claims.push({ start: span.start, end: span.end, text, attribution, hedge: hedgeOf(trimmed, attribution) });
  }
  return claims;
}

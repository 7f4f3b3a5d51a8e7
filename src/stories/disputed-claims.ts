import type { DisputeKind } from '../core/answer.js';
import type { Article } from '../core/article.js';
import type { ClaimDispute } from '../disputes/find-disputes.js';
import { termSet } from '../text/terms.js';
import { citeSpan } from './story-articles.js';
import type { ClaimCounter, DisputedClaim } from './story-view.js';

/** A reader wants the main disputed claims, not every sentence a denial touches. */
const MAX_CLAIMS = 12;
/** Claims one counter statement is shown against, when several address it equally closely. */
const MAX_CLAIMS_PER_COUNTER = 3;
const MAX_COUNTERS_PER_CLAIM = 4;

const KIND_ORDER: Record<DisputeKind, number> = { denied: 0, contradicted: 1, unverified: 2 };

/** Syndicated copies repeat sentences word for word; they count as one. */
function textKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function sharedTerms(a: string, b: string): number {
  const terms = termSet(b);
  let count = 0;
  for (const term of termSet(a)) if (terms.has(term)) count += 1;
  return count;
}

/**
 * The finder's disputes regrouped by claim, for a page that shows both sides side by side. A claim is shown
 * when some counter statement addresses it at least as closely as any other claim (most shared terms, ties
 * kept); each shown claim then carries every statement that disputes it, strongest kind first. So "could not
 * verify the use of Huawei chips" brings in both claims about the chips, and each of them shows the
 * spokesperson's denial too, though the denial alone addresses one of them most closely.
 */
export function disputedClaims(disputes: readonly ClaimDispute[], articleOf: (articleId: string) => Article | undefined): DisputedClaim[] {
  const scored = disputes.map((dispute, order) => ({ dispute, order, strength: sharedTerms(dispute.claim.text, dispute.counter.text) }));

  const byCounter = new Map<string, typeof scored>();
  for (const item of scored) {
    const key = textKey(item.dispute.counter.text);
    byCounter.set(key, [...(byCounter.get(key) ?? []), item]);
  }
  const shownClaims = new Set<string>();
  for (const items of byCounter.values()) {
    const strongest = Math.max(...items.map((item) => item.strength));
    const closest = items.filter((item) => item.strength === strongest).sort((a, b) => a.order - b.order);
    const claimKeys = [...new Set(closest.map((item) => textKey(item.dispute.claim.text)))];
    for (const key of claimKeys.slice(0, MAX_CLAIMS_PER_COUNTER)) shownClaims.add(key);
  }

  const result: DisputedClaim[] = [];
  const done = new Set<string>();
  for (const { dispute } of scored) {
    const claimKey = textKey(dispute.claim.text);
    if (!shownClaims.has(claimKey) || done.has(claimKey)) continue;
    done.add(claimKey);
    const claimArticle = articleOf(dispute.claim.articleId);
    if (!claimArticle) continue;
    const counters: ClaimCounter[] = [];
    const seenCounters = new Set<string>();
    const against = scored
      .filter((item) => textKey(item.dispute.claim.text) === claimKey)
      .sort((a, b) => KIND_ORDER[a.dispute.kind] - KIND_ORDER[b.dispute.kind] || b.strength - a.strength || a.order - b.order);
    for (const { dispute: pairing } of against) {
      const counterKey = textKey(pairing.counter.text);
      const counterArticle = articleOf(pairing.counter.articleId);
      if (seenCounters.has(counterKey) || !counterArticle) continue;
      seenCounters.add(counterKey);
      const citation = citeSpan(counterArticle, pairing.counter.start, pairing.counter.end);
      counters.push({ kind: pairing.kind, text: citation.quote, citation, ...(pairing.disputedBy ? { disputedBy: pairing.disputedBy } : {}) });
      if (counters.length >= MAX_COUNTERS_PER_CLAIM) break;
    }
    const citation = citeSpan(claimArticle, dispute.claim.start, dispute.claim.end);
    result.push({ claim: citation.quote, citation, counters });
    if (result.length >= MAX_CLAIMS) break;
  }
  return result;
}

import type { StanceClassifier } from '../core/stance.js';
import { type ClaimRef, findDisputes } from '../disputes/find-disputes.js';
import { disputedClaims } from './disputed-claims.js';
import { citeSpan, type StoryArticle } from './story-articles.js';
import type { DisputedClaim, StoryConfirmation, StoryDispute } from './story-view.js';

/** Bounds the pairwise comparison: the newest articles of a big story and the opening of each article. */
const MAX_ARTICLES = 40;
const MAX_CLAIMS_PER_ARTICLE = 40;
/** A reader wants the main disputes, not every echo of them. */
const MAX_DISPUTES = 12;
const MAX_CONFIRMATIONS = 6;

/** What the dispute finder says about a story's claims. */
export interface StoryDisputeFindings {
  disputes: StoryDispute[];
  /** The same findings by claim, every counter statement beside each claim. */
  disputedClaims: DisputedClaim[];
  confirmations: StoryConfirmation[];
}

/**
 * The disputed claims of a story and the claims later reports confirm, both sides cited verbatim. The one
 * place stories reach the dispute finder, so a better finder can be swapped in here.
 */
export async function storyDisputes(articles: StoryArticle[], classifier?: StanceClassifier): Promise<StoryDisputeFindings> {
  const recent = [...articles]
    .sort((a, b) => (b.article.published ?? b.article.ingestedAt).localeCompare(a.article.published ?? a.article.ingestedAt))
    .slice(0, MAX_ARTICLES);
  const byId = new Map(recent.map((item) => [item.article.id, item.article]));
  const claims: ClaimRef[] = recent.flatMap(({ article, claims: articleClaims }) =>
    articleClaims
      .slice(0, MAX_CLAIMS_PER_ARTICLE)
      .map((claim) => ({
        articleId: article.id,
        source: article.source,
        published: article.published,
        text: claim.text,
        hedge: claim.hedge,
        attribution: claim.attribution,
        start: claim.start,
        end: claim.end,
      })),
  );
  const { disputes, confirmations } = await findDisputes(claims, classifier);
  const seenCounters = new Set<string>();
  const result: StoryDispute[] = [];
  for (const dispute of disputes) {
    // One claim per counter statement: the finder's ordering already puts the strongest pairing first.
    // Syndicated copies repeat the same counter word for word across articles; show it once.
    const counterKey = `${dispute.counter.articleId}:${dispute.counter.start}`;
    const textKey = `counter\u0000${dispute.counter.text.replace(/\s+/g, ' ').trim().toLowerCase()}`;
    if (seenCounters.has(counterKey) || seenCounters.has(textKey)) continue;
    seenCounters.add(textKey);
    const claimArticle = byId.get(dispute.claim.articleId);
    const counterArticle = byId.get(dispute.counter.articleId);
    if (!claimArticle || !counterArticle) continue;
    seenCounters.add(counterKey);
    const claimCitation = citeSpan(claimArticle, dispute.claim.start, dispute.claim.end);
    const counterCitation = citeSpan(counterArticle, dispute.counter.start, dispute.counter.end);
    result.push({
      claim: claimCitation.quote,
      counter: counterCitation.quote,
      kind: dispute.kind,
      claimCitation,
      counterCitation,
      ...(dispute.disputedBy ? { disputedBy: dispute.disputedBy } : {}),
    });
    if (result.length >= MAX_DISPUTES) break;
  }
  const confirmed: StoryConfirmation[] = [];
  const seenConfirmations = new Set<string>();
  for (const { claim, confirmedBy } of confirmations) {
    const claimArticle = byId.get(claim.articleId);
    const laterArticle = byId.get(confirmedBy.articleId);
    // Syndicated copies confirm each other word for word; that is an echo, not a confirmation.
    const key = `${claim.articleId}:${claim.start}`;
    if (!claimArticle || !laterArticle || seenConfirmations.has(key) || claim.text.trim() === confirmedBy.text.trim()) continue;
    seenConfirmations.add(key);
    const claimCitation = citeSpan(claimArticle, claim.start, claim.end);
    const confirmationCitation = citeSpan(laterArticle, confirmedBy.start, confirmedBy.end);
    confirmed.push({
      claim: claimCitation.quote,
      confirmation: confirmationCitation.quote,
      claimCitation,
      confirmationCitation,
      ...(laterArticle.source ? { confirmedBy: laterArticle.source } : {}),
    });
    if (confirmed.length >= MAX_CONFIRMATIONS) break;
  }
  return { disputes: result, disputedClaims: disputedClaims(disputes, (id) => byId.get(id)), confirmations: confirmed };
}

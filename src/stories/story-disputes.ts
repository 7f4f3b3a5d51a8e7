import type { StanceClassifier } from '../core/stance.js';
import { extractClaims } from '../disputes/claims.js';
import { type ClaimRef, findDisputes } from '../disputes/find-disputes.js';
import { citeSpan, type StoryArticle } from './story-articles.js';
import type { StoryDispute } from './story-view.js';

/** Bounds the pairwise comparison: the newest articles of a big story and the opening of each article. */
const MAX_ARTICLES = 40;
const MAX_CLAIMS_PER_ARTICLE = 40;
/** A reader wants the main disputes, not every echo of them. */
const MAX_DISPUTES = 12;

/**
 * The disputed claims of a story, both sides cited verbatim. The one place stories reach the dispute finder,
 * so a better finder can be swapped in here.
 */
export async function storyDisputes(articles: StoryArticle[], classifier?: StanceClassifier): Promise<StoryDispute[]> {
  const recent = [...articles]
    .sort((a, b) => (b.article.published ?? b.article.ingestedAt).localeCompare(a.article.published ?? a.article.ingestedAt))
    .slice(0, MAX_ARTICLES);
  const byId = new Map(recent.map((item) => [item.article.id, item.article]));
  const claims: ClaimRef[] = recent.flatMap(({ article, sentences }) =>
    extractClaims(article.body, sentences)
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
  const { disputes } = await findDisputes(claims, classifier);
  const seenCounters = new Set<string>();
  const result: StoryDispute[] = [];
  for (const dispute of disputes) {
    // One claim per counter statement: the finder's ordering already puts the strongest pairing first.
    // Syndicated copies repeat the same pair word for word across articles; show it once.
    const counterKey = `${dispute.counter.articleId}:${dispute.counter.start}`;
    const textKey = `${dispute.claim.text.trim()}\u0000${dispute.counter.text.trim()}`;
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
  return result;
}

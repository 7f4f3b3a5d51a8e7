import { extractClaims } from '../disputes/claims.js';
import { citeSpan, type StoryArticle } from './story-articles.js';
import type { TimelineEntry } from './story-view.js';

/** Sentences this short rarely carry a development ("Here's a look:"); they are passed over for the lead. */
const MIN_LEAD_WORDS = 6;

/** The article's lead claim: its first sentence that states or reports something, or its first sentence. */
function leadEntry(item: StoryArticle): TimelineEntry | null {
  const { article, sentences } = item;
  const claims = extractClaims(article.body, sentences);
  const lead =
    claims.find((claim) => (claim.hedge === 'asserted' || claim.hedge === 'reported') && claim.text.trim().split(/\s+/).length >= MIN_LEAD_WORDS) ??
    claims[0] ??
    sentences[0];
  if (!lead) return null;
  const citation = citeSpan(article, lead.start, lead.end);
  if (citation.quote.length === 0) return null;
  return { date: article.published, text: citation.quote, citation };
}

function timeOf(date: string | null): number {
  const time = date ? Date.parse(date) : Number.NaN;
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

/**
 * A story's developments, one per article, oldest first: each article's lead claim quoted verbatim with its
 * citation. Undated articles come last, in ingestion order.
 */
export function storyTimeline(articles: StoryArticle[]): TimelineEntry[] {
  const entries: { entry: TimelineEntry; ingestedAt: string }[] = [];
  for (const item of articles) {
    const entry = leadEntry(item);
    if (entry) entries.push({ entry, ingestedAt: item.article.ingestedAt });
  }
  entries.sort(
    (a, b) =>
      timeOf(a.entry.date) - timeOf(b.entry.date) ||
      a.ingestedAt.localeCompare(b.ingestedAt) ||
      a.entry.citation.articleId.localeCompare(b.entry.citation.articleId),
  );
  return entries.map((item) => item.entry);
}

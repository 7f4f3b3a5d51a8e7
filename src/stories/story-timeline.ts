import { citeSpan, type StoryArticle } from './story-articles.js';
import type { TimelineEntry } from './story-view.js';

/** Sentences this short rarely carry a development ("Here's a look:"); they are passed over for the lead. */
const MIN_LEAD_WORDS = 6;

/** Photo credits ("Rich Fury/Invision/AP …") and bylines survive cleaning in some pages; they are not news. */
const PHOTO_CREDIT = /\/(?:AP|AFP|Getty|Invision|Reuters|Shutterstock)\b|\b(?:Getty Images|via Getty|Photo by|File photo)\b/;

/** Prose has several lower-case words; a byline ("Hyung-Jin Kim, Kim Tong-Hyung, and Mari Yamaguchi") does not. */
function looksLikeProse(text: string): boolean {
  const lowerCaseWords = text.match(/(?:^|\s)[a-z][a-z’'-]{2,}/g)?.length ?? 0;
  return lowerCaseWords >= 3 && !PHOTO_CREDIT.test(text);
}

/** The article's lead claim: its first sentence that states or reports something, or its first sentence. */
function leadEntry(item: StoryArticle): TimelineEntry | null {
  const { article, sentences, claims } = item;
  const lead =
    claims.find(
      (claim) =>
        (claim.hedge === 'asserted' || claim.hedge === 'reported') && claim.text.trim().split(/\s+/).length >= MIN_LEAD_WORDS && looksLikeProse(claim.text),
    ) ??
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

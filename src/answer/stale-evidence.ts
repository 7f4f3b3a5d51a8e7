import type { EvidenceSentence } from './evidence-sentence.js';
import { rankedArticles } from './ranked-articles.js';

/**
 * Words by which a question asks about the news of the moment ("this week", "recently", "yesterday"): the
 * answer must come from articles of that time, not from an older story that looks alike.
 */
const RECENT_NEWS = /\b(?:this|last|past) (?:week|weekend|month)\b|\b(?:today|tonight|yesterday|recently|this morning)\b/i;

/** Whether a question asks about the news of the moment. */
export function asksAboutRecentNews(question: string): boolean {
  return RECENT_NEWS.test(question);
}

/** Distinct articles of the best sentences whose dates are compared with the question's. */
const DATED_ARTICLES = 3;
const DAY_MS = 86_400_000;

/**
 * How far, in days, the nearest in time of the best sentences' first three articles stands from the moment the
 * question was asked; undefined when the time or the articles' dates are unknown. Measured either way: in a
 * replay of past questions (the evaluation) later articles exist too, and they are no more about that week.
 */
export function evidenceAgeDays(best: readonly { sentence: EvidenceSentence }[], askedAt: string | undefined): number | undefined {
  const asked = Date.parse(askedAt ?? '');
  if (Number.isNaN(asked)) return undefined;
  const distances = datedArticles(best).map(({ time }) => Math.abs(asked - time) / DAY_MS);
  return distances.length > 0 ? Math.min(...distances) : undefined;
}

/** The newest publication date, as the article gives it, among the best sentences' first three articles (for the reply that declines). */
export function newestEvidenceDate(best: readonly { sentence: EvidenceSentence }[]): string | undefined {
  let newest: { published: string; time: number } | undefined;
  for (const dated of datedArticles(best)) if (!newest || dated.time > newest.time) newest = dated;
  return newest?.published;
}

/** The best sentences' first three articles that carry a readable publication date. */
function datedArticles(best: readonly { sentence: EvidenceSentence }[]): { published: string; time: number }[] {
  return rankedArticles(best, DATED_ARTICLES).flatMap(({ published }) => {
    const time = Date.parse(published ?? '');
    return published && !Number.isNaN(time) ? [{ published, time }] : [];
  });
}

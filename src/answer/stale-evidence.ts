import type { EvidenceSentence } from './evidence-sentence.js';

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
  const seen = new Set<string>();
  let nearest: number | undefined;
  for (const { sentence } of best) {
    if (seen.has(sentence.article.id)) continue;
    seen.add(sentence.article.id);
    const published = Date.parse(sentence.article.published ?? '');
    if (!Number.isNaN(published)) nearest = Math.min(nearest ?? Number.POSITIVE_INFINITY, Math.abs(asked - published) / DAY_MS);
    if (seen.size >= DATED_ARTICLES) break;
  }
  return nearest;
}

/** The newest publication date among the best sentences' first three articles (for the reply that declines). */
export function newestEvidenceDate(best: readonly { sentence: EvidenceSentence }[]): string | undefined {
  const dates = [...new Set(best.map((item) => item.sentence.article.id))]
    .slice(0, DATED_ARTICLES)
    .map((id) => best.find((item) => item.sentence.article.id === id)?.sentence.article.published)
    .filter((date): date is string => typeof date === 'string' && !Number.isNaN(Date.parse(date)))
    .sort();
  return dates.at(-1);
}

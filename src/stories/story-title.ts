import type { Article } from '../core/article.js';
import type { SentenceSpan } from '../core/passage.js';

/** Long first sentences make poor headlines; they are cut at a word boundary. */
const MAX_TITLE_CHARS = 120;

/**
 * A story's title: the title of its most central article, or — when that title was derived from the body
 * because the source had none — the article's first sentence, shortened.
 */
export function storyTitle(central: Article, firstSentence: SentenceSpan | undefined): string {
  const title = central.title.trim();
  if (!central.titleDerived && title.length > 0) return title;
  const sentence = (firstSentence ? central.body.slice(firstSentence.start, firstSentence.end) : central.body).replace(/\s+/g, ' ').trim();
  if (sentence.length <= MAX_TITLE_CHARS) return sentence || title;
  const cut = sentence.slice(0, MAX_TITLE_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60)).trimEnd()}…`;
}

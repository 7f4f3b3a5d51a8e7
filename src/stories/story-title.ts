import type { Article } from '../core/article.js';
import type { SentenceSpan } from '../core/passage.js';

/** Long first sentences make poor headlines; they are cut at a word boundary. */
const MAX_TITLE_CHARS = 120;

/**
 * A story's title: the title of its most central article, or — when that title was derived from the body
 * because the source had none — the article's first sentence, shortened.
 */
export function storyTitle(central: Article, firstSentence: SentenceSpan | undefined): string {
  const title = withoutOutletSuffix(central.title.trim(), central.source);
  if (!titleNeedsFirstSentence(central, title)) return title;
  const sentence = (firstSentence ? central.body.slice(firstSentence.start, firstSentence.end) : central.body).replace(/\s+/g, ' ').trim();
  if (sentence.length <= MAX_TITLE_CHARS) return sentence || title;
  const cut = sentence.slice(0, MAX_TITLE_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60)).trimEnd()}…`;
}

/** Whether `storyTitle` reads the first sentence: so callers fetch the article's passages only when it does. */
export function titleNeedsFirstSentence(central: Article, title = withoutOutletSuffix(central.title.trim(), central.source)): boolean {
  return central.titleDerived || title.length === 0;
}

/** "Flight cuts coming … - USA Today" → "Flight cuts coming …": a story spans outlets, so its title names none. */
function withoutOutletSuffix(title: string, source: string | null): string {
  const match = /^(.{12,}?)\s+[|–—-]\s+([^|–—-]{2,40})$/u.exec(title);
  if (!match?.[1] || !match[2] || source === null) return title;
  const outlet = source.toLowerCase().replace(/[^a-z0-9]/g, '');
  const words = match[2].toLowerCase().match(/[a-z0-9]{3,}/g) ?? [];
  const namesOutlet = words.length <= 4 && words.some((word) => (word !== 'the' && outlet.startsWith(word)) || (word.length >= 4 && outlet.includes(word)));
  return namesOutlet ? match[1].trim() : title;
}

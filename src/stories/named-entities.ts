import { CALENDAR_WORDS } from '../text/names-and-numbers.js';
import { STOP_WORDS } from '../text/stop-words.js';

/**
 * A cheap named-entity extractor for clustering, not for display: capitalised names ("Port Ellery", "Odile
 * Fenn"), acronyms ("NATO", "U.S."), and numbers with units ("7.5 million", "12%"). Good enough to tell two
 * stories apart when their wording is similar, and far cheaper than a tagger over thousands of articles.
 */

/** Capitalised words in a row, allowing a few lower-case connectors inside a name ("Bank of England"). */
const NAME = /\b[A-Z][\p{L}\p{M}’'.-]*(?:\s+(?:(?:of|de|del|la|van|von|the)\s+)?[A-Z][\p{L}\p{M}’'.-]*)*/gu;
const NUMBER_WITH_UNIT =
  /\b\d[\d,.]*\s?(?:%|percent|per cent|million|billion|trillion|thousand|km|kilomet(?:er|re)s?|miles?|kg|tons?|tonnes?|degrees?|dollars?|euros?|pounds?|crowns?|yuan|yen|people|deaths?|dead|votes?|seats?)(?![\p{L}\p{N}])/giu;

function normalise(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’']s$/u, '')
    .replace(/[.’']/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Drops leading and trailing words that are not part of the name (stop-words, calendar words). */
function trimName(words: string[]): string[] {
  let start = 0;
  let end = words.length;
  const junk = (word: string | undefined): boolean => {
    const key = normalise(word ?? '');
    return key.length < 2 || STOP_WORDS.has(key) || CALENDAR_WORDS.has(key);
  };
  while (start < end && junk(words[start])) start += 1;
  while (end > start && junk(words[end - 1])) end -= 1;
  return words.slice(start, end);
}

function isSentenceStart(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 3), index);
  return index === 0 || /(?:[.!?:;"“”]\s*|\n\s*)$/u.test(before) || /^\s*$/u.test(before);
}

/** The named entities of a text, normalised (lower-case, no dots), each with how often it occurs. */
export function namedEntities(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string): void => {
    if (key.length >= 2) counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  const names = [...text.matchAll(NAME)].map((match) => ({
    raw: match[0],
    words: trimName(match[0].split(/\s+/)),
    atSentenceStart: isSentenceStart(text, match.index ?? 0),
  }));
  // Words seen capitalised mid-sentence are names wherever they appear, including at a sentence start.
  const namesMidSentence = new Set(names.filter((name) => !name.atSentenceStart).flatMap((name) => name.words));
  for (const name of names) {
    if (name.words.length === 0) continue;
    const first = name.words[0] ?? '';
    // A lone capitalised word at the start of a sentence is usually just a capitalised common word.
    if (name.words.length === 1 && name.atSentenceStart && name.raw === first && !namesMidSentence.has(first)) continue;
    add(normalise(name.words.join(' ')));
  }
  for (const match of text.matchAll(NUMBER_WITH_UNIT)) {
    add(
      match[0]
        .toLowerCase()
        .replace(/,/g, '')
        .replace(/\s*(?:per cent|percent)/, '%')
        .replace(/\s+/g, ' '),
    );
  }
  return counts;
}

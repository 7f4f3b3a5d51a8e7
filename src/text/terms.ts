import { stemmer } from 'stemmer';
import { STOP_WORDS } from './stop-words.js';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/** Lower-cased words of a text, with curly apostrophes folded and trailing possessives dropped. */
export function words(text: string): string[] {
  const found = text.toLowerCase().replace(/’/g, "'").match(WORD) ?? [];
  return found.map((word) => word.replace(/'s$/, '').replace(/\.$/, ''));
}

/** Stemmed content terms: stop-words removed, so "chips" and "chip" match. */
export function contentTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of words(text)) {
    if (STOP_WORDS.has(word)) continue;
    // Acronyms with dots ("u.s") keep their letters; hyphenated words also count by their parts.
    const compact = /\d/.test(word) ? word : word.replace(/\./g, '');
    terms.push(stemmer(compact));
    if (compact.includes('-')) {
      for (const part of compact.split('-')) if (part.length > 1 && !STOP_WORDS.has(part)) terms.push(stemmer(part));
    }
  }
  return terms;
}

/** The distinct content terms of a text. */
export function termSet(text: string): Set<string> {
  return new Set(contentTerms(text));
}

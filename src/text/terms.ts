import { stemmer } from 'stemmer';
import { STOP_WORDS } from './stop-words.js';
import { TEXT_MEMO_CAPACITY, TextMemo } from './text-memo.js';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/** Lower-cased words of a text, with curly apostrophes folded and trailing possessives dropped. */
export function words(text: string): string[] {
  const found = text.toLowerCase().replace(/’/g, "'").match(WORD) ?? [];
  return found.map((word) => word.replace(/'s$/, '').replace(/\.$/, ''));
}

/*
 * Stemming every word is most of the cost of reading a sentence, and an ask reads each retrieved sentence's terms
 * several times (ranking, context, disputes) and the next ask about the story reads them again.
 */
const termsMemo = new TextMemo<readonly string[]>(TEXT_MEMO_CAPACITY);

/** Stemmed content terms: stop-words removed, so "chips" and "chip" match. */
export function contentTerms(text: string): string[] {
  return [...termsMemo.get(text, stemmedContentTerms)];
}

/**
 * {@link contentTerms} without remembering the text: for long texts such as article bodies, which would fill the
 * sentence-sized memo with a few hundred kilobytes each. Words are still stemmed through the word memo.
 */
export function readContentTerms(text: string): string[] {
  return stemmedContentTerms(text);
}

/** The distinct content terms of a text. */
export function termSet(text: string): Set<string> {
  return new Set(termsMemo.get(text, stemmedContentTerms));
}

/* News repeats its words: a stemmed word is remembered, so a new sentence costs mostly the words it has not seen. */
const stems = new TextMemo<string>(TEXT_MEMO_CAPACITY);

function stem(word: string): string {
  return stems.get(word, stemmer);
}

function stemmedContentTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of words(text)) {
    if (STOP_WORDS.has(word)) continue;
    // Acronyms with dots ("u.s") keep their letters; hyphenated words also count by their parts.
    const compact = /\d/.test(word) ? word : word.replace(/\./g, '');
    terms.push(stem(compact));
    if (compact.includes('-')) {
      for (const part of compact.split('-')) if (part.length > 1 && !STOP_WORDS.has(part)) terms.push(stem(part));
    }
  }
  return terms;
}

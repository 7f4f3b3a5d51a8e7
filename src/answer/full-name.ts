import { STOP_WORDS } from '../text/stop-words.js';
import { writtenMidSentence } from './mid-sentence-word.js';
import type { EntitySpan } from './sentence-entities.js';

/** Capitalised words (with inner apostrophes, hyphens and capitals: "LeBron", "O’Neal", "Ocasio-Cortez"). */
const CAPITALISED_WORD = String.raw`\p{Lu}[\p{L}’'-]*\p{L}`;
const POSSESSIVE = /['’]s$/u;

/**
 * The name a one-word name span stands for in its article: news gives the full name once and the surname after
 * ("LeBron James … James became the first player…"), and "James" alone does not tell a reader who is meant.
 * The longer form is one or two capitalised words right before the same word in the article's title or body,
 * whose first word the article also writes mid-sentence (so "Saturday James" or a sentence opener is not taken
 * for a first name). A match counts for each of its forms ("President Joe Biden" also for "Joe Biden"), so the
 * form written most often wins and a title written only sometimes is left off; on a tie the longer form wins
 * ("Green Bay Packers" over "Bay Packers"). The span itself when the article writes no longer form.
 */
export function fullNameOf(span: EntitySpan, title: string, body: string): string {
  if (span.kind !== 'name' || !/^\p{Lu}[\p{L}’'-]*$/u.test(span.text)) return span.text;
  // The span is letters, apostrophes and hyphens only (checked above): nothing in it is special in a pattern.
  const pattern = new RegExp(String.raw`(?<![\p{L}\p{N}’'-])((?:${CAPITALISED_WORD}\s){1,2})${span.text}(?=['’]s\b|[^\p{L}\p{N}’'-]|$)`, 'gu');
  const counts = new Map<string, number>();
  for (const text of [title, body]) {
    for (const match of text.matchAll(pattern)) {
      const before = (match[1] ?? '').trim().split(/\s/);
      for (let start = 0; start < before.length; start += 1) {
        // "Star LeBron James" opening a sentence: "Star" is capitalised only there. "The" is never a name.
        const first = before[start] ?? '';
        if (STOP_WORDS.has(first.toLowerCase()) || !writtenMidSentence(first, body)) continue;
        // "Brody's Oscar": a possessive names an owner, not a first name.
        if (before.slice(start).some((word) => POSSESSIVE.test(word))) continue;
        const name = [...before.slice(start), span.text].join(' ');
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
  }
  let best = span.text;
  let bestCount = 0;
  for (const [name, count] of counts) {
    if (count > bestCount || (count === bestCount && name.length > best.length)) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}

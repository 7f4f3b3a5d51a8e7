/**
 * Whether an article writes a word right after a lower-case word, a number or a mid-sentence punctuation mark
 * ("… said Crowds", "…, Crowds"): the sign that a capitalised sentence opener is a name and not just capitalised
 * because it opens the sentence.
 *
 * Same answer as testing the body with the pattern `[\p{Ll}\p{N},;:’'"“]\s+WORD\b`, but found by `indexOf` over
 * the occurrences of the word instead of compiling a pattern per word and scanning the whole body with it: the
 * check runs for every one-word name that opens a candidate sentence, on every ask.
 */
export function writtenMidSentence(word: string, body: string): boolean {
  if (word === '') return false;
  for (let at = body.indexOf(word); at >= 0; at = body.indexOf(word, at + 1)) {
    if (endsAtWordBoundary(body, word, at) && followsMidSentence(body, at)) return true;
  }
  return false;
}

const WHITE_SPACE = /\s/u;
const MID_SENTENCE_BEFORE = /[\p{Ll}\p{N},;:’'"“]/u;
/** `\b` in a pattern without the `i` flag: ASCII letters, digits and the underscore. */
const WORD_CHARACTER = /[A-Za-z0-9_]/;

/** `\b` after the word: the last character of the word and the next one (if any) differ in being word characters. */
function endsAtWordBoundary(body: string, word: string, at: number): boolean {
  const last = word.charAt(word.length - 1);
  const next = body.charAt(at + word.length);
  return WORD_CHARACTER.test(last) !== (next !== '' && WORD_CHARACTER.test(next));
}

/** At least one white-space character before `at`, and before that run a lower-case letter, a digit or , ; : ’ ' " “. */
function followsMidSentence(body: string, at: number): boolean {
  let index = at - 1;
  while (index >= 0 && WHITE_SPACE.test(body.charAt(index))) index -= 1;
  if (index === at - 1 || index < 0) return false;
  return MID_SENTENCE_BEFORE.test(characterEndingAt(body, index));
}

/** The character (a whole surrogate pair, for letters outside the BMP) whose last code unit is at `index`. */
function characterEndingAt(text: string, index: number): string {
  const code = text.charCodeAt(index);
  const before = index > 0 ? text.charCodeAt(index - 1) : 0;
  const lowSurrogate = code >= 0xdc00 && code <= 0xdfff;
  const highBefore = before >= 0xd800 && before <= 0xdbff;
  return lowSurrogate && highBefore ? text.slice(index - 1, index + 1) : text.charAt(index);
}

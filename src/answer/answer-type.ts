import { stemmer } from 'stemmer';
import { contentTerms } from '../text/terms.js';

/** What kind of answer a question asks for: a number, a name (who / which / what …), or neither (yes/no, why, how). */
export type AnswerType = 'number' | 'name' | null;

const NUMBER_QUESTION = /\b(?:how (?:many|much|long|old|far|often|tall|big|large)|what (?:year|percentage|percent|number|age|share|price)|in (?:what|which) year|when)\b/i;
const NAME_QUESTION = /(?:^|[\s,(])(?:who|whom|whose|which|what|where|name the)\b/i;
/** A question that opens with an auxiliary asks yes or no, even when "which" appears later ("Did the firm which …"). */
const YES_NO_QUESTION = /^\s*(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|may|might)\b/i;

const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'dozen', 'hundred', 'thousand', 'million', 'billion', 'trillion', 'half', 'twice']);
/** Capitalised because they start a clause or a dateline, not because they name something. */
const CAPITALISED_FUNCTION_WORDS = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'for', 'but', 'and', 'or', 'it', 'he', 'she', 'they', 'we', 'i', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'as', 'after', 'before', 'when', 'while', 'if', 'mr', 'mrs', 'ms', 'dr']);

/** The kind of answer the question expects. */
export function expectedAnswerType(question: string): AnswerType {
  if (YES_NO_QUESTION.test(question)) return null;
  if (NUMBER_QUESTION.test(question)) return 'number';
  if (NAME_QUESTION.test(question)) return 'name';
  return null;
}

/**
 * True when a sentence holds something of the expected kind that the question does not already say: a number
 * for "how many", a name or a quotation for "who / which / what". A sentence that only restates the question
 * ("A copy of a Jane Austen novel sold for £375,000") does not; its neighbour naming the novel does.
 */
export function offersAnswer(sentence: string, questionTerms: ReadonlySet<string>, type: AnswerType): boolean {
  if (type === null) return false;
  const isNew = (word: string): boolean => contentTerms(word).some((term) => !questionTerms.has(term));
  if (type === 'number') {
    const numbers = sentence.match(/\d[\d,.]*|\b[A-Za-z]+\b/g) ?? [];
    return numbers.some((token) => (/\d/.test(token) || NUMBER_WORDS.has(token.toLowerCase())) && isNew(token));
  }
  if (/[“"][^”"]{2,80}[”"]/.test(sentence)) {
    const quoted = sentence.match(/[“"]([^”"]{2,80})[”"]/)?.[1] ?? '';
    if (isNew(quoted)) return true;
  }
  const capitalised = sentence.match(/\b\p{Lu}[\p{L}’'-]*/gu) ?? [];
  return capitalised.some((word) => !CAPITALISED_FUNCTION_WORDS.has(word.toLowerCase()) && !questionTerms.has(stemmer(word.toLowerCase().replace(/['’]s$/, ''))) && isNew(word));
}

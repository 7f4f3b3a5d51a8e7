import { termSet } from '../../text/terms.js';

/** Negation, denial and failure words: their presence flips what a sentence asserts. */
const NEGATION =
  /\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|deny|denies|denied|denial|refused?|refuses|false|wrong|untrue|unable|yet to|fail(?:ed|s)? to)\b|n['’]t\b/i;

/** Where a sentence turns ("…, but could not verify …"), so each side keeps its own polarity. */
const CLAUSE_BREAK = /[;:—–]|\b(?:but|while|although|though|however|whereas)\b/i;

/** True when a text negates or denies what it talks about. */
export function isNegated(text: string): boolean {
  return NEGATION.test(text);
}

/**
 * Whether a statement says the same thing as its best-matching clause of a sentence, rather than its
 * opposite. Lexical overlap alone cannot tell "No new model is being developed" from "A new model is being
 * developed"; comparing negation in the matching clause catches a model that flips a claim or a denial.
 */
export function samePolarity(statement: string, sentence: string): boolean {
  const statementTerms = termSet(statement);
  const clauses = sentence.split(CLAUSE_BREAK).map((clause) => {
    let shared = 0;
    for (const term of termSet(clause)) if (statementTerms.has(term)) shared += 1;
    return { clause, shared };
  });
  const bestShared = Math.max(...clauses.map((item) => item.shared));
  const negated = isNegated(statement);
  // Among equally good clauses, one that agrees is enough.
  return clauses.some((item) => item.shared === bestShared && isNegated(item.clause) === negated);
}

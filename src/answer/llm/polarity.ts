import { termSet } from '../../text/terms.js';

/** Negation, denial and failure words: their presence flips what a sentence asserts. */
const NEGATION =
  /\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|deny|denies|denied|denial|refused?|refuses|false|wrong|untrue|unable|yet to|fail(?:ed|s)? to)\b|n['’]t\b/i;

/** Where a sentence turns ("…, but could not verify …"), so each side keeps its own polarity. */
const CLAUSE_BREAK = /[;:—–]|\b(?:but|while|although|though|however|whereas)\b/i;

/** Opposite directions of comparison and change: "more powerful" must not cite "less powerful". */
const DIRECTIONS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/\b(?:more|greater|larger|bigger|higher|stronger)\b/i, /\b(?:less|fewer|smaller|lower|weaker)\b/i],
  [/\b(?:increas\w*|ris(?:e|es|ing)|rose|grew|grow\w*|gain\w*|up)\b/i, /\b(?:decreas\w*|f[ae]ll(?:s|ing|en)?|drop\w*|declin\w*|shr[iau]nk\w*|down)\b/i],
  [/\b(?:before|earlier)\b/i, /\b(?:after|later)\b/i],
];

/** True when the statement goes one way ("more") where the clause only goes the other ("less"). */
function oppositeDirection(statement: string, clause: string): boolean {
  return DIRECTIONS.some(
    ([up, down]) => (up.test(statement) && down.test(clause) && !up.test(clause)) || (down.test(statement) && up.test(clause) && !down.test(clause)),
  );
}

/** True when a text negates or denies what it talks about. */
export function isNegated(text: string): boolean {
  return NEGATION.test(text);
}

/**
 * Whether a statement says the same thing as its best-matching clause of a sentence, rather than its
 * opposite. Lexical overlap alone cannot tell "No new model is being developed" from "A new model is being
 * developed"; comparing negation and direction ("more"/"less") in the matching clause catches a model that
 * flips a claim or a denial.
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
  return clauses.some((item) => item.shared === bestShared && isNegated(item.clause) === negated && !oppositeDirection(statement, item.clause));
}

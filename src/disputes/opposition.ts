import { stemmer } from 'stemmer';
import { OPPOSITE_PAIRS } from './stance-cues.js';
import { type AnalyzedText, analyzeText } from './stance-text.js';

const OPPOSITES: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [left, right] of OPPOSITE_PAIRS) {
    const a = stemmer(left);
    const b = stemmer(right);
    map.set(a, [...(map.get(a) ?? []), b]);
    map.set(b, [...(map.get(b) ?? []), a]);
  }
  return map;
})();

/** Opposite-word pairs with one side in the claim and the other in the sentence (but not both sides in both). */
export function oppositions(claimTerms: ReadonlySet<string>, sentenceTerms: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const term of claimTerms) {
    for (const opposite of OPPOSITES.get(term) ?? []) {
      if (sentenceTerms.has(opposite) && !claimTerms.has(opposite)) found.push(`${term}|${opposite}`);
    }
  }
  return found;
}

/**
 * Whether two sentences about the same thing say opposite things: an opposite-word pair split between them
 * ("approved" / "rejected"), or one of them negating or refuting, in the clause that matches the other, while
 * the other does not. The stance model alone calls many same-story sentences that merely add detail
 * `disagree`; a contradiction also needs this. Only the matching clause counts because news adds caveats in
 * clauses of their own ("…pardoning them, but the decision does not affect…"), which oppose nothing.
 */
export function saysTheOpposite(a: string, b: string): boolean {
  const left = analyzeText(withoutNumberSigns(a));
  const right = analyzeText(withoutNumberSigns(b));
  const leftStems = stemsOf(left);
  const rightStems = stemsOf(right);
  if (oppositions(leftStems, rightStems).length > 0 || oppositions(rightStems, leftStems).length > 0) return true;
  return negates(closestClause(a, left, right)) !== negates(closestClause(b, right, left));
}

/** Splits where news attaches a caveat or a contrast to a sentence. */
const CLAUSE_BREAK = /,?\s+(?:but|while|although|though|whereas|however|yet)\s+|;\s+/i;

/** The clause of `text` (already analysed whole as `analyzed`) that shares the most terms with `other`. */
function closestClause(text: string, analyzed: AnalyzedText, other: AnalyzedText): AnalyzedText {
  const pieces = text.split(CLAUSE_BREAK).filter((clause) => clause.trim() !== '');
  if (pieces.length <= 1) return analyzed;
  const clauses = pieces.map((clause) => analyzeText(withoutNumberSigns(clause)));
  let best = analyzed;
  let bestShared = -1;
  for (const clause of clauses) {
    let count = 0;
    for (const term of clause.termCounts.keys()) if (other.termCounts.has(term)) count += 1;
    if (count > bestShared) {
      best = clause;
      bestShared = count;
    }
  }
  return best;
}

/** "No. 61" is a number, not a negation. */
function withoutNumberSigns(text: string): string {
  return text.replace(/\bNo\.\s*(?=\d)/g, '');
}

function stemsOf(text: AnalyzedText): Set<string> {
  return new Set(text.sentences.flatMap((sentence) => [...sentence.stems]));
}

function negates(text: AnalyzedText): boolean {
  return text.cues.negation + text.cues.refuting + text.cues.refutingPhrases > 0;
}

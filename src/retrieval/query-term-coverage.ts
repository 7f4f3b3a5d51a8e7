import { stemmer } from 'stemmer';
import { STOP_WORDS } from '../text/stop-words.js';

/**
 * The share of the question's term weight (IDF) that a text holds: 1 when every question term occurs, 0 when
 * none does. Terms match (all but rare edge cases) as `contentTerms` (src/text/terms.ts) makes them, so `corpusTermWeights` applies.
 * Fusion by rank cannot see that one candidate holds all the telling words ("Lamar Jackson ... requests
 * trade") and another only the common ones; this lets the fused ranking see it.
 */
export function queryTermCoverage(termWeights: ReadonlyMap<string, number>, text: string): number {
  let total = 0;
  for (const weight of termWeights.values()) total += weight;
  if (total <= 0) return 0;
  const present = presentTerms([...termWeights.keys()], text);
  let covered = 0;
  for (const [term, weight] of termWeights) if (present.has(term)) covered += weight;
  return covered / total;
}

/** The rest of a word from where a wanted opening was found (letters, digits and in-word joiners). */
const wordRest = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/uy;
const wordCharacter = /[\p{L}\p{N}]/u;

/**
 * Which of `terms` (stems) occur in `text`. Tokenizing and stemming every word of ~200 candidate passages cost
 * more than the rest of a search, so only the places where a term's opening occurs are looked at: a Porter
 * stem keeps its word's letters but for the last ("citi" from "city", "sai" from "say"), so all of it but the
 * last letter (at least two letters) must open the word. Each such word is normalised as `contentTerms` does.
 */
function presentTerms(terms: string[], text: string): Set<string> {
  // Acronyms count without their dots ("U.S." is the term "us"), as in `contentTerms`.
  const lower = text.toLowerCase().replace(/(?<=\p{L})\.(?=\p{L})/gu, '');
  const present = new Set<string>();
  for (const term of terms) {
    const opening = term.slice(0, Math.max(2, term.length - 1));
    for (let at = lower.indexOf(opening); at >= 0 && !present.has(term); at = lower.indexOf(opening, at + 1)) {
      if (at > 0 && wordCharacter.test(lower[at - 1] ?? '')) continue;
      wordRest.lastIndex = at;
      const word = (wordRest.exec(lower)?.[0] ?? '').replace(/’/g, "'").replace(/'s$/, '').replace(/[.'-]+$/, '');
      if (STOP_WORDS.has(word)) continue;
      const compact = /\d/.test(word) ? word : word.replace(/\./g, '');
      const forms = compact.includes('-') ? [compact, ...compact.split('-')] : [compact];
      if (forms.some((form) => stemmer(form) === term)) present.add(term);
    }
  }
  return present;
}

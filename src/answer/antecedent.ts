import type { EvidenceSentence } from './evidence-sentence.js';
import { OPENS_WITH_REFERENCE } from './sentence-features.js';

/**
 * The sentence a referring sentence leans on ("They won the Western Conference…" after the sentence naming
 * the team), when it opens with a pronoun or a description and the sentence before adds words of the
 * question it lacks. Quoted verbatim before it, with its own citation.
 */
export function antecedentOf(sentence: EvidenceSentence, previous: EvidenceSentence | undefined, topic: ReadonlySet<string>): EvidenceSentence | undefined {
  if (!previous || !OPENS_WITH_REFERENCE.test(sentence.text)) return undefined;
  const adds = [...previous.terms].some((term) => topic.has(term) && !sentence.terms.has(term));
  return adds ? previous : undefined;
}

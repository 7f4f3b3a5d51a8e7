import type { EvidenceSentence } from './evidence-sentence.js';
import { looksLikeInstruction } from './instruction-cues.js';

/**
 * The sentences of the evidence that may answer a question. Questions in the text (quizzes, headlines asking
 * things) are not claims, and planted instructions to AI systems are article text, but never an answer.
 */
export function answerCandidates(pool: readonly EvidenceSentence[]): EvidenceSentence[] {
  return pool.filter((sentence) => !sentence.text.trimEnd().endsWith('?') && !looksLikeInstruction(sentence.text));
}

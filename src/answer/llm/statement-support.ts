import type { Evidence } from '../../core/generator.js';
import { nameForms, nameFound, namesIn, numbersIn } from '../../text/names-and-numbers.js';
import { contentTerms, words } from '../../text/terms.js';
import type { EvidenceSentence } from '../evidence-sentence.js';

/** How well the cited passages back a statement, judged from the store text only. */
export interface Support {
  /** Share of the statement's content terms found in the chosen sentences (0–1). */
  coverage: number;
  /** The best-matching sentences of the cited passages, verbatim from the article bodies. */
  sentences: EvidenceSentence[];
  /** Numbers in the statement that none of the cited passages contain. */
  missingNumbers: string[];
  /** Capitalised names in the statement that none of the cited passages (or their titles) contain. */
  missingNames: string[];
}

/**
 * Picks the sentences of the cited passages that best cover the statement's content terms: the best one,
 * then others while each adds at least `minGain` coverage, up to `maxSentences`.
 */
export function statementSupport(text: string, cited: Array<{ evidence: Evidence; sentences: EvidenceSentence[] }>, maxSentences = 3, minGain = 0.15): Support {
  const terms = [...new Set(contentTerms(text))];
  const pool = cited.flatMap((item) => item.sentences);
  const chosen: EvidenceSentence[] = [];
  const covered = new Set<string>();
  const gainOf = (sentence: EvidenceSentence): number => terms.filter((term) => !covered.has(term) && sentence.terms.has(term)).length;
  while (chosen.length < maxSentences && terms.length > 0) {
    let best: EvidenceSentence | undefined;
    let bestGain = 0;
    for (const sentence of pool) {
      if (chosen.includes(sentence)) continue;
      const gain = gainOf(sentence);
      if (gain > bestGain) {
        best = sentence;
        bestGain = gain;
      }
    }
    if (!best || (chosen.length > 0 && bestGain / terms.length < minGain)) break;
    chosen.push(best);
    for (const term of terms) if (best.terms.has(term)) covered.add(term);
  }
  // Numbers and names are looked up in the usable sentences only (planted instructions were filtered out).
  const evidenceText = cited.map((item) => `${item.sentences.map((sentence) => sentence.text).join('\n')}\n${item.evidence.article.title}\n${item.evidence.article.source ?? ''}\n${item.evidence.article.published ?? ''}`).join('\n');
  const evidenceNumbers = new Set(numbersIn(evidenceText));
  const evidenceWords = nameForms(words(evidenceText));
  return {
    coverage: terms.length === 0 ? 0 : covered.size / terms.length,
    sentences: chosen.sort((a, b) => a.passageRank - b.passageRank || a.order - b.order),
    missingNumbers: numbersIn(text).filter((number) => !evidenceNumbers.has(number)),
    missingNames: namesIn(text).filter((name) => !nameFound(name, evidenceWords)),
  };
}

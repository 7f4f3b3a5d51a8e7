import { sentenceEntities, type EntityKind } from '../../src/answer/sentence-entities.js';
import type { EvalCorpusRecord } from '../../scripts/lib/eval-dataset.js';
import { normalizeForMatch } from '../../scripts/lib/metrics.js';

/** A question made from an article's headline, with the span it masked as the answer. */
export interface ClozeQuestion {
  question: string;
  answer: string;
  articleId: string;
}

/** The question word a masked span of each kind is asked with. */
const ASKED_WITH: Record<EntityKind, string> = { name: 'which', date: 'when', quantity: 'how many' };

/*
 * RealTime QA's questions paraphrase a week's headline and ask for a name, date or number in it; the answer
 * then sits in the body, written differently from the question. A headline with one of its typed spans masked
 * is a question of that shape with a known answer (cloze questions, as in unsupervised extractive QA), so every
 * indexed article can teach the sentence ranker, not only the 108 development questions. Headlines are not
 * candidate sentences, so the positives are body sentences that name the span.
 */
export function titleClozeQuestions(articles: readonly EvalCorpusRecord[], limit: number): ClozeQuestion[] {
  const questions: ClozeQuestion[] = [];
  for (const article of articles) {
    if (questions.length >= limit) break;
    // Without the outlet's suffix ("| CNN"); headlines cut short ("…") lose the cut word.
    const title = (article.title ?? '')
      .replace(/\s*(?:\||–|—| - )\s*[^|–—]*$/, '')
      .replace(/\s*\S*\s*(?:\.\.\.|…)$/, '')
      .trim();
    if (title.split(/\s+/).length < 5) continue;
    const body = normalizeForMatch(article.body);
    const span = sentenceEntities(title).find(
      (entity) => entity.text.length >= 3 && (entity.kind === 'name' ? namedMidSentence(article.body, entity.text) : body.includes(normalizeForMatch(entity.text))),
    );
    if (!span) continue;
    const masked = `${title.slice(0, span.start)}${ASKED_WITH[span.kind]}${title.slice(span.end)}`.replace(/[.?!:]*$/, '?');
    questions.push({ question: masked.charAt(0).toUpperCase() + masked.slice(1), answer: span.text, articleId: article.id });
  }
  return questions;
}

/*
 * Headlines capitalise common words ("Protections for travelers…"); a name is what the body also writes
 * capitalised after a lower-case word or a comma, where only names are.
 */
function namedMidSentence(body: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`[a-z,;:]\\s+${escaped}\\b`, 'u').test(body);
}

import type { EvidenceSentence } from './evidence-sentence.js';
import { isLabelLine } from './label-line.js';
import type { RankedSentence } from './rank-sentences.js';

/** How many ranked sentences a reply quotes. */
export interface StatementChoice {
  maxStatements: number;
  /** Statements one article may contribute. */
  perArticle: number;
  /** Statements after the first are added while the reply stays under this many characters. */
  replyBudget: number;
  /** A sentence after the first is quoted only when its probability reaches this share of the best sentence's. */
  minShareOfBest: number;
}

/**
 * What a reply quotes by default. The budget and the share were chosen out of fold by
 * research/train-sentence-ranker.ts (see ranker/PROVENANCE.md): the quotes hold the answer for 49.1% of
 * answerable questions, against 44.4% at 480 characters and 0.5; a fourth quote adds a question or two for up to
 * 80 characters more.
 */
export const REPLY_CHOICE: StatementChoice = { maxStatements: 3, perArticle: 2, replyBudget: 560, minShareOfBest: 0.35 };

/**
 * The best sentence, then the next ones that still look like answers, from different articles where possible
 * and without repeating each other, while the reply stays short. Headings, bylines and labels are never quoted.
 */
export function chooseStatements(ranked: readonly RankedSentence[], choice: StatementChoice): RankedSentence[] {
  const chosen: RankedSentence[] = [];
  const perArticle = new Map<string, number>();
  const best = ranked[0]?.probability ?? 0;
  let length = 0;
  for (const item of ranked) {
    if (chosen.length >= choice.maxStatements) break;
    if (isLabelLine(item.sentence.text)) continue;
    const used = perArticle.get(item.sentence.article.id) ?? 0;
    const duplicate = chosen.findIndex((other) => saysTheSame(other.sentence.terms, item.sentence.terms));
    if (duplicate >= 0) {
      // Two outlets saying the same thing: quote the earlier report, so the later one can show as its confirmation.
      const other = chosen[duplicate] as RankedSentence;
      if (other.sentence.article.id !== item.sentence.article.id && publishedBefore(item.sentence, other.sentence)) {
        chosen[duplicate] = item;
        perArticle.set(other.sentence.article.id, (perArticle.get(other.sentence.article.id) ?? 1) - 1);
        perArticle.set(item.sentence.article.id, used + 1);
      }
      continue;
    }
    if (chosen.length > 0 && (item.probability < best * choice.minShareOfBest || length + item.sentence.text.length > choice.replyBudget)) continue;
    if (used >= choice.perArticle) continue;
    chosen.push(item);
    perArticle.set(item.sentence.article.id, used + 1);
    length += item.sentence.text.length + (item.antecedent?.text.length ?? 0);
  }
  return chosen;
}

function publishedBefore(a: EvidenceSentence, b: EvidenceSentence): boolean {
  const first = Date.parse(a.article.published ?? '');
  const second = Date.parse(b.article.published ?? '');
  return !Number.isNaN(first) && !Number.isNaN(second) && first < second;
}

/**
 * Two sentences say the same thing when most of their terms are shared, or when nearly all of the shorter one's
 * are in the longer ("approved the stadium budget on Monday" inside "has approved the stadium budget,
 * officials confirmed on Wednesday").
 */
function saysTheSame(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  const union = a.size + b.size - shared;
  const smaller = Math.min(a.size, b.size);
  return (union > 0 && shared / union >= 0.6) || (smaller >= 4 && shared / smaller >= 0.8);
}

import type { ArticleMeta } from '../core/article.js';
import type { Evidence } from '../core/generator.js';
import { termSet } from '../text/terms.js';

/** A sentence of the evidence, cut verbatim from its article body, with what the answerer needs to rank it. */
export interface EvidenceSentence {
  article: ArticleMeta;
  /** Offsets into the article body. */
  start: number;
  end: number;
  text: string;
  /** The whole article body (shared, not copied): the paragraph context a sentence is read in. */
  body: string;
  terms: Set<string>;
  /** Rank of its passage in the retrieval (0 = best); context passages rank after all evidence. */
  passageRank: number;
  /** Position of the sentence within its article's passages, for reading order. */
  order: number;
  /** True for sentences from context passages (usable as counter-evidence, not as answers). */
  contextOnly: boolean;
}

/** The sentences of one passage, cut from its article body by offsets. */
export function passageSentences(item: Evidence, passageRank: number, contextOnly = false): EvidenceSentence[] {
  return item.passage.sentences.map((span, index) => {
    const text = item.body.slice(span.start, span.end);
    return {
      article: item.article,
      start: span.start,
      end: span.end,
      text,
      body: item.body,
      terms: termSet(text),
      passageRank,
      order: item.passage.ordinal * 1000 + index,
      contextOnly,
    };
  });
}

/** Flattens evidence and context passages into unique sentences (a sentence seen twice is kept once). */
export function evidenceSentences(evidence: Evidence[], context: Evidence[] = []): EvidenceSentence[] {
  const seen = new Set<string>();
  const sentences: EvidenceSentence[] = [];
  const add = (item: Evidence, passageRank: number, contextOnly: boolean): void => {
    for (const sentence of passageSentences(item, passageRank, contextOnly)) {
      const key = `${sentence.article.id}:${sentence.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      sentences.push(sentence);
    }
  };
  evidence.forEach((item, rank) => add(item, rank, false));
  context.forEach((item) => add(item, evidence.length, true));
  return sentences;
}

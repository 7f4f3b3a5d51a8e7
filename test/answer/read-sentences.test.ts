import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../src/core/article.js';
import { readSentences } from '../../src/answer/evidence-disputes.js';
import type { EvidenceSentence } from '../../src/answer/evidence-sentence.js';
import { termSet } from '../../src/text/terms.js';

function sentencesOf(article: ArticleMeta, body: string): EvidenceSentence[] {
  const spans = [...body.matchAll(/[^.!?”]+[.!?]”?/g)].map((match) => ({ start: (match.index ?? 0) + (match[0].length - match[0].trimStart().length), end: (match.index ?? 0) + match[0].length }));
  return spans.map(({ start, end }, index) => {
    const text = body.slice(start, end);
    return { article, start, end, text, body, terms: termSet(text), passageRank: 0, order: index, contextOnly: false };
  });
}

describe('readSentences', () => {
  it('reads each article in its own order, whatever order the evidence lists the sentences in', () => {
    const meta = (id: string): ArticleMeta => ({ id, title: id, source: 'Example News', url: null, published: '2024-05-01' });
    const quoted = sentencesOf(
      meta('quoted'),
      'Sources said the company trains its model on the new chips. Michael Hughes, a spokesperson, stated, “The premise is wrong. No new model is being developed.”',
    );
    const other = sentencesOf(meta('other'), 'The council approved the budget on Monday. The vote was close.');
    // Interleaved and reversed, as retrieval ranks them.
    const evidence = [quoted[2], other[1], quoted[0], other[0], quoted[1]].filter((sentence): sentence is EvidenceSentence => sentence !== undefined);
    expect(evidence).toHaveLength(5);

    const readings = readSentences(evidence);
    expect(readings.size).toBe(5);
    // The quotation's second sentence has no speaker of its own: it inherits the one who opened the quotation.
    const continuation = readings.get(quoted[2] as EvidenceSentence);
    expect(continuation?.attribution.holder).toContain('Michael Hughes');
    expect(continuation?.hedge).toBe('denied');
    expect(readings.get(other[0] as EvidenceSentence)?.attribution.kind).toBe('outlet');
  });
});

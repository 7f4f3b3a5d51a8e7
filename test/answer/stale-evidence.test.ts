import { describe, expect, it } from 'vitest';
import type { EvidenceSentence } from '../../src/answer/evidence-sentence.js';
import { asksAboutRecentNews, evidenceAgeDays, newestEvidenceDate } from '../../src/answer/stale-evidence.js';

const sentence = (articleId: string, published: string | undefined): { sentence: EvidenceSentence } => ({
  sentence: {
    article: { id: articleId, title: articleId, source: 'Gazette', url: `https://example.org/${articleId}`, published: published ?? null },
    start: 0,
    end: 4,
    text: 'Text',
    body: 'Text',
    terms: new Set(['text']),
    passageRank: 0,
    order: 0,
    contextOnly: false,
  },
});

describe('asksAboutRecentNews', () => {
  it('reads "this week", "recently", "yesterday" as questions about the news of the moment', () => {
    expect(asksAboutRecentNews('Which company announced layoffs this week?')).toBe(true);
    expect(asksAboutRecentNews('Who recently became the first player to score 50,000 points?')).toBe(true);
    expect(asksAboutRecentNews('What did the mayor say yesterday?')).toBe(true);
    expect(asksAboutRecentNews('Which team won the 2019 final?')).toBe(false);
    expect(asksAboutRecentNews('Is ByteDance training an AI model on Huawei chips?')).toBe(false);
  });
});

describe('evidenceAgeDays', () => {
  const asked = '2031-05-10T12:00:00.000Z';

  it('is the distance in days to the nearest of the first three articles of the best sentences', () => {
    const best = [sentence('a', '2031-03-01T12:00:00Z'), sentence('a', '2031-03-01T12:00:00Z'), sentence('b', '2031-05-01T12:00:00Z'), sentence('c', '2030-01-01T12:00:00Z'), sentence('d', '2031-05-10T12:00:00Z')];
    expect(evidenceAgeDays(best, asked)).toBe(9);
    expect(newestEvidenceDate(best)).toBe('2031-05-01T12:00:00Z');
  });

  it('counts articles dated after the question as far from it too', () => {
    expect(evidenceAgeDays([sentence('a', '2031-07-09T12:00:00Z')], asked)).toBe(60);
  });

  it('is unknown without the time of asking or any dated article', () => {
    expect(evidenceAgeDays([sentence('a', '2031-05-01T12:00:00Z')], undefined)).toBeUndefined();
    expect(evidenceAgeDays([sentence('a', undefined)], asked)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { ANSWERABILITY_FEATURES, type AnswerabilityInput, answerabilityFeatures, articleTermsOf } from '../../src/answer/answerability.js';
import type { EvidenceSentence } from '../../src/answer/evidence-sentence.js';
import { readQuestion } from '../../src/answer/question-intent.js';
import type { RankedSentence } from '../../src/answer/rank-sentences.js';
import { SENTENCE_FEATURES } from '../../src/answer/sentence-features.js';
import type { EntitySpan } from '../../src/answer/sentence-entities.js';
import { topicWeights } from '../../src/answer/topic-weights.js';
import type { ArticleMeta } from '../../src/core/article.js';
import { termSet } from '../../src/text/terms.js';

function articleMeta(id: string, title: string, published: string | null): ArticleMeta {
  return { id, title, source: 'Test Wire', url: null, published };
}

function sentence(article: ArticleMeta, text: string): EvidenceSentence {
  return { article, start: 0, end: text.length, text, body: text, terms: termSet(text), passageRank: 0, order: 0, contextOnly: false };
}

/** A ranked candidate; only what the answerability features read is meaningful. */
function candidate(item: EvidenceSentence, probability: number, spanText?: string): RankedSentence {
  const start = spanText === undefined ? -1 : item.text.indexOf(spanText);
  const spans: EntitySpan[] = spanText === undefined ? [] : [{ kind: 'name', text: spanText, start, end: start + spanText.length }];
  return {
    sentence: item,
    previous: undefined,
    coverage: 0.5,
    contextCoverage: 0.5,
    contextTerms: item.terms,
    answerSpans: spans,
    features: SENTENCE_FEATURES.map(() => 0),
    probability,
    antecedent: undefined,
  };
}

const question = 'Which airline said it is suspending service at JFK Airport in 2022?';
// "jfk" and "suspend" are rare, "airline" and "service" common: the event lives in the rare words.
const weights = new Map([
  ['jfk', 6],
  ['suspend', 5],
  ['2022', 4],
  ['airport', 2],
  ['airlin', 1],
  ['servic', 1],
]);

/** What the answerer would judge `asked` from, with the candidates' sentences as all the evidence read. */
function inputFor(asked: string, ranked: RankedSentence[]): AnswerabilityInput {
  const pool = ranked.map((item) => item.sentence);
  const askedIntent = readQuestion(asked);
  return { question: asked, intent: askedIntent, ranked, articleTerms: articleTermsOf(pool), topic: topicWeights(askedIntent.topicTerms, weights) };
}

function features(ranked: RankedSentence[]): Record<(typeof ANSWERABILITY_FEATURES)[number], number> {
  const row = answerabilityFeatures(inputFor(question, ranked));
  return Object.fromEntries(ANSWERABILITY_FEATURES.map((name, column) => [name, row[column] ?? Number.NaN])) as Record<(typeof ANSWERABILITY_FEATURES)[number], number>;
}

describe('answerabilityFeatures', () => {
  it('computes one value for each named feature', () => {
    const asked = articleMeta('a', 'United suspends JFK flights', '2022-10-05');
    const row = answerabilityFeatures(inputFor(question, []));
    expect(row).toHaveLength(ANSWERABILITY_FEATURES.length);
    expect(features([candidate(sentence(asked, 'United Airlines is suspending service at JFK in 2022.'), 0.8, 'United Airlines')])).toMatchObject({
      rareTermsInBest: 1,
      rareTermsInOneArticle: 1,
    });
  });

  it('tells one article about the asked event from articles that each hold a part of it', () => {
    const together = features([
      candidate(sentence(articleMeta('a', 'United suspends JFK service', '2022-10-05'), 'United Airlines will stop flying from JFK in 2022.'), 0.6),
    ]);
    const apart = features([
      candidate(sentence(articleMeta('b', 'JFK Airport traffic', '2021-03-01'), 'Traffic at JFK Airport rose.'), 0.6),
      candidate(sentence(articleMeta('c', 'Gym memberships', '2019-01-01'), 'The gym is suspending memberships.'), 0.5),
    ]);
    expect(together.rareTermsInOneArticle).toBe(1);
    expect(apart.rareTermsInOneArticle).toBeCloseTo(1 / 3);
    expect(together.bestArticleCoverage).toBeGreaterThan(apart.bestArticleCoverage);
    // The question's year and its names (JFK, Airport) are found in one article only in the first case.
    expect(together.numbersInOneArticle).toBe(1);
    expect(apart.numbersInOneArticle).toBe(0);
  });

  it('matches the question\'s numbers as whole numbers, whatever the thousands separators', () => {
    const score = (body: string): number => {
      const asked = 'Which basketball star became the first to score 40,000 career points?';
      const item = sentence(articleMeta('a', 'Record', '2024-03-02'), body);
      const row = answerabilityFeatures(inputFor(asked, [candidate(item, 0.5)]));
      return row[ANSWERABILITY_FEATURES.indexOf('numbersInOneArticle')] ?? Number.NaN;
    };
    expect(score('LeBron James became the first player to score 40000 points.')).toBe(1);
    expect(score('LeBron James became the first player to score 50,000 points, 40 years on.')).toBe(0);
  });

  it('reads whether the other top articles were published within days of the best one and name its answer', () => {
    const best = candidate(sentence(articleMeta('a', 'JFK news', '2022-10-05'), 'United Airlines is suspending service at JFK.'), 0.7, 'United Airlines');
    const sameWeek = [
      candidate(sentence(articleMeta('b', 'JFK exit', '2022-10-06T09:00:00Z'), 'United Airlines leaves JFK at the end of October.'), 0.4),
      candidate(sentence(articleMeta('c', 'Airport slots', '2022-10-02'), 'Slots at JFK are scarce.'), 0.3),
    ];
    const otherYears = [
      candidate(sentence(articleMeta('d', 'JFK history', '2015-06-01'), 'JFK opened in 1948.'), 0.4),
      candidate(sentence(articleMeta('e', 'Undated', null), 'Airlines suspend routes every winter.'), 0.3),
    ];
    expect(features([best, ...sameWeek])).toMatchObject({ sameDaysArticles: 1, bestSpanAgreement: 0.5 });
    expect(features([best, ...otherYears])).toMatchObject({ sameDaysArticles: 0, bestSpanAgreement: 0 });
  });

  it('has nothing to agree with when the best sentence holds no answer span or stands alone', () => {
    const alone = features([candidate(sentence(articleMeta('a', 'JFK news', '2022-10-05'), 'United Airlines is suspending service at JFK.'), 0.7, 'United Airlines')]);
    expect(alone).toMatchObject({ sameDaysArticles: 0, bestSpanAgreement: 0, bestHasTypedSpan: 1 });
  });

  it("finds the question's phrases where one article writes them in order, not where its words are scattered", () => {
    const asked = 'Which city hosted the European Political Community summit?';
    const phrases = (...bodies: string[]): number => {
      const items = bodies.map((body, index) => sentence(articleMeta(`a${index}`, 'Summit', '2023-10-05'), body));
      const row = answerabilityFeatures(inputFor(asked, items.map((item) => candidate(item, 0.5))));
      return row[ANSWERABILITY_FEATURES.indexOf('phrasesInOneArticle')] ?? Number.NaN;
    };
    const scattered = 'European ministers debated political reform while a community fair took place in the city before the summit.';
    // Of the question's five adjacent pairs (city hosted, hosted European, European Political, Political Community,
    // Community summit), the report of the summit writes three; the scattered article none.
    expect(phrases('Leaders met in Granada for the European Political Community summit.')).toBeCloseTo(3 / 5);
    expect(phrases(scattered)).toBe(0);
    expect(phrases(scattered, 'Leaders met in Granada for the European Political Community summit.')).toBeCloseTo(3 / 5);
  });

  it('reads the phrases only in the first 100,000 characters of a body, so a huge page costs no more than that', () => {
    const asked = 'Which city hosted the European Political Community summit?';
    const phrases = (body: string): number => {
      const item = { ...sentence(articleMeta('a', 'Summit', '2023-10-05'), 'Leaders met.'), body };
      return answerabilityFeatures(inputFor(asked, [candidate(item, 0.5)]))[ANSWERABILITY_FEATURES.indexOf('phrasesInOneArticle')] ?? Number.NaN;
    };
    const report = 'Leaders met in Granada for the European Political Community summit.';
    expect(phrases(`${report} ${'Filler words here. '.repeat(6_000)}`)).toBeCloseTo(3 / 5);
    expect(phrases(`${'Filler words here. '.repeat(6_000)} ${report}`)).toBe(0);
  });
});

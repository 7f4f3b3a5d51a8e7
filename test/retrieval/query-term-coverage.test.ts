import { describe, expect, it } from 'vitest';
import { queryTermCoverage } from '../../src/retrieval/query-term-coverage.js';
import { termSet } from '../../src/text/terms.js';

/** Equal weights over the question's content terms. */
const weightsOf = (question: string): Map<string, number> => new Map([...termSet(question)].map((term) => [term, 1]));

describe('queryTermCoverage', () => {
  it('is the weighted share of question terms the text holds', () => {
    const weights = new Map([['trade', 3], ['request', 1]]);
    expect(queryTermCoverage(weights, 'Lamar Jackson requests a trade')).toBe(1);
    expect(queryTermCoverage(weights, 'The trade deadline passed')).toBeCloseTo(0.75);
    expect(queryTermCoverage(weights, 'Nothing relevant here')).toBe(0);
    expect(queryTermCoverage(new Map(), 'anything')).toBe(0);
  });

  it('matches words by their stems, as the answerer does', () => {
    const weights = weightsOf('Which cities requested trades?');
    expect(queryTermCoverage(weights, 'The city is requesting a trade.')).toBe(1);
  });

  it('reads acronyms without their dots, possessives without their s, and parts of hyphenated words', () => {
    expect(queryTermCoverage(weightsOf('us sanctions'), 'The U.S. announced sanctions.')).toBe(1);
    expect(queryTermCoverage(weightsOf('Huawei chips'), 'Huawei’s chips sold out.')).toBe(1);
    expect(queryTermCoverage(weightsOf('Covid-19 vaccine'), 'A new Covid-19 vaccine-maker opened.')).toBe(1);
  });

  it('does not count a word inside another word', () => {
    expect(queryTermCoverage(weightsOf('art'), 'A smart start.')).toBe(0);
  });

  it('agrees with termSet on ordinary news text', () => {
    const text =
      'The governor said on Tuesday that the state’s new law, signed after months of debate, requires app stores to verify users’ ages; critics say the U.S. rules are weaker.';
    const question = 'Which state became the first to pass legislation requiring app stores to verify users ages?';
    const weights = weightsOf(question);
    const present = termSet(text);
    const expected = [...weights.keys()].filter((term) => present.has(term)).length / weights.size;
    expect(queryTermCoverage(weights, text)).toBeCloseTo(expected);
  });
});

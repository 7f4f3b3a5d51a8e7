import { describe, expect, it } from 'vitest';
import { sentenceEntities } from '../../src/answer/sentence-entities.js';

describe('sentenceEntities', () => {
  it('finds names, dates and quantities, cut verbatim by offsets', () => {
    const sentence = 'The Oklahoma City Thunder beat the Indiana Pacers on June 22, 2025, and 85% of the fire was contained.';
    const spans = sentenceEntities(sentence);
    for (const span of spans) expect(sentence.slice(span.start, span.end)).toBe(span.text);
    expect(spans).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'name', text: 'Oklahoma City Thunder' }),
        expect.objectContaining({ kind: 'name', text: 'Indiana Pacers' }),
        expect.objectContaining({ kind: 'date', text: 'June 22, 2025' }),
        expect.objectContaining({ kind: 'quantity', text: '85%' }),
      ]),
    );
  });

  it('does not read a capitalised sentence opener as a name', () => {
    const spans = sentenceEntities('After the vote, the council adjourned.');
    expect(spans.filter((span) => span.kind === 'name')).toEqual([]);
  });
});

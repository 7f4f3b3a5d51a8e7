import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/answer/question-intent.js';
import { shareOfPhrasesWritten } from '../../src/answer/topic-phrases.js';
import { contentTerms } from '../../src/text/terms.js';

describe('topic phrases', () => {
  it('pairs the topic words a question writes one after the other, stop-words and question words skipped', () => {
    const intent = readQuestion('Climate change threatens the supply of which crop?');
    expect(intent.topicPhrases.map((phrase) => phrase.join(' '))).toEqual(['climat chang', 'chang threaten', 'threaten suppli', 'suppli crop']);
  });

  it('counts a phrase only where a text writes its words in the same order', () => {
    const { topicPhrases } = readQuestion('Which city hosted the European Political Community summit?');
    expect(shareOfPhrasesWritten(topicPhrases, [contentTerms('Leaders met in Granada for the European Political Community summit.')])).toBeCloseTo(3 / 5);
    expect(shareOfPhrasesWritten(topicPhrases, [contentTerms('Political leaders from European cities held a summit on community policing.')])).toBe(0);
    // Title and body together: each phrase counted once.
    expect(shareOfPhrasesWritten(topicPhrases, [contentTerms('European Political Community'), contentTerms('The European Political Community summit met.')])).toBeCloseTo(3 / 5);
  });

  it('finds every phrase in a question without any', () => {
    expect(shareOfPhrasesWritten(readQuestion('Who won?').topicPhrases, [contentTerms('Nothing here.')])).toBe(1);
  });
});

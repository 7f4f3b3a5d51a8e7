import { describe, expect, it } from 'vitest';
import { chooseStatements, REPLY_CHOICE } from '../../src/answer/choose-statements.js';
import type { RankedSentence } from '../../src/answer/rank-sentences.js';
import { termSet } from '../../src/text/terms.js';


function ranked(text: string, probability: number, articleId: string, published = '2026-03-02'): RankedSentence {
  const article = { id: articleId, title: `Report ${articleId}`, source: 'Desk', url: `https://example.test/${articleId}`, published };
  const sentence = { article, start: 0, end: text.length, text, body: text, terms: termSet(text), passageRank: 0, order: 0, contextOnly: false };
  return { sentence, previous: undefined, coverage: 0, contextCoverage: 0, contextTerms: new Set(), answerSpans: [], features: [], probability, antecedent: undefined };
}

const texts = (chosen: RankedSentence[]): string[] => chosen.map((item) => item.sentence.text);

describe('the sentences a reply quotes', () => {
  it('never quotes a heading, a byline or a label, even ranked first, but quotes a short sentence', () => {
    const chosen = chooseStatements(
      [
        ranked('GYMNASTICS', 0.9, 'a'),
        ranked('James Schroeder', 0.85, 'b'),
        ranked('BOX SCORE: Harbour 66, Quillon 56', 0.8, 'c'),
        ranked('Kellin won again.', 0.7, 'd'),
        ranked('“An icon reborn.”', 0.6, 'e'),
      ],
      REPLY_CHOICE,
    );
    expect(texts(chosen)).toEqual(['Kellin won again.', '“An icon reborn.”']);
  });

  it('quotes the best sentence and the next ones still likely to answer, leaving out the unlikely ones', () => {
    const chosen = chooseStatements(
      [
        ranked('The harbour bridge reopened on Tuesday after repairs.', 0.8, 'a'),
        ranked('Engineers replaced four cables during the closure.', 0.3, 'b'),
        ranked('The city council met in the morning to discuss parking.', 0.2, 'c'),
      ],
      REPLY_CHOICE,
    );
    expect(texts(chosen)).toEqual(['The harbour bridge reopened on Tuesday after repairs.', 'Engineers replaced four cables during the closure.']);
  });

  it('stops adding sentences once the reply would pass its budget, and takes at most two from one article', () => {
    const long = `The mayor said the bridge ${'carries thousands of commuters every single day '.repeat(6)}and will stay open.`;
    const chosen = chooseStatements(
      [
        ranked('The harbour bridge reopened on Tuesday after repairs.', 0.8, 'a'),
        ranked('Traffic returned to normal within an hour of the reopening.', 0.7, 'a'),
        ranked('A third sentence from the same report about the tolls.', 0.7, 'a'),
        ranked(long, 0.7, 'b'),
        ranked('Ferry operators expect fewer passengers this spring.', 0.6, 'c'),
      ],
      { ...REPLY_CHOICE, replyBudget: 200 },
    );
    expect(texts(chosen)).toEqual([
      'The harbour bridge reopened on Tuesday after repairs.',
      'Traffic returned to normal within an hour of the reopening.',
      'Ferry operators expect fewer passengers this spring.',
    ]);
  });

  it('quotes the earlier of two outlets saying the same thing once', () => {
    const chosen = chooseStatements(
      [
        ranked('The council approved the stadium budget on Monday.', 0.8, 'late', '2026-03-04'),
        ranked('The council approved the stadium budget on Monday evening.', 0.7, 'early', '2026-03-02'),
      ],
      REPLY_CHOICE,
    );
    expect(chosen.map((item) => item.sentence.article.id)).toEqual(['early']);
  });
});

import { describe, expect, it } from 'vitest';
import { expectedAnswerType, offersAnswer } from '../../src/answer/answer-type.js';
import { termSet } from '../../src/text/terms.js';

describe('expectedAnswerType', () => {
  it('reads what kind of answer a question asks for', () => {
    expect(expectedAnswerType('How many towers of the cathedral are finished?')).toBe('number');
    expect(expectedAnswerType('In what year did the bridge open?')).toBe('number');
    expect(expectedAnswerType('A first edition of which Jane Austen novel sold at auction?')).toBe('name');
    expect(expectedAnswerType('Who leads the council?')).toBe('name');
    expect(expectedAnswerType('Is ByteDance training an AI model on Huawei chips?')).toBeNull();
    expect(expectedAnswerType('Did the firm which makes the chips deny it?')).toBeNull();
    expect(expectedAnswerType('Why did the council close the library?')).toBeNull();
  });
});

describe('offersAnswer', () => {
  const question = 'A first edition of which Jane Austen novel sold for £375,000 at auction?';
  const asked = termSet(question);

  it('is true for a sentence naming something the question does not', () => {
    expect(offersAnswer('The first edition of Emma features a handwritten message.', asked, 'name')).toBe(true);
    expect(offersAnswer('Activists held a flag that read “Who voted for this?” before they were escorted out.', termSet('What did the sign say?'), 'name')).toBe(true);
  });

  it('is false for a sentence that only restates the question', () => {
    expect(offersAnswer('A copy of a Jane Austen novel sold at auction for £375,000.', asked, 'name')).toBe(false);
    expect(offersAnswer('The sale was a record.', asked, 'name')).toBe(false);
  });

  it('wants a new number for a "how many" question', () => {
    const towers = termSet('How many of the six towers are complete?');
    expect(offersAnswer('Five of the six towers are now complete.', towers, 'number')).toBe(true);
    expect(offersAnswer('Work on the six towers continues.', towers, 'number')).toBe(false);
    expect(offersAnswer('Five of the six towers are now complete.', towers, null)).toBe(false);
  });
});

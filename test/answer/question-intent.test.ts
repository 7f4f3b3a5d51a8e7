import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/answer/question-intent.js';

describe('readQuestion', () => {
  it('reads the kind of span a question expects', () => {
    expect(readQuestion('When did the Sacramento Kings last make the playoffs?').expected).toBe('date');
    expect(readQuestion('In what year did the bridge open?').expected).toBe('date');
    expect(readQuestion('How many hospital employees walked off the job?').expected).toBe('quantity');
    expect(readQuestion('What percentage of Americans tip at coffee shops?').expected).toBe('quantity');
    expect(readQuestion("Who won this year's Nobel Peace Prize?").expected).toBe('person');
    expect(readQuestion('Which state will ban plastic shopping bags?').expected).toBe('name');
    expect(readQuestion('Loretta Lynn died this week at age 90. Which music genre was she best known for?').expected).toBe('name');
    expect(readQuestion('Is ByteDance training an AI model on Huawei chips?').expected).toBeNull();
    expect(readQuestion('Why did the council close the library?').expected).toBeNull();
  });

  it('reads the question word that opens the question, not one that opens a later clause', () => {
    expect(readQuestion('Who lit the lamp when the lighthouse reopened?').expected).toBe('person');
    expect(readQuestion('When did the mayor who resigned last year return?').expected).toBe('date');
    expect(readQuestion('How many people attended when the stadium opened?').expected).toBe('quantity');
    expect(readQuestion('The former head of which company testified about workers who unionized?').expected).toBe('name');
    // At one word the more specific reading wins: "which actor" asks for a person, "in which month" for a date.
    expect(readQuestion('She declined an Oscar on behalf of which actor?').expected).toBe('person');
    expect(readQuestion('Congress set up a new funding fight in which month?').expected).toBe('date');
  });

  it('recognises questions about a dispute and keeps only their topic words', () => {
    const who = readQuestion('Who denied that ByteDance uses Huawei chips?');
    expect(who.aboutDispute).toBe(true);
    expect(who.topicTerms).not.toContain('deni');
    expect(who.topicTerms).toEqual(expect.arrayContaining(['byted', 'huawei', 'chip']));
    for (const question of [
      'Is it true that the mayor resigned?',
      'Does anyone dispute the casualty figures?',
      'What did the ministry say about the report?',
      'Is ByteDance training an AI model on Huawei chips? who denied it?',
    ]) {
      expect(readQuestion(question).aboutDispute, question).toBe(true);
    }
    expect(readQuestion('Which team won the NBA championship?').aboutDispute).toBe(false);
  });
});

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

  it('reads the form of the stated answer more finely: a person behind describing words, a common noun, a measure', () => {
    const form = (question: string) => readQuestion(question).answerForm;
    for (const question of ['Which basketball star became the first to score 40,000 points?', 'Taylor Swift is related to which famous poet?', "Which country's president resigned?"]) {
      expect(form(question).kind, question).toBe('person');
    }
    for (const question of ['Which music genre was she best known for?', 'Climate change threatens the supply of which crop?', 'Which type of pet was removed from the White House?']) {
      expect(form(question).kind, question).toBe('thing');
    }
    // An organisation described by a common noun is still named: "which fast food chain", "which food brand".
    expect(form('Which large fast food chain is testing dynamic pricing?').kind).toBe('name');
    expect(form('Which iconic food brand unveiled a new logo?').kind).toBe('name');
    expect(form("Which player's team won the cup?").kind).toBe('name');
    // The ranker's reading stays as it was trained.
    expect(readQuestion('Which basketball star became the first to score 40,000 points?').expected).toBe('name');
    expect(form('What percentage of Americans tip?').quantity).toBe('percent');
    expect(form('How long did the repairs take?').quantity).toBe('duration');
    expect(form('For how many days did the allies call for a ceasefire?').quantity).toBe('count');
    expect(form('How much did the repairs cost?').quantity).toBe('money');
    expect(form('How much money did the film make?').quantity).toBe('money');
    expect(form('How much of the forest burned?').quantity).toBe('any');
    expect(form('How old was the singer when she died?').quantity).toBe('age');
    expect(form('Which state will ban plastic bags?')).toEqual({ kind: 'name', quantity: 'any' });
    expect(form('Where did the blast occur?').kind).toBe('place');
  });

  it('reads "what did X decide / do / find", "what happened" and "who / what is <name>" as asking for a clause, not a name', () => {
    const kind = (question: string) => readQuestion(question).answerForm.kind;
    for (const question of [
      'What did the Supreme Court decide about the Colorado ballot?',
      'What does the new law do?',
      'What has the central bank decided?',
      'What is the mayor planning for the waterfront?',
      'What did the study find about coffee?',
      'What happened to the Titan submersible?',
      'Who is Narges Mohammadi?',
      'who was Ondine Farrow',
      'What is Ascend 910B?',
    ]) {
      expect(kind(question), question).toBeNull();
    }
    // A thing that was made, shown or named is a name; "plan" and "rule" here are nouns.
    for (const question of ['What did Tesla unveil at its event?', 'What is the name of the government’s new plan?', 'What is the new rule for tipping?', 'What company did the former CEO found?']) {
      expect(kind(question), question).toBe('name');
    }
    expect(kind('Who is the governor of Delaware?')).toBe('person');
    expect(kind('What is the capital of China?')).toBe('name');
    expect(kind('Who is Ondine Farrow’s coach?')).toBe('person');
    // The ranker's reading stays as it was trained.
    expect(readQuestion('What did the Supreme Court decide about the Colorado ballot?').expected).toBe('name');
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

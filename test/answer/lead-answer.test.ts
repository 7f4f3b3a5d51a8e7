import { describe, expect, it } from 'vitest';
import type { EvidenceSentence } from '../../src/answer/evidence-sentence.js';
import { disputeLead, leadSpanOf, spansOfForm } from '../../src/answer/lead-answer.js';
import { readQuestion } from '../../src/answer/question-intent.js';
import { sentenceEntities } from '../../src/answer/sentence-entities.js';
import type { Dispute } from '../../src/core/answer.js';
import { termSet } from '../../src/text/terms.js';

const claim = 'ByteDance aims to use Huawei chips, sources said.';

describe('disputeLead', () => {
  it('names who denies a claim first, then who could not verify it, citing each counter-statement', () => {
    const disputes: Dispute[] = [
      { claim, counter: 'Another source could not verify the use of Huawei chips.', kind: 'unverified', claimCitations: [1], counterCitations: [3] },
      { claim, counter: '“The premise is wrong,” Michael Hughes, a TikTok spokesperson, said.', kind: 'denied', claimCitations: [1], counterCitations: [2], disputedBy: 'Michael Hughes, a TikTok spokesperson' },
    ];
    expect(disputeLead(disputes)).toEqual({ text: 'Denied by Michael Hughes, a TikTok spokesperson; a source could not verify it', citations: [2, 3] });
  });

  it('leads with nothing when the evidence disputes nothing', () => {
    expect(disputeLead([])).toBeUndefined();
  });
});

/** The lead a question gets from one sentence, with the sentence's spans of the expected kind that say something the question does not. */
function leadOf(question: string, text: string): string | undefined {
  const sentence: EvidenceSentence = {
    article: { id: 'a', title: 'Harbour news', source: 'Gazette', url: 'https://example.org/a', published: '2031-06-01' },
    start: 0,
    end: text.length,
    text,
    body: text,
    terms: termSet(text),
    passageRank: 0,
    order: 0,
    contextOnly: false,
  };
  const asked = termSet(question);
  const intent = readQuestion(question);
  // As the ranker's reading keeps them: spans of the kind expected that say something the question does not.
  const kind = intent.expected === 'person' ? 'name' : intent.expected;
  const answerSpans = sentenceEntities(text).filter((span) => span.kind === kind && [...termSet(span.text)].some((term) => !asked.has(term)));
  return leadSpanOf(answerSpans, sentence, intent)?.text;
}

describe('leadSpanOf', () => {
  it('states a name the question does not give before one it gives, and a name holding the kind of thing asked', () => {
    const final = 'In the Harbour League Finals, the Quillon Otters beat Velmont by two lengths.';
    expect(leadOf('Which team won the Harbour League championship?', final)).toBe('Quillon Otters');
    // "university" is what the question asks for, not a name it gives.
    expect(leadOf('Which university opened the inquiry?', 'Lakeview University opened the inquiry on Monday.')).toBe('Lakeview University');
  });

  it('states a name the question gives only when the sentence names nothing else', () => {
    const armband = 'Harbour Captain Ilse Dornvik handed the armband to Marta Kellin after the match.';
    expect(leadOf('Who replaced Ilse Dornvik as captain?', armband)).toBe('Marta Kellin');
    expect(leadOf('Who replaced Ilse Dornvik as captain?', 'Harbour Captain Ilse Dornvik stepped down after the match.')).toBe('Harbour Captain Ilse Dornvik');
  });

  it('does not answer "who" with a place: a name after "in" or "at"', () => {
    expect(leadOf('Who opened the new gallery?', 'At a ceremony in Marlow Bay on Friday, Farrow opened the new gallery.')).toBe('Farrow');
  });

  it('states no letter cut from a model name', () => {
    expect(leadOf('Which chip does the lab use?', 'The lab uses the Ascend 910B chip for small tasks.')).toBeUndefined();
  });

  it('answers "where" with a name written after a preposition of place', () => {
    expect(leadOf('Where did Storm Idris make landfall?', 'Idris strengthened into a Category 3 storm before making landfall on Velmont’s north coast.')).toBe('Velmont');
  });

  it('leaves a dateline out of a name read across a dash', () => {
    expect(leadOf('What is the name of the storm that hit Tallahassee?', 'TALLAHASSEE, Fla. − Storm Idris made landfall on Thursday night.')).toBe('Storm Idris');
  });

  it('states nothing from a sentence that denies what the question asks about', () => {
    expect(leadOf('When did Velmont annex the islands?', 'Velmont annexed the islands on Feb. 24, 2031.')).toBe('Feb. 24, 2031');
    expect(leadOf('When did Velmont annex the islands?', 'At the time the footage was posted, on Feb. 20, Velmont had not annexed the islands.')).toBeUndefined();
    expect(leadOf('When did Velmont annex the islands?', 'By Feb. 20, Velmont hadn’t annexed the islands.')).toBeUndefined();
    // A negation of something the question does not ask about leaves the span.
    expect(leadOf('When did Velmont annex the islands?', 'Velmont annexed the islands on Feb. 24, 2031, not the coast.')).toBe('Feb. 24, 2031');
  });

  it('states a quantity of the measure asked, not the first number of the sentence', () => {
    const repairs = 'The repairs cost 4.2 million crowns, and took eleven months.';
    expect(leadOf('How long did the repairs take?', repairs)).toBe('eleven months');
    expect(leadOf('How much did the repairs cost?', repairs)).toBe('4.2 million');
    expect(leadOf('What percentage of the budget went on repairs?', repairs)).toBeUndefined();
    expect(leadOf('How long was the pause?', 'The lab agreed to a six-month pause on new trials.')).toBe('six-month');
    // A question that names its unit is answered by the bare number.
    expect(leadOf('The allies called for a ceasefire of how many days?', 'The allies called for an immediate 21-day ceasefire.')).toBe('21');
    expect(leadOf('How many people attended the vigil?', 'Some 40% of the town, about 2,000 people, attended the vigil.')).toBe('about 2,000');
    // An age is a number, or a duration written as one: not the length of a career.
    expect(leadOf('How old was the singer when she died?', 'The singer, a star for seven decades, has died at 90.')).toBe('90');
    expect(leadOf('How old was the singer when she died?', 'The singer, a star for seven decades, has died.')).toBeUndefined();
    expect(leadOf('How old was the singer when she died?', 'She died aged 90 years old, her family said.')).toBe('90 years');
    // Neither does a rank, nor a number inside a model name.
    expect(leadOf('How many hostages did the group release?', 'The group released a first set of hostages on Friday.')).toBeUndefined();
    expect(leadOf('How many chips did the lab buy?', 'The lab bought the Ascend 910B chip from Huawei.')).toBeUndefined();
    expect(leadOf('How many chips did the lab buy?', 'The lab bought 12 Ascend 910B chips.')).toBe('12');
    // "How much did it cost" asks for a sum: not a share, nor a model number.
    expect(leadOf('How much did the takeover cost the investor?', 'The Model 3 is about 10% cheaper, the investor said.')).toBeUndefined();
    expect(leadOf('How much did the takeover cost the investor?', 'The takeover cost the investor $44 billion in the end.')).toBe('$44 billion');
  });

  it('states no name for a question that asks for a common noun, and does not count the name as a typed answer', () => {
    const form = readQuestion('Which sport did the review cover?').answerForm;
    expect(spansOfForm(sentenceEntities('The review covered curling in Velmont.'), 'The review covered curling in Velmont.', form)).toEqual([]);
    expect(leadOf('Which sport did the review cover?', 'The review covered women’s curling in Velmont.')).toBeUndefined();
    expect(leadOf('Which town did the review cover?', 'The review covered women’s curling in Velmont.')).toBe('Velmont');
  });
});

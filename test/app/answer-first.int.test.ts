import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storydesk } from '../../src/app/storydesk.js';
import { renderAnswerForTerminal } from '../../src/channels/terminal/render-answer.js';
import { articleMarkdown, openFictionalStorydesk, ROWING_CUP_REPORT } from '../helpers/fictional-articles.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const BRIDGE = [
  'The fictional Marlow Bay swing bridge reopened to traffic on Monday after repairs.',
  'The repairs cost 4.2 million crowns, the council said, and took eleven months.',
].join(' ');
const SCULLS = [
  'Veteran rower Marta Kellin joined the fictional Quillon club in 2025 after a decade abroad.',
  'On Saturday, Kellin became the first rower to win the Harbour Sculls three times.',
  'The club will hold a reception for its members next week.',
].join(' ');
// The subject stands far from the question's words; a team, named with "the", stands right next to them.
const GOALS = [
  'Striker Ilse Dornvik joined the fictional Port Ellery Gulls in 2024.',
  'Dornvik collected her latest milestone on Sunday against the Velmont Herons, becoming the first player in league history to score 200 goals.',
  'The Gulls play Quillon next weekend.',
].join(' ');
// The work, written after its maker's possessive, stands next to the question's words; the maker stands further off.
const SPEECH = [
  'Sculptor Ondine Farrow won the fictional Harbour Arts Prize in 2031 for a lantern made of driftwood.',
  "At the ceremony, Farrow's Lantern acceptance speech ran for nine minutes, the longest in the Harbour Arts Prize's history.",
].join(' ');
// The sport asked for is a common noun; the sentence's proper names (a town, a federation) stand next to it.
const REVIEW = [
  'An independent review found systemic misconduct within women’s professional curling in Velmont, the Harbour Sports Federation said on Tuesday.',
  'The federation promised new safeguarding rules before the winter season.',
].join(' ');

// What the council decided is a clause; the sentence's proper names (a firm, a town) stand next to the question's words.
const MARKET = [
  'The fictional Marlow Bay council decided on Thursday to close the Old Quay market for two years while Dunmore Marine rebuilds its pier.',
  'Traders will move to a temporary site on Harbour Road.',
].join(' ');

// News writes a title before a name; the question asks for the holder of that title.
const CHAIR = [
  'Lawmakers of the fictional Velmont assembly elected Assembly Speaker Edda Morven on Tuesday after a week of votes.',
  'She replaces a speaker who resigned in May.',
].join(' ');

describe('a typed answer leads the reply', () => {
  const temp = makeTempDir();
  let storydesk: Storydesk;

  beforeAll(async () => {
    storydesk = await openFictionalStorydesk(temp.path, {
      'rowing.md': ROWING_CUP_REPORT,
      'sculls.md': articleMarkdown('A third Harbour Sculls title', 'The Fictional Gazette', '2031-06-01', SCULLS),
      'bridge.md': articleMarkdown('Swing bridge reopens after repairs', 'The Fictional Herald', '2031-05-05', BRIDGE),
      'goals.md': articleMarkdown('Dornvik reaches 200 league goals', 'The Fictional Gazette', '2031-06-09', GOALS),
      'speech.md': articleMarkdown('A record speech at the arts prize', 'The Fictional Herald', '2031-06-12', SPEECH),
      'review.md': articleMarkdown('Review finds misconduct in women’s curling', 'The Fictional Herald', '2031-06-14', REVIEW),
      'market.md': articleMarkdown('Old Quay market to close for pier works', 'The Fictional Gazette', '2031-06-20', MARKET),
      'chair.md': articleMarkdown('Velmont assembly elects a speaker', 'The Fictional Herald', '2031-06-22', CHAIR),
    });
  });
  afterAll(() => {
    storydesk.close();
    temp.remove();
  });

  it('states the team that won on the first line, cited to the sentence that says so, then the quotes', async () => {
    const answer = await storydesk.ask('Which team won the Harbour Rowing Cup?');
    expect(answer.abstained).toBe(false);
    expect(answer.lead?.text).toBe('Quillon Otters');
    const cited = answer.citations.find((citation) => citation.n === answer.lead?.citations[0]);
    expect(cited?.quote).toContain('The Quillon Otters won the Harbour Rowing Cup');
    const [first, ...rest] = renderAnswerForTerminal(answer).split('\n');
    expect(first).toBe(`Answer: Quillon Otters [${cited?.n}]`);
    expect(rest.join('\n')).toContain('The Quillon Otters won the Harbour Rowing Cup');
    expect(answer.answer.split('\n')[0]).toBe(`Answer: Quillon Otters [${cited?.n}]`);
  });

  it('states a quantity with its unit for "how much"', async () => {
    const answer = await storydesk.ask('How much did the Marlow Bay swing bridge repairs cost?');
    expect(answer.abstained).toBe(false);
    expect(answer.lead?.text).toMatch(/4\.2 million/);
    expect(answer.citations.find((citation) => citation.n === answer.lead?.citations[0])?.quote).toContain('4.2 million crowns');
  });

  it('states no answer rather than a span the sentence only half ties to the question, and quotes the sentence', async () => {
    // The sentence holds the duration, but the recogniser's span in it is the cost: stated first, it would be wrong.
    const answer = await storydesk.ask('How long did the Marlow Bay swing bridge repairs take?');
    expect(answer.abstained).toBe(false);
    expect(answer.lead).toBeUndefined();
    expect(answer.answer.split('\n')[0]).toContain('took eleven months');
  });

  it('names a person by the full name the article gave, where the answering sentence says only the surname', async () => {
    const answer = await storydesk.ask('Who became the first rower to win the Harbour Sculls three times?');
    expect(answer.abstained).toBe(false);
    expect(answer.lead?.text).toBe('Marta Kellin');
    expect(answer.citations.find((citation) => citation.n === answer.lead?.citations[0])?.quote).toContain('Kellin became the first rower');
  });

  it('answers "who" with the person, not with a team named with "the" that stands nearer the question\'s words', async () => {
    const answer = await storydesk.ask('Who became the first player in league history to score 200 goals?');
    expect(answer.abstained).toBe(false);
    expect(answer.lead?.text).toBe('Ilse Dornvik');
  });

  it('answers "who" with the person the article names in full, not with a one-word name it never gives a first name', async () => {
    const answer = await storydesk.ask('Who gave the longest acceptance speech in the history of the Harbour Arts Prize?');
    expect(answer.abstained).toBe(false);
    expect(answer.lead?.text).toBe('Ondine Farrow');
  });

  it('reads "which veteran rower" as asking for a person, and names them in full', async () => {
    const answer = await storydesk.ask('Which veteran rower became the first to win the Harbour Sculls three times?');
    expect(answer.abstained).toBe(false);
    expect(answer.lead?.text).toBe('Marta Kellin');
  });

  it('states no name first when the question asks for a common noun ("which sport"), and quotes the sentence that holds it', async () => {
    const answer = await storydesk.ask('An independent review found systemic misconduct within which women’s professional sport?');
    expect(answer.abstained).toBe(false);
    expect(answer.lead).toBeUndefined();
    expect(answer.answer.split('\n')[0]).toContain('women’s professional curling');
  });

  it('states no name first when the question asks what someone decided, and quotes the decision', async () => {
    const answer = await storydesk.ask('What did the Marlow Bay council decide about the Old Quay market?');
    expect(answer.abstained).toBe(false);
    expect(answer.lead).toBeUndefined();
    expect(answer.answer.split('\n')[0]).toContain('decided on Thursday to close the Old Quay market for two years');
  });

  it('answers "who is <name>?" with the sentence that describes them, not with another name', async () => {
    const answer = await storydesk.ask('Who is Ondine Farrow?');
    expect(answer.abstained).toBe(false);
    expect(answer.lead).toBeUndefined();
    expect(answer.answer.split('\n')[0]).toContain('Sculptor Ondine Farrow won the fictional Harbour Arts Prize');
  });

  it('names the person without the title the question already says', async () => {
    for (const question of ['Who did the Velmont assembly elect as speaker?', 'Who was elected speaker after a week of votes?']) {
      const answer = await storydesk.ask(question);
      expect(answer.abstained, question).toBe(false);
      expect(answer.lead?.text, question).toBe('Edda Morven');
    }
  });

  it('brings the antecedent of a sentence that opens with a pronoun, verbatim and cited', async () => {
    const answer = await storydesk.ask('Since when had the Otters not won a rowing title?');
    expect(answer.abstained).toBe(false);
    const texts = answer.statements.map((statement) => statement.text);
    const pronoun = texts.findIndex((text) => text.startsWith('It was their first title since 2019'));
    expect(pronoun).toBeGreaterThan(0);
    expect(texts[pronoun - 1]).toContain('The Quillon Otters won the Harbour Rowing Cup');
  });
});

describe('a stated answer to "this week" comes from that week', () => {
  const temp = makeTempDir();
  let storydesk: Storydesk;

  beforeAll(async () => {
    storydesk = await openFictionalStorydesk(temp.path, {
      'cup-2030.md': articleMarkdown(
        'Otters take the Harbour Rowing Cup',
        'The Fictional Gazette',
        '2030-06-01',
        'The Quillon Otters won the Harbour Rowing Cup on Saturday, beating the Velmont Herons by two lengths.',
      ),
      'cup-2031.md': articleMarkdown(
        'Harbour Rowing Cup crews race again',
        'The Fictional Herald',
        '2031-06-02',
        'Crowds lined the harbour as eight crews raced for the Harbour Rowing Cup this weekend. Organisers said the final was postponed by fog.',
      ),
    });
  });
  afterAll(() => {
    storydesk.close();
    temp.remove();
  });

  it('states no winner from last year\'s report when asked this year, and still quotes it with its date', async () => {
    const question = 'Which team won the Harbour Rowing Cup this week?';
    const lastYear = await storydesk.ask(question, { askedAt: new Date('2030-06-03T12:00:00Z') });
    expect(lastYear.lead?.text).toBe('Quillon Otters');
    const thisYear = await storydesk.ask(question, { askedAt: new Date('2031-06-03T12:00:00Z') });
    expect(thisYear.abstained).toBe(false);
    expect(thisYear.lead).toBeUndefined();
    const lastYearsReport = thisYear.citations.find((citation) => citation.quote.includes('The Quillon Otters won the Harbour Rowing Cup'));
    expect(lastYearsReport?.published).toBe('2030-06-01');
  });
});

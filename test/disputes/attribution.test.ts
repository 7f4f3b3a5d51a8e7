import { describe, expect, it } from 'vitest';
import { attributionLabel, extractAttribution } from '../../src/disputes/attribution.js';
import { extractClaims } from '../../src/disputes/claims.js';
import { hedgeOf } from '../../src/disputes/hedge.js';
import { seedBody, sentenceSpans } from './sentence-spans.js';

function read(sentence: string) {
  const attribution = extractAttribution(sentence);
  return { ...attribution, hedge: hedgeOf(sentence, attribution) };
}

describe('attribution and hedge on the seed article', () => {
  const body = seedBody();
  const claims = extractClaims(body, sentenceSpans(body));
  const find = (fragment: string) => {
    const claim = claims.find((candidate) => candidate.text.includes(fragment));
    if (!claim) throw new Error(`no claim containing "${fragment}"`);
    return claim;
  };

  it('reads the Ascend 910B claim as reported by unnamed sources to Reuters', () => {
    const claim = find('Ascend 910B chip to train');
    expect(claim.hedge).toBe('reported');
    expect(claim.attribution).toEqual({
      holder: 'sources',
      kind: 'unnamed',
      verb: 'told',
      via: 'Reuters',
    });
    expect(attributionLabel(claim.attribution)).toBe('sources told Reuters');
  });

  it('reads the spokesperson statement as a denial by Michael Hughes, a TikTok spokesperson', () => {
    const claim = find('The entire premise here is wrong');
    expect(claim.hedge).toBe('denied');
    expect(claim.attribution).toMatchObject({
      holder: 'Michael Hughes, a TikTok spokesperson',
      kind: 'named',
      verb: 'stated',
    });
  });

  it('keeps the speaker for a quoted sentence that continues a quotation', () => {
    const claim = find('No new model is being developed');
    expect(claim.hedge).toBe('denied');
    expect(claim.attribution.holder).toBe('Michael Hughes, a TikTok spokesperson');
  });

  it('reads "could not verify the use of Huawei chips" as unverified', () => {
    const claim = find('could not verify the use of Huawei chips');
    expect(claim.hedge).toBe('unverified');
    expect(claim.attribution.kind).toBe('unnamed');
  });

  it('attributes market figures "according to IDC" to IDC', () => {
    expect(find('according to IDC').attribution).toMatchObject({
      holder: 'IDC',
      kind: 'named',
      verb: 'according to',
    });
  });

  it('keeps offsets that cite the sentence verbatim and skips page furniture', () => {
    for (const claim of claims) expect(body.slice(claim.start, claim.end)).toBe(claim.text);
    expect(claims.some((claim) => claim.text.startsWith('See Also'))).toBe(false);
    expect(claims.some((claim) => claim.text.startsWith('Photo by'))).toBe(false);
  });

  it('reads a plain sentence as asserted by the outlet', () => {
    const claim = find('President Joe Biden signed a bill');
    expect(claim.hedge).toBe('asserted');
    expect(claim.attribution).toEqual({
      holder: null,
      kind: 'outlet',
      verb: null,
      via: null,
    });
  });
});

describe('attribution and hedge on general news phrasing', () => {
  it.each([
    ['The White House denied the report on Tuesday.', 'denied', 'The White House', 'named'],
    ['A spokesperson for the ministry said the report was "completely false".', 'denied', 'A spokesperson for the ministry', 'named'],
    ['“We have no plans to sell the unit,” said Jane Doe, the chief executive.', 'denied', 'Jane Doe', 'named'],
    ['Two people familiar with the matter said the deal could close next week.', 'reported', 'Two people familiar with the matter', 'unnamed'],
    ['U.S. officials said the strike killed three militants.', 'reported', 'U.S. officials', 'unnamed'],
    ['The company said in a statement that the outage was caused by a software update.', 'reported', 'The company', 'named'],
    ['Reuters could not independently verify the claims.', 'unverified', null, 'outlet'],
    ['The ministry has yet to confirm the death toll.', 'unverified', null, 'outlet'],
    ['The senator allegedly accepted bribes from the contractor.', 'alleged', null, 'outlet'],
    ['The merger is reportedly worth $2 billion.', 'reported', null, 'outlet'],
    ['Shares rose 5% on Tuesday after the earnings report.', 'asserted', null, 'outlet'],
    ['That claim is not true, the minister told reporters.', 'denied', 'the minister', 'named'],
    ['The man was denied bail on Friday.', 'asserted', null, 'outlet'],
    ['Protesters said they were denied access to the site.', 'reported', 'Protesters', 'named'],
    ['No final decision has been made on the merger.', 'asserted', null, 'outlet'],
    // Refusals, corrections and opinions that use denial words without denying a claim.
    ['Denying cloud computing services to the oil industry would do little to cut emissions.', 'asserted', null, 'outlet'],
    ['A story May 2 was incorrect.', 'asserted', null, 'outlet'],
    ['An earlier version of this story misstated the date of the vote.', 'asserted', null, 'outlet'],
    ['The new tax is wrong for Ohio families.', 'asserted', null, 'outlet'],
    ['The minister said the report was false for several reasons.', 'denied', 'The minister', 'named'],
    ['Bonds and Sammy Sosa have denied those allegations.', 'denied', 'Bonds and Sammy Sosa', 'named'],
    ['The Kremlin has publicly denied striking the pipelines.', 'denied', 'The Kremlin', 'named'],
    ["There's no evidence supporting the claim that the minister was paid.", 'denied', null, 'outlet'],
  ] as const)('%s → %s', (sentence, hedge, holder, kind) => {
    expect(read(sentence)).toMatchObject({ hedge, holder, kind });
  });

  it.each([
    'The judge denied the motion to dismiss the lawsuit.',
    'Their requests to leave were frequently denied, the documents show.',
    'A chart April 14 was incorrect.',
    'It is wrong to drive after drinking.',
    "The minister hasn't denied that talks took place.",
    'Reached by phone, he would not confirm or deny the report.',
  ])('reads no denial of a claim in: %s', (sentence) => {
    expect(read(sentence).hedge).not.toBe('denied');
  });

  it.each([
    'The tweets appear to have come from unverified accounts that have been suspended.',
    'Unconfirmed death cases are being processed by local medical examiners.',
  ])('reads no failed verification in a status or a tally: %s', (sentence) => {
    expect(read(sentence).hedge).not.toBe('unverified');
  });

  it.each([
    ['Report: Carmaker to close its Ohio plant', 'reported'],
    ['Carmaker to close Ohio plant: report', 'reported'],
    ['Bank eyes bid for smaller rival [REPORT]', 'reported'],
    ['Rebels seize the airport: AFP', 'reported'],
    ['Three soldiers killed in border clash - reports', 'reported'],
    ['Rebels seize the airport, monitoring group says', 'reported'],
    ['Video purports to show the ship sinking', 'alleged'],
    ['Group releases video claiming to show the attack', 'alleged'],
    ['Teenage fighter believed to have been killed in strike', 'reported'],
    ["I'm not in a position to confirm the authenticity of that video.", 'unverified'],
  ] as const)('reads a headline that names its source or hedges: %s → %s', (headline, hedge) => {
    expect(read(headline).hedge).toBe(hedge);
  });

  it.each(['The team won the title: Smith scored twice.', 'Shares fell 5% - the biggest drop in a decade.', 'The storm cut power to 40,000 homes, the worst outage in years.'])(
    'reads no source tag in a sentence that only uses a colon, dash or comma: %s',
    (sentence) => {
      expect(read(sentence).hedge).toBe('asserted');
    },
  );

  it('reads a denial that opens the sentence', () => {
    expect(read('Denying the report, the company said the plant would stay open.').hedge).toBe('denied');
  });

  it('does not mistake a clause for a speaker', () => {
    expect(read('The police have not confirmed the identity of the victim.')).toMatchObject({ hedge: 'unverified', kind: 'outlet' });
  });

  it('handles thousands of sentences per second', () => {
    const sentences = Array.from({ length: 5_000 }, (_, index) => `Company ${index} denied the report, a spokesperson told Reuters on Monday.`);
    const body = sentences.join(' ');
    let offset = 0;
    const spans = sentences.map((sentence) => {
      const span = { start: offset, end: offset + sentence.length };
      offset += sentence.length + 1;
      return span;
    });
    const claims = extractClaims(body, spans);
    expect(claims).toHaveLength(5_000);
    expect(claims[0]?.hedge).toBe('denied');
  });
});

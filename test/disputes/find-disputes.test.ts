import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/disputes/claims.js';
import { type ClaimRef, findDisputes } from '../../src/disputes/find-disputes.js';
import { loadStanceClassifier } from '../../src/disputes/stance-classifier.js';
import { seedBody, sentenceSpans } from './sentence-spans.js';

function claimsOf(articleId: string, source: string, published: string, body: string): ClaimRef[] {
  return extractClaims(body, sentenceSpans(body)).map((claim) => ({
    articleId,
    source,
    published,
    text: claim.text,
    hedge: claim.hedge,
    attribution: claim.attribution,
    start: claim.start,
    end: claim.end,
  }));
}

describe('findDisputes on the seed article', () => {
  const claims = claimsOf('seed', 'Benzinga', '2024-09-30', seedBody());

  it('finds the TikTok spokesperson denying the Ascend 910B claim', async () => {
    const { disputes } = await findDisputes(claims);
    const denial = disputes.find((dispute) => dispute.kind === 'denied' && dispute.claim.text.includes('Ascend 910B chip to train'));
    // The quoted denial spans two sentences; either may be the counter, both are his.
    expect(denial?.counter.text).toMatch(/The entire premise here is wrong|No new model is being developed/);
    expect(denial?.disputedBy).toBe('Michael Hughes, a TikTok spokesperson');
  });

  it('finds that another source could not verify the use of Huawei chips', async () => {
    const { disputes } = await findDisputes(claims);
    const unverified = disputes.find((dispute) => dispute.kind === 'unverified' && dispute.claim.text.includes('Ascend 910B chip to train'));
    expect(unverified?.counter.text).toContain('could not verify the use of Huawei chips');
  });

  it('lists denials before failed verifications and never disputes a sentence with itself', async () => {
    const { disputes } = await findDisputes(claims, loadStanceClassifier());
    expect(disputes[0]?.kind).toBe('denied');
    for (const dispute of disputes) expect(dispute.counter).not.toBe(dispute.claim);
  });
});

describe('findDisputes across outlets (fictional fixture)', () => {
  const outletA = claimsOf(
    'a-1',
    'Harbor Gazette',
    '2025-03-01',
    'The city council approved the new stadium budget on Monday. The vote passed seven to two after a long debate about parking.',
  );
  const outletB = claimsOf(
    'b-1',
    'Valley Courier',
    '2025-03-02',
    'The city council rejected the new stadium budget on Monday, refusing to approve the funding. Council members said the costs were too high.',
  );
  const outletC = claimsOf('c-1', 'Lakeside Times', '2025-03-05', 'The city council has approved the new stadium budget, officials confirmed on Wednesday.');

  it('marks the claim contradicted when outlet B reports the opposite of outlet A', async () => {
    const { disputes } = await findDisputes([...outletA, ...outletB], loadStanceClassifier());
    const contradicted = disputes.find((dispute) => dispute.kind === 'contradicted');
    expect(contradicted).toBeDefined();
    expect(new Set([contradicted?.claim.articleId, contradicted?.counter.articleId])).toEqual(new Set(['a-1', 'b-1']));
    expect(['Valley Courier', 'Harbor Gazette']).toContain(contradicted?.disputedBy);
  });

  it('marks a claim confirmed when a later report from another outlet agrees', async () => {
    const { confirmations } = await findDisputes([...outletA, ...outletC], loadStanceClassifier());
    const confirmed = confirmations.find((entry) => entry.claim.articleId === 'a-1');
    expect(confirmed?.confirmedBy.articleId).toBe('c-1');
  });

  it('does not pair a denial with a claim about something else from another outlet', async () => {
    const denial = claimsOf('e-1', 'Valley Courier', '2025-03-03', 'The mayor denied the report that she will resign, calling it false.');
    const { disputes } = await findDisputes([...outletA, ...denial], loadStanceClassifier());
    expect(disputes).toEqual([]);
  });

  it('does not take a later sentence about another subject as a confirmation', async () => {
    const record = claimsOf('r-1', 'Harbor Gazette', '2025-03-01', 'Mara Quill becomes the first player in league history to score 38,000 points.');
    const other = claimsOf(
      'r-2',
      'Valley Courier',
      '2025-03-04',
      'During the regular season, Tobin Arlo became the first player in league history to score 2,000 points and 1,000 rebounds.',
    );
    const { confirmations } = await findDisputes([...record, ...other], loadStanceClassifier());
    expect(confirmations).toEqual([]);
  });

  it('does not read a caveat added by another outlet as a contradiction', async () => {
    const claim = claimsOf(
      'p-1',
      'Harbor Gazette',
      '2025-03-01',
      'Mayor Lena Ortiz will pardon people with city convictions for simple possession, a move that could help more than 6,500 people.',
    );
    const caveat = claimsOf(
      'p-2',
      'Valley Courier',
      '2025-03-01',
      'Mayor Lena Ortiz said she is pardoning people with city convictions for simple possession, but the decision does not affect people convicted of selling.',
    );
    const { disputes } = await findDisputes([...claim, ...caveat], loadStanceClassifier());
    expect(disputes).toEqual([]);
  });

  it('compares articles only within the given number of days', async () => {
    const lastYear = outletB.map((claim) => ({ ...claim, published: '2024-02-20' }));
    const withoutLimit = await findDisputes([...outletA, ...lastYear], loadStanceClassifier());
    expect(withoutLimit.disputes.some((dispute) => dispute.kind === 'contradicted')).toBe(true);
    const withinTwoWeeks = await findDisputes([...outletA, ...lastYear], loadStanceClassifier(), { maxDaysApart: 14 });
    expect(withinTwoWeeks.disputes).toEqual([]);
  });

  it('finds no contradiction between unrelated stories', async () => {
    const other = claimsOf('d-1', 'Valley Courier', '2025-03-02', 'Heavy rain flooded two farms north of the river on Sunday night.');
    const { disputes } = await findDisputes([...outletA, ...other], loadStanceClassifier());
    expect(disputes).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { saysTheOpposite } from '../../src/disputes/opposition.js';

describe('saysTheOpposite', () => {
  it.each([
    ['The city council approved the new stadium budget on Monday.', 'The city council rejected the new stadium budget on Monday, refusing to approve the funding.'],
    ['McGwire, Bonds and Sammy Sosa have all been accused of using steroids during their careers.', 'Bonds and Sammy Sosa have denied those allegations.'],
    ['The company will cut 2,000 jobs this year.', 'The company will not cut any jobs this year, its chief executive said.'],
  ])('sees opposition: %s / %s', (a, b) => {
    expect(saysTheOpposite(a, b)).toBe(true);
    expect(saysTheOpposite(b, a)).toBe(true);
  });

  it.each([
    // "No. 61" is a number sign, not a negation.
    ['Slugger Ana Ruiz hit her 61st home run on Wednesday, tying the league record.', 'After a week stuck at 60 home runs, Ana Ruiz finally hit No. 61 on Wednesday night, tying the league record.'],
    // The negation sits in a caveat clause that matches nothing in the claim.
    [
      'Mayor Lena Ortiz will pardon people with city convictions for simple possession, a move that could help more than 6,500 people.',
      'Mayor Lena Ortiz said she is pardoning people with city convictions for simple possession, but the decision does not affect people convicted of selling.',
    ],
    ['The company will cut 2,000 jobs this year.', 'The company said it will cut 2,000 jobs this year as sales slow.'],
  ])('sees none: %s / %s', (a, b) => {
    expect(saysTheOpposite(a, b)).toBe(false);
  });
});

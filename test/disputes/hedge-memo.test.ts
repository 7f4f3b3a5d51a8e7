import { describe, expect, it } from 'vitest';
import type { Attribution } from '../../src/core/claim.js';
import { extractAttribution } from '../../src/disputes/attribution.js';
import { hedgeOf } from '../../src/disputes/hedge.js';

// The hedge and attribution are remembered per sentence text; what they depend on besides the text must still count.
describe('remembered sentence readings', () => {
  const outlet: Attribution = { holder: null, kind: 'outlet', verb: null, via: null };
  const speaker: Attribution = { holder: 'Michael Hughes', kind: 'named', verb: 'stated', via: null };

  it('reads the same sentence as reported when a speaker stands behind it, and as asserted in the outlet’s voice, in either order', () => {
    const first = 'The company is training a new model on the chips this year.';
    expect(hedgeOf(first, outlet)).toBe('asserted');
    expect(hedgeOf(first, speaker)).toBe('reported');
    const second = 'The agency will open a second office in the capital next spring.';
    expect(hedgeOf(second, speaker)).toBe('reported');
    expect(hedgeOf(second, outlet)).toBe('asserted');
    expect(hedgeOf(second)).toBe('asserted');
  });

  it('hands out a remembered attribution that nobody can change for the next reader', () => {
    const sentence = 'Two people familiar with the matter said the deal could close next week.';
    const first = extractAttribution(sentence);
    expect(first.kind).not.toBe('outlet');
    expect(() => {
      (first as { holder: string | null }).holder = 'someone else';
    }).toThrow(TypeError);
    expect(extractAttribution(sentence)).toEqual(first);
  });
});

import { describe, expect, it } from 'vitest';
import { disputeLead } from '../../src/answer/lead-answer.js';
import type { Dispute } from '../../src/core/answer.js';

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

import { describe, expect, it } from 'vitest';
import { storyDisputes } from '../../src/stories/story-disputes.js';
import { storyArticle } from './story-fixtures.js';

describe('disputed claims, grouped for side-by-side pages', () => {
  // Two reported claims, a named party's denial, and a source that could not verify one detail.
  const report = storyArticle(
    'harbor-gazette',
    'Harbor Gazette',
    '2031-04-02',
    'Marlow Shipping reportedly plans to build a new container terminal using cranes from Ostrava Heavy. ' +
      'Marlow Shipping aims to use Ostrava Heavy cranes to run the new terminal, sources told the Gazette. ' +
      'Another source confirmed the plans for a new terminal but could not verify the use of Ostrava Heavy cranes. ' +
      'Dana Pike, a Marlow Shipping spokesperson, said: "The premise is wrong. No new terminal is being built."',
  );

  it('shows each claim a counter statement addresses most closely, with every statement that disputes it', async () => {
    const { disputedClaims } = await storyDisputes([report]);
    const claims = disputedClaims.map((claim) => claim.claim);
    expect(claims.some((claim) => claim.startsWith('Marlow Shipping aims to use Ostrava Heavy cranes'))).toBe(true);
    for (const claim of disputedClaims) {
      expect(report.article.body.slice(claim.citation.start, claim.citation.end)).toBe(claim.claim);
      const kinds = claim.counters.map((counter) => counter.kind);
      expect(kinds).toEqual([...kinds].sort((a, b) => ['denied', 'contradicted', 'unverified'].indexOf(a) - ['denied', 'contradicted', 'unverified'].indexOf(b)));
    }
    const cranes = disputedClaims.find((claim) => claim.claim.startsWith('Marlow Shipping aims to use'));
    expect(cranes?.counters.map((counter) => counter.kind)).toEqual(['denied', 'unverified']);
    expect(cranes?.counters[0]?.text).toContain('No new terminal is being built.');
  });

  it('shows a counter that several outlets print word for word once beside each claim', async () => {
    const copy = (id: string, source: string, claim: string) => storyArticle(id, source, '2031-04-03', `${claim} Pike denied the accusations in the report.`);
    const { disputedClaims } = await storyDisputes([
      copy('a', 'Harbor Gazette', 'Sources told the Gazette that coach Dana Pike pressured players to skip medical checks.'),
      copy('b', 'Coast Wire', 'Players said coach Dana Pike pressured them to skip medical checks before games.'),
    ]);
    for (const claim of disputedClaims) expect(claim.counters.filter((counter) => counter.kind === 'denied')).toHaveLength(1);
  });
});

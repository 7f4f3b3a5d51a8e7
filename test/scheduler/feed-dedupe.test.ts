import { describe, expect, it } from 'vitest';
import { canonicalLink, feedArticleId, feedItemKey } from '../../src/scheduler/canonical-link.js';
import { shingleOverlap, shingleSet } from '../../src/scheduler/shingles.js';

const STORY =
  'Dockworkers at the port of Valmera walked off the job on Monday after talks over automation broke down. The union said the new cranes would cut two thousand jobs over five years, while the port authority said no jobs would be lost. Ships queued outside the harbour by the afternoon.';

describe('feed item identity', () => {
  it('gives the same id to a link with tracking tags, a fragment or a trailing slash', () => {
    const plain = canonicalLink('https://News.example/world/port-strike');
    expect(canonicalLink('https://news.example/world/port-strike/?utm_source=rss&utm_medium=feed#comments')).toBe(plain);
    expect(feedArticleId(feedItemKey('https://news.example/world/port-strike?fbclid=x', undefined) ?? '')).toBe(feedArticleId(plain ?? ''));
  });

  it('keeps query parameters that select the page, and falls back to the guid without a usable link', () => {
    expect(canonicalLink('https://news.example/article?id=42')).not.toBe(canonicalLink('https://news.example/article?id=43'));
    expect(feedItemKey('javascript:alert(1)', 'urn:uuid:1234')).toBe('guid:urn:uuid:1234');
    expect(feedItemKey(undefined, undefined)).toBeNull();
  });
});

describe('near-duplicate bodies', () => {
  it('sees a wire copy with a credit line added as the same article', () => {
    const copy = `${STORY} Reporting by the wire desk; editing by the night team.`;
    expect(shingleOverlap(shingleSet(STORY), shingleSet(copy))).toBeGreaterThan(0.85);
  });

  it('does not merge a rewrite of the same event or a long feature quoting a short brief', () => {
    const rewrite =
      'Port workers in Valmera went on strike Monday when negotiations about automated cranes collapsed. Union leaders warned of two thousand lost jobs; the authority denied any cuts. Vessels waited offshore.';
    expect(shingleOverlap(shingleSet(STORY), shingleSet(rewrite))).toBeLessThan(0.2);
    const background = Array.from({ length: 40 }, (_, year) => `In ${1950 + year} the port handled ${year + 3} million tonnes and employed ${900 + year * 7} people.`);
    const feature = `${STORY} ${background.join(' ')}`;
    expect(shingleOverlap(shingleSet(STORY), shingleSet(feature))).toBe(0);
  });
});

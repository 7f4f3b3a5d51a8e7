import { describe, expect, it } from 'vitest';
import { namedEntities } from '../../src/stories/named-entities.js';
import { storyIdFor } from '../../src/stories/story-clusterer.js';

describe('namedEntities', () => {
  const text =
    'The fictional council of Port Ellery voted on Tuesday to approve a new tram line. Mayor Odile Fenn said it would cost 7.5 million crowns, 12% more than planned. However, the U.S. Department of Transport and NATO objected. Tram riders in Port Ellery cheered.';
  const entities = namedEntities(text);

  it('finds multi-word names, acronyms and numbers with units, normalised', () => {
    expect(entities.get('port ellery')).toBe(2);
    expect([...entities.keys()]).toEqual(expect.arrayContaining(['mayor odile fenn', 'us department of transport', 'nato', '7.5 million', '12%']));
  });

  it('drops capitalised common words at the start of a sentence, and weekdays', () => {
    for (const word of ['the', 'however', 'tram', 'tuesday']) expect(entities.has(word)).toBe(false);
  });
});

describe('storyIdFor', () => {
  it('derives a short id from the first article id only', () => {
    expect(storyIdFor('quillon-bridge-gazette')).toMatch(/^story-[0-9a-f]{10}$/);
    expect(storyIdFor('quillon-bridge-gazette')).toBe(storyIdFor('quillon-bridge-gazette'));
    expect(storyIdFor('quillon-bridge-herald')).not.toBe(storyIdFor('quillon-bridge-gazette'));
  });
});

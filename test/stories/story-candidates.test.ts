import { describe, expect, it } from 'vitest';
import { normalised } from '../../src/stories/article-profile.js';
import type { ArticleProfile } from '../../src/stories/article-profile.js';
import { HEAD_DIMENSIONS } from '../../src/stories/story-cluster.js';
import { DEFAULT_TUNING, maxGapWithoutNames, StoryClusterer } from '../../src/stories/story-clusterer.js';
import { seededRandom } from '../providers/deterministic-vectors.js';

const DIMENSION = 12;
const DAY_MS = 86_400_000;

/** Articles around a few topics, over 120 days, some undated, some sharing rare names, in random order. */
function articleStream(count: number, dimension = DIMENSION): ArticleProfile[] {
  const next = seededRandom(7);
  const topics = Array.from({ length: 6 }, () => Array.from({ length: dimension }, () => next() - 0.5));
  return Array.from({ length: count }, (_, index) => {
    const topic = topics[Math.floor(next() * topics.length)] ?? [];
    const vector = normalised(topic.map((value) => value + (next() - 0.5) * 0.6));
    const entities: Record<string, number> = {};
    for (let name = 0; name < 3; name += 1) entities[`name-${Math.floor(next() * 40)}`] = 1;
    const published = next() < 0.1 ? null : new Date(Date.UTC(2031, 0, 1) + Math.floor(next() * 120) * DAY_MS).toISOString().slice(0, 10);
    return { articleId: `a${index}`, contentHash: `h${index}`, vector, entities, published, seenAt: published ?? '2031-06-01' };
  });
}

describe('story candidates', () => {
  it('a story sharing no name cannot reach the threshold beyond the time window', () => {
    const gap = maxGapWithoutNames(DEFAULT_TUNING);
    const { vectorWeight, timeWeight, timeScaleDays, joinThreshold } = DEFAULT_TUNING;
    const perfectMatchAt = (days: number): number => vectorWeight - timeWeight * (1 - Math.exp(-days / timeScaleDays));
    expect(perfectMatchAt(gap)).toBeCloseTo(joinThreshold, 9);
    expect(perfectMatchAt(gap + 0.01)).toBeLessThan(joinThreshold);
    expect(maxGapWithoutNames({ ...DEFAULT_TUNING, timeWeight: 0.2 })).toBe(Number.POSITIVE_INFINITY);
  });

  it.each([
    ['short vectors', DIMENSION],
    // Longer than HEAD_DIMENSIONS: stories are ruled out by the head plus a bound on the tail.
    ['vectors with a bounded tail', HEAD_DIMENSIONS + 64],
  ])('places every article where scoring it against every story would (%s)', (_, dimension) => {
    const clusterer = new StoryClusterer(dimension);
    let joined = 0;
    for (const profile of articleStream(400, dimension)) {
      let best: string | null = null;
      let bestScore = Number.NEGATIVE_INFINITY;
      for (const cluster of clusterer.clusters()) {
        const score = clusterer.score(profile, cluster);
        if (score > bestScore) {
          best = cluster.id;
          bestScore = score;
        }
      }
      const placement = clusterer.place(profile, '2031-06-01T00:00:00.000Z');
      if (bestScore >= clusterer.tuning.joinThreshold) {
        joined += 1;
        expect(placement.storyId).toBe(best);
      } else {
        expect(placement.created).toBe(true);
      }
    }
    // The stream must exercise both paths for the comparison to mean anything.
    expect(joined).toBeGreaterThan(50);
    expect(joined).toBeLessThan(350);
  });

  it('re-places a moved or removed article with the stories it left still findable', () => {
    const clusterer = new StoryClusterer(DIMENSION);
    const stream = articleStream(120);
    for (const profile of stream) clusterer.place(profile, '2031-06-01T00:00:00.000Z');
    for (const profile of stream.slice(0, 40)) clusterer.remove(profile.articleId);
    for (const profile of stream.slice(0, 40)) {
      const moved = { ...profile, published: profile.published === null ? null : '2031-02-15' };
      let bestScore = Number.NEGATIVE_INFINITY;
      let best: string | null = null;
      for (const cluster of clusterer.clusters()) {
        const score = clusterer.score(moved, cluster);
        if (score > bestScore) {
          best = cluster.id;
          bestScore = score;
        }
      }
      const placement = clusterer.place(moved, '2031-06-02T00:00:00.000Z');
      if (bestScore >= clusterer.tuning.joinThreshold) expect(placement.storyId).toBe(best);
      else expect(placement.created).toBe(true);
    }
  });
});

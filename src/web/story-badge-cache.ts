import { createHash } from 'node:crypto';
import type { StoryDetail, StorySummary } from '../stories/story-view.js';
import { type StoryBadges, badgesOf } from './story-badges.js';

/** Stories whose badges are remembered; a page shows 20, so this covers many pages. */
const MAX_ENTRIES = 500;

/**
 * Dispute badges of listed stories, remembered until the story's articles change: finding a story's disputes
 * runs the stance engine over its claims, too slow to repeat for every story on every list view.
 */
export class StoryBadgeCache {
  readonly #entries = new Map<string, { signature: string; badges: StoryBadges }>();
  readonly #detail: (storyId: string) => Promise<Pick<StoryDetail, 'disputedClaims' | 'confirmations'> | null>;

  constructor(detail: (storyId: string) => Promise<Pick<StoryDetail, 'disputedClaims' | 'confirmations'> | null>) {
    this.#detail = detail;
  }

  /** The badges of a story, computed once per set of member articles. */
  async badges(story: StorySummary): Promise<StoryBadges> {
    const signature = createHash('sha1').update(`${story.lastSeen}\u0000${story.articleIds.join('\u0000')}`).digest('hex');
    const cached = this.#entries.get(story.id);
    if (cached?.signature === signature) {
      // Re-inserted so the map's order is least recently used first.
      this.#entries.delete(story.id);
      this.#entries.set(story.id, cached);
      return cached.badges;
    }
    const detail = await this.#detail(story.id);
    const badges = badgesOf(detail ?? { disputedClaims: [], confirmations: [] });
    this.#entries.delete(story.id);
    this.#entries.set(story.id, { signature, badges });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= MAX_ENTRIES) break;
      this.#entries.delete(oldest);
    }
    return badges;
  }
}

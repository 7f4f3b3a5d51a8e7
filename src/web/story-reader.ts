import type { ArticleStore } from '../core/article-store.js';
import type { StoryService } from '../stories/story-service.js';
import type { StoryDetail, StorySummary } from '../stories/story-view.js';

/** What the web pages read about stories: a narrow port over the story use cases, easy to fake. */
export interface StoryReader {
  /** Every story, most recently active first. */
  list(): Promise<StorySummary[]>;
  /** One story by its id with timeline, disputes and confirmations; null when there is no such story. */
  detail(storyId: string): Promise<StoryDetail | null>;
  /** Only the disputed claims and confirmations of a story (what list badges need), without reading the list. */
  findings(storyId: string): Promise<Pick<StoryDetail, 'disputedClaims' | 'confirmations'>>;
  /** The story an article belongs to. */
  storyOf(articleId: string): { id: string; title: string } | null;
  /** Published dates of articles (null when unknown), for the articles-per-day charts. */
  publishedDates(articleIds: string[]): Promise<Map<string, string | null>>;
}

/** The story reader over storydesk's story service and article store. */
export function storyReader(stories: StoryService, store: ArticleStore): StoryReader {
  return {
    list: () => stories.list(),
    // By exact id only: a page address never falls back to a free-text search.
    detail: async (storyId) => {
      const summary = (await stories.list()).find((story) => story.id === storyId);
      return summary ? { ...summary, ...(await stories.timeline(storyId)) } : null;
    },
    findings: async (storyId) => {
      const { disputedClaims, confirmations } = await stories.timeline(storyId);
      return { disputedClaims, confirmations };
    },
    storyOf: (articleId) => stories.storyOf(articleId),
    publishedDates: async (articleIds) => {
      const metas = await store.getArticleMetas(articleIds);
      return new Map(articleIds.map((id) => [id, metas.get(id)?.published ?? null]));
    },
  };
}

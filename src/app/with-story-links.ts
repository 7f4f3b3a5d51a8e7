import type { Answer, AnswerStory } from '../core/answer.js';
import type { AskOptions, Assistant } from '../core/assistant.js';

/** Most stories linked under one answer; answers rarely span more. */
const MAX_STORIES = 3;

/** What {@link withStoryLinks} needs: which story an article is in, and the page of a story. */
export interface StoryLinkOptions {
  storyOf(articleId: string): { id: string; title: string } | null;
  /** The story's web page, e.g. STORYDESK_PUBLIC_URL + /stories/ID. */
  storyUrl(storyId: string): string;
}

/**
 * An assistant whose answers name the stories their sources belong to, each with the address of its page,
 * so chat replies can end with "Full timeline" links. Questions are answered by `assistant` unchanged.
 */
export function withStoryLinks(assistant: Assistant, options: StoryLinkOptions): Assistant {
  return {
    ask: async (question: string, askOptions?: AskOptions): Promise<Answer> => {
      const answer = await assistant.ask(question, askOptions);
      if (answer.abstained) return answer;
      const stories = new Map<string, AnswerStory>();
      for (const citation of answer.citations) {
        const story = options.storyOf(citation.articleId);
        if (story && !stories.has(story.id)) stories.set(story.id, { ...story, url: options.storyUrl(story.id) });
      }
      return stories.size > 0 ? { ...answer, stories: [...stories.values()].slice(0, MAX_STORIES) } : answer;
    },
  };
}

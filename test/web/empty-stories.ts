import type { Answer } from '../../src/core/answer.js';
import type { Assistant } from '../../src/core/assistant.js';
import type { StoryReader } from '../../src/web/story-reader.js';

/** A story reader with no stories: enough for routes whose behaviour does not depend on content. */
export const emptyStories: StoryReader = {
  list: async () => [],
  detail: async () => null,
  findings: async () => ({ disputedClaims: [], confirmations: [] }),
  storyOf: () => null,
  publishedDates: async (ids) => new Map(ids.map((id) => [id, null])),
};

/** An assistant that always abstains, recording the questions it was asked. */
export function abstainingAssistant(asked: string[] = []): Assistant {
  return {
    ask: async (question: string): Promise<Answer> => {
      asked.push(question);
      return { question, answer: "I couldn't find that in the articles.", abstained: true, statements: [], citations: [], disputes: [], generator: 'fake' };
    },
  };
}

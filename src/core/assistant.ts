import type { Answer, ConversationTurn } from './answer.js';
import type { SearchFilters } from './search.js';

export interface AskOptions {
  /** Earlier turns of the same thread, oldest first, for follow-up questions. */
  history?: ConversationTurn[];
  filters?: SearchFilters;
  /** When the question is asked (default: now). A question about this week's news is judged against the articles of that time. */
  askedAt?: Date;
}

/** The question-answering use case as channels see it: a question in, a cited answer out. */
export interface Assistant {
  ask(question: string, options?: AskOptions): Promise<Answer>;
}

import type { Answer, ConversationTurn } from './answer.js';
import type { SearchFilters } from './search.js';

export interface AskOptions {
  /** Earlier turns of the same thread, oldest first, for follow-up questions. */
  history?: ConversationTurn[];
  filters?: SearchFilters;
  /**
   * When the question was asked (chat platforms give the message time). A question about "this week" is then
   * judged against the articles of that time; without it, it is not (a replayed archive has no "now").
   */
  askedAt?: Date;
}

/** The question-answering use case as channels see it: a question in, a cited answer out. */
export interface Assistant {
  ask(question: string, options?: AskOptions): Promise<Answer>;
}

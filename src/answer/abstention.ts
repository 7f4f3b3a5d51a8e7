import type { Answer } from '../core/answer.js';

/** The reasons the bot declines to answer, in words a user understands. */
export const ABSTAIN_MESSAGES = {
  noEvidence: "I couldn't find anything about that in the indexed articles.",
  weakEvidence:
    "The indexed articles don't answer that. The closest passages I found are about something else, so I won't guess.",
  lowConfidence:
    "The indexed articles touch on this, but none of the passages I found says the answer, so I won't guess.",
  emptyQuestion: 'Please ask a question with a few words about the story you are interested in.',
} as const;

/** Declining a question about recent news when the articles that would answer it are older. */
export function staleEvidenceMessage(newest: string | undefined): string {
  const when = newest ? ` (the newest is from ${newest.slice(0, 10)})` : '';
  return `I only have older articles on this${when}, nothing from the time you are asking about, so I won't answer with an older story.`;
}

/** An answer that declines, with the reason as its text. */
export function abstain(question: string, message: string, generator: string): Answer {
  return { question, answer: message, abstained: true, statements: [], citations: [], disputes: [], generator };
}

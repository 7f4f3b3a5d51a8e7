import type { ConversationTurn } from '../core/answer.js';

const FOLLOW_UP = /^(?:and|but|so|what about|how about|why|who|when|is that|was that|did they|does it|is it|are they)\b|\b(?:it|they|them|that|this|those|these|he|she|his|her|their)\b/i;

/**
 * Without a language model a follow-up like "who denied it?" is made searchable by prefixing the thread's
 * previous question, so its topic words take part in retrieval.
 */
export function standaloneQuestion(question: string, history: ConversationTurn[]): string {
  const previous = [...history].reverse().find((turn) => turn.role === 'user');
  if (!previous) return question;
  const wordCount = question.trim().split(/\s+/).length;
  if (wordCount > 12 || !FOLLOW_UP.test(question)) return question;
  return `${previous.text.trim()} ${question.trim()}`;
}

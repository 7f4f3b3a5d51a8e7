import type { Env } from '../config/schema.js';
import type { ConversationTurn } from '../core/answer.js';
import { rewriteFollowUp } from '../answer/llm/rewrite-follow-up.js';
import { createOpenAiClient } from '../providers/openai-client.js';

/** Rewrites thread follow-ups into standalone questions with the configured language model. */
export type QuestionRewriter = (question: string, history: ConversationTurn[]) => Promise<string>;

export function followUpRewriter(env: Env): QuestionRewriter {
  const client = createOpenAiClient(env);
  return (question, history) => rewriteFollowUp(client, history, question, { model: env.OPENAI_MODEL, timeoutMs: Math.min(env.OPENAI_TIMEOUT_MS, 10_000) });
}

import type OpenAI from 'openai';
import type { ConversationTurn } from '../../core/answer.js';

export interface RewriteOptions {
  model: string;
  /** @default 10000 */
  timeoutMs?: number;
  /** @default 1 */
  maxRetries?: number;
  /** Turns of the thread shown to the model. @default 6 */
  maxTurns?: number;
}

const INSTRUCTIONS = `Rewrite the user's last question as a standalone question that can be understood without the conversation: replace pronouns and references ("it", "they", "that deal") with what they refer to. Keep the language and meaning; do not answer it. Reply with the question only, on one line.`;

/**
 * Turns a follow-up ("who denied it?") into a standalone question for retrieval with one small completion.
 * Returns the question unchanged when there is no thread or on any failure, so it can never block an answer.
 */
export async function rewriteFollowUp(client: OpenAI, history: ConversationTurn[], question: string, options: RewriteOptions): Promise<string> {
  if (history.length === 0) return question;
  const thread = history
    .slice(-(options.maxTurns ?? 6))
    .map((turn) => `${turn.role === 'user' ? 'User' : 'Assistant'}: ${turn.text.slice(0, 500)}`)
    .join('\n');
  try {
    const completion = await client.chat.completions.create(
      {
        model: options.model,
        temperature: 0,
        max_tokens: 100,
        messages: [
          { role: 'system', content: INSTRUCTIONS },
          { role: 'user', content: `Conversation:\n${thread}\n\nLast question: ${question}` },
        ],
      },
      { timeout: options.timeoutMs ?? 10_000, maxRetries: options.maxRetries ?? 1 },
    );
    return cleanRewrite(completion.choices[0]?.message.content ?? '', question);
  } catch {
    return question;
  }
}

/** The rewrite's first line without quotes or a "Standalone question:" label; the original when it looks wrong. */
function cleanRewrite(reply: string, question: string): string {
  const line = (reply.trim().split('\n')[0] ?? '')
    .replace(/^(?:standalone question|question|rewritten)\s*:\s*/i, '')
    .replace(/^["“'](.*)["”']$/, '$1')
    .trim();
  // An empty or rambling reply is worse than the follow-up as asked.
  if (line === '' || line.length > question.length * 4 + 200) return question;
  return line;
}

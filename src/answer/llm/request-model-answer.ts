import OpenAI from 'openai';
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { modelAnswerJsonSchema } from './model-answer.js';

/** How the reply's JSON is asked for, from strictest to most widely supported. */
export type ResponseMode = 'json_schema' | 'json_object' | 'text';

const LADDER: ResponseMode[] = ['json_schema', 'json_object', 'text'];

export interface ModelRequest {
  model: string;
  messages: ChatCompletionMessageParam[];
  /** The mode to try first; weaker modes follow when the server rejects it. */
  mode: ResponseMode;
  /** Cap on the reply's length in tokens. */
  maxTokens: number;
  /** Aborts the request (and the SDK's retries) at the answer's deadline. */
  signal: AbortSignal;
  timeoutMs: number;
  maxRetries: number;
}

export interface ModelReply {
  content: string;
  /** The mode the server accepted: remember it to skip rejected modes next time. */
  mode: ResponseMode;
}

/**
 * Asks for the answer as structured output. A server that rejects `response_format` (a 400 or 422, as
 * older vLLM, LM Studio and Ollama builds answer) is asked again with `json_object`, then with plain text
 * whose JSON the caller extracts tolerantly. 429 and 5xx are retried with backoff by the SDK itself.
 */
export async function requestModelAnswer(client: OpenAI, request: ModelRequest): Promise<ModelReply> {
  for (const mode of LADDER.slice(LADDER.indexOf(request.mode))) {
    const body: ChatCompletionCreateParamsNonStreaming = {
      model: request.model,
      messages: request.messages,
      ...samplingLimits(request.model, request.maxTokens),
      ...responseFormat(mode),
    };
    try {
      const completion = await client.chat.completions.create(body, {
        signal: request.signal,
        timeout: request.timeoutMs,
        maxRetries: request.maxRetries,
      });
      return { content: completion.choices[0]?.message.content ?? '', mode };
    } catch (error) {
      const rejectedFormat = error instanceof OpenAI.APIError && (error.status === 400 || error.status === 422);
      if (!rejectedFormat || mode === 'text') throw error;
    }
  }
  throw new Error('unreachable: the text mode either answers or throws');
}

/**
 * OpenAI's reasoning models (o1, o3, o4, gpt-5) reject `max_tokens` and any temperature but the default;
 * every other server, local ones included, understands `max_tokens` and a temperature of 0.
 */
function samplingLimits(model: string, maxTokens: number): Pick<ChatCompletionCreateParamsNonStreaming, 'temperature' | 'max_tokens' | 'max_completion_tokens'> {
  if (/^(?:o\d|gpt-5)/i.test(model)) return { max_completion_tokens: maxTokens };
  return { temperature: 0, max_tokens: maxTokens };
}

function responseFormat(mode: ResponseMode): Pick<ChatCompletionCreateParamsNonStreaming, 'response_format'> {
  if (mode === 'json_schema') return { response_format: { type: 'json_schema', json_schema: structuredClone(modelAnswerJsonSchema) as never } };
  if (mode === 'json_object') return { response_format: { type: 'json_object' } };
  return {};
}

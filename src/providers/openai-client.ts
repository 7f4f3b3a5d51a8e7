import OpenAI from 'openai';
import type { Env } from '../config/schema.js';

/**
 * The SDK client for OpenAI or any OpenAI-compatible server (Ollama, vLLM, LM Studio). Local servers ignore
 * the key, but the SDK insists on one, so a placeholder is sent when only a base URL is configured.
 */
export function createOpenAiClient(env: Env): OpenAI {
  return new OpenAI({
    apiKey: env.OPENAI_API_KEY ?? 'not-needed-for-local-servers',
    ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}),
    maxRetries: env.OPENAI_MAX_RETRIES,
    timeout: env.OPENAI_TIMEOUT_MS,
  });
}

import type { Env } from './schema.js';

/** True when the environment asks for a language model: an API key, or a base URL of a local server. */
export function isLlmConfigured(env: Env): boolean {
  return env.OPENAI_API_KEY !== undefined || env.OPENAI_BASE_URL !== undefined;
}

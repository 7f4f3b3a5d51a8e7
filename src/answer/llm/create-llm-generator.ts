import type { Env } from '../../config/schema.js';
import type { Generator } from '../../core/generator.js';
import type { StanceClassifier } from '../../core/stance.js';
import { createOpenAiClient } from '../../providers/openai-client.js';
import { LlmGenerator, type LlmGeneratorOptions } from './llm-generator.js';
import { LlmStanceJudge } from './llm-stance-judge.js';

/** The LLM answerer configured from the environment, with the given answerer as its fallback. */
export function createLlmGenerator(env: Env, fallback: Generator, extra: Pick<LlmGeneratorOptions, 'onReport' | 'verify'> = {}): LlmGenerator {
  return new LlmGenerator({
    client: createOpenAiClient(env),
    model: env.OPENAI_MODEL,
    fallback,
    contextTokens: env.OPENAI_CONTEXT_TOKENS,
    timeoutMs: env.OPENAI_TIMEOUT_MS,
    maxRetries: env.OPENAI_MAX_RETRIES,
    ...extra,
  });
}

/** The offline stance engine with the configured model as second judge on its agree/disagree calls. */
export function createLlmStanceJudge(env: Env, offline: StanceClassifier, onError?: (reason: string) => void): LlmStanceJudge {
  return new LlmStanceJudge({
    client: createOpenAiClient(env),
    model: env.OPENAI_MODEL,
    offline,
    timeoutMs: env.OPENAI_TIMEOUT_MS,
    maxRetries: env.OPENAI_MAX_RETRIES,
    ...(onError ? { onError } : {}),
  });
}

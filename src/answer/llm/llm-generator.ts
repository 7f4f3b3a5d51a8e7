import OpenAI from 'openai';
import type { Answer } from '../../core/answer.js';
import type { GenerateRequest, Generator } from '../../core/generator.js';
import { ABSTAIN_MESSAGES, abstain } from '../abstention.js';
import { composeAnswerText } from '../compose-answer-text.js';
import { buildAnswerMessages, promptOverheadTokens } from './build-prompt.js';
import { fitPassages } from './fit-passages.js';
import { parseModelAnswer } from './model-answer.js';
import { type ResponseMode, requestModelAnswer } from './request-model-answer.js';
import { type VerificationReport, type VerifyOptions, verifyModelAnswer } from './verify-statements.js';

/** What users are told when the extractive answer stands in for the model's. */
export const FALLBACK_NOTICES = {
  timeout: 'The language model did not answer in time; showing the extractive answer.',
  failed: 'The language model could not be reached; showing the extractive answer.',
  unreadable: "The language model's reply could not be read; showing the extractive answer.",
  unverified: "The language model's answer could not be verified against the sources; showing the extractive answer.",
} as const;

export type LlmOutcome = 'answered' | 'abstained' | keyof typeof FALLBACK_NOTICES | 'no-evidence';

/** One answer's trace, for logs and evaluation: never shown to users. */
export interface LlmAnswerReport {
  outcome: LlmOutcome;
  /** Wall time of `generate`, including the fallback when one ran. */
  elapsedMs: number;
  /** Passages given to the model. */
  passages: number;
  mode?: ResponseMode;
  verification?: VerificationReport;
  error?: string;
}

export interface LlmGeneratorOptions {
  client: OpenAI;
  model: string;
  /** The answerer used when the model fails, times out or cannot be verified (the extractive one). */
  fallback: Generator;
  /** Prompt budget in tokens (rules, thread, passages and the reply). @default 8000 */
  contextTokens?: number;
  /** Tokens kept free for the reply. @default 1200 */
  maxAnswerTokens?: number;
  /** Deadline for the whole model call, retries included; past it the fallback answers. @default 30000 */
  timeoutMs?: number;
  /** Retries on 429/5xx/connection errors, with the SDK's exponential backoff. @default 2 */
  maxRetries?: number;
  verify?: VerifyOptions;
  /** Receives each answer's trace (outcome, latency, what verification dropped). */
  onReport?: (report: LlmAnswerReport) => void;
  /** Clock for the latency figures. @default performance.now */
  now?: () => number;
}

/**
 * Answers with an OpenAI-compatible chat model, but shows only what verification confirms against the
 * store: the model proposes statements with passage numbers; quotes, citations and disputes are rebuilt from
 * the article bodies, and any failure falls back to the extractive answer with a notice.
 */
export class LlmGenerator implements Generator {
  readonly id: string;
  readonly #options: LlmGeneratorOptions;
  /** The strongest response format the server accepted, so rejected ones are not retried on every answer. */
  #mode: ResponseMode = 'json_schema';

  constructor(options: LlmGeneratorOptions) {
    this.#options = options;
    this.id = `llm:${options.model}`;
  }

  async generate(request: GenerateRequest): Promise<Answer> {
    const now = this.#options.now ?? (() => performance.now());
    const started = now();
    const report = (trace: Omit<LlmAnswerReport, 'elapsedMs'>): void => {
      this.#options.onReport?.({ ...trace, elapsedMs: now() - started });
    };
    const budget =
      (this.#options.contextTokens ?? 8000) - (this.#options.maxAnswerTokens ?? 1200) - promptOverheadTokens(request.question, request.history);
    const passages = fitPassages(request.evidence, request.context ?? [], budget);
    if (!passages.some((passage) => !passage.context)) {
      const answer = await this.#options.fallback.generate(request);
      report({ outcome: 'no-evidence', passages: 0 });
      return answer;
    }

    const timeoutMs = this.#options.timeoutMs ?? 30_000;
    let content: string;
    try {
      const reply = await requestModelAnswer(this.#options.client, {
        model: this.#options.model,
        messages: buildAnswerMessages(request.question, request.history, passages, undefined, request.askedAt),
        mode: this.#mode,
        maxTokens: this.#options.maxAnswerTokens ?? 1200,
        signal: AbortSignal.timeout(timeoutMs),
        timeoutMs,
        maxRetries: this.#options.maxRetries ?? 2,
      });
      this.#mode = reply.mode;
      content = reply.content;
    } catch (error) {
      const outcome = isTimeout(error) ? 'timeout' : 'failed';
      const answer = await this.#fallback(request, outcome);
      report({ outcome, passages: passages.length, mode: this.#mode, error: describe(error) });
      return answer;
    }

    const parsed = parseModelAnswer(content);
    if (!parsed.ok) {
      const answer = await this.#fallback(request, 'unreadable');
      report({ outcome: 'unreadable', passages: passages.length, mode: this.#mode, error: parsed.reason });
      return answer;
    }
    if (parsed.answer.abstain && parsed.answer.statements.length === 0) {
      report({ outcome: 'abstained', passages: passages.length, mode: this.#mode });
      return abstain(request.question, ABSTAIN_MESSAGES.weakEvidence, this.id);
    }

    const verified = await verifyModelAnswer(parsed.answer, passages, this.#options.verify);
    if (!verified.report.sufficient) {
      const answer = await this.#fallback(request, 'unverified');
      report({ outcome: 'unverified', passages: passages.length, mode: this.#mode, verification: verified.report });
      return answer;
    }
    report({ outcome: 'answered', passages: passages.length, mode: this.#mode, verification: verified.report });
    return {
      question: request.question,
      answer: composeAnswerText(verified.statements, verified.disputes),
      abstained: false,
      statements: verified.statements,
      citations: verified.citations,
      disputes: verified.disputes,
      generator: this.id,
    };
  }

  async #fallback(request: GenerateRequest, reason: keyof typeof FALLBACK_NOTICES): Promise<Answer> {
    const answer = await this.#options.fallback.generate(request);
    return { ...answer, notice: FALLBACK_NOTICES[reason] };
  }
}

function isTimeout(error: unknown): boolean {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return true;
  // The deadline's AbortSignal.timeout surfaces as an abort (the SDK wraps it as APIUserAbortError).
  if (error instanceof OpenAI.APIUserAbortError) return true;
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function describe(error: unknown): string {
  if (error instanceof OpenAI.APIError) return `${error.constructor.name} ${error.status ?? ''}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}


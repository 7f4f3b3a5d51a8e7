import pLimit from 'p-limit';
import type { Logger } from '../app/logger.js';
import { commandFromMention } from './commands/track-mention.js';
import type { Answer } from '../core/answer.js';
import type { Assistant, AskOptions } from '../core/assistant.js';
import { answerQuestion } from './answer-question.js';
import { type ChannelOrigin, type ChannelQuestion, type ChannelReply, errorReply } from './channel-event.js';
import type { CommandContext, CommandInvocation, CommandRegistry } from './command-registry.js';
import { RateLimiter } from './rate-limiter.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';
import { messageForError, userMessages } from './user-messages.js';

/** Options for {@link ChannelHandler}. */
export interface ChannelHandlerOptions {
  assistant: Assistant;
  registry: CommandRegistry;
  logger: Logger;
  /** Longer questions are refused with a clear message. */
  maxQuestionChars: number;
  /** Questions and commands per user per minute. */
  rateLimitPerMinute: number;
  /** Channel ids the bot answers in; direct messages are always answered. Undefined: every channel. */
  allowedChannels?: ReadonlySet<string>;
  /** Tells a direct-message conversation from a channel (Slack DM ids start with "D"). @default () => false */
  isDirectMessage?: (origin: ChannelOrigin) => boolean;
  /** Answers computed at once; the rest queue. @default 4 */
  maxConcurrentAnswers?: number;
  /** @default Date.now */
  now?: () => number;
}

/**
 * The channel-neutral entry point every platform adapter calls: applies the allowlist and the per-user
 * rate limit, then answers a question or runs a command. Always resolves with something to post.
 */
export class ChannelHandler {
  private readonly limiter: RateLimiter;
  private readonly context: CommandContext;

  constructor(private readonly options: ChannelHandlerOptions) {
    this.limiter = new RateLimiter({ limit: options.rateLimitPerMinute, ...(options.now ? { now: options.now } : {}) });
    // Answering is CPU-bound on a small machine: fifty simultaneous mentions queue in arrival order.
    const limit = pLimit(options.maxConcurrentAnswers ?? 4);
    const limitedAssistant: Assistant = {
      ask: async (question: string, askOptions?: AskOptions): Promise<Answer> => {
        // Acknowledgements of events that arrived in the same read go out before CPU-bound answering starts.
        await yieldToEventLoop();
        return limit(() => options.assistant.ask(question, askOptions));
      },
    };
    this.context = {
      assistant: limitedAssistant,
      maxQuestionChars: options.maxQuestionChars,
      logger: options.logger,
      registry: options.registry,
    };
  }

  /** Answers a mention or direct message. */
  async handleQuestion(question: ChannelQuestion): Promise<ChannelReply> {
    // "@storydesk track ByteDance Huawei chips" works like /track when that command is registered.
    const command = commandFromMention(question.text);
    if (command && this.options.registry.get(command.name)) {
      const { text: _text, history: _history, ...origin } = question;
      return this.handleCommand(command.name, { ...origin, options: command.options });
    }
    const refusal = this.admit(question);
    if (refusal) return refusal;
    return answerQuestion(question, this.context);
  }

  /** Runs a registered command by name (without the slash). */
  async handleCommand(name: string, invocation: CommandInvocation): Promise<ChannelReply> {
    const refusal = this.admit(invocation);
    if (refusal) return refusal;
    const command = this.options.registry.get(name);
    if (!command) return errorReply(userMessages.unknownCommand(name, this.options.registry));
    try {
      return await command.handler(invocation, this.context);
    } catch (error) {
      this.options.logger.error({ err: error, command: name, platform: invocation.platform }, 'A channel command failed');
      return errorReply(messageForError(error));
    }
  }

  /** The refusal for a message from outside the allowlist or over the rate limit, or undefined to go ahead. */
  private admit(origin: ChannelOrigin): ChannelReply | undefined {
    const allowed = this.options.allowedChannels;
    const direct = this.options.isDirectMessage?.(origin) ?? false;
    if (allowed && !direct && !allowed.has(origin.channelId)) return errorReply(userMessages.channelNotAllowed());
    const decision = this.limiter.take(`${origin.platform}:${origin.userId}`);
    if (!decision.allowed) return errorReply(userMessages.rateLimited(this.options.rateLimitPerMinute, decision.retryAfterMs));
    return undefined;
  }
}

/** Parses a comma-separated channel allowlist ("C1, C2"); undefined or blank means every channel. */
export function parseChannelAllowlist(value: string | undefined): ReadonlySet<string> | undefined {
  const ids = (value ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  return ids.length > 0 ? new Set(ids) : undefined;
}

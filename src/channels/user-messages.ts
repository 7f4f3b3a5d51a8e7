import { UserFacingError } from '../core/errors.js';
import type { CommandRegistry } from './command-registry.js';

/**
 * Everything the bot says on its own behalf, in one place so the tone stays the same on every platform.
 * Plain text: the renderers escape it.
 */
export const userMessages = {
  tooLong: (length: number, limit: number): string =>
    `Your question is ${length.toLocaleString('en-US')} characters long; the limit is ${limit.toLocaleString('en-US')}. Please shorten it and ask again.`,
  rateLimited: (limit: number, retryAfterMs: number): string =>
    `You've asked ${limit} questions in the last minute, which is my limit per person. Please wait about ${Math.max(1, Math.ceil(retryAfterMs / 1000))} seconds and ask again.`,
  channelNotAllowed: (): string =>
    "I'm not set up to answer in this channel. Ask me in one of the allowed channels or in a direct message.",
  unexpectedFailure: (): string =>
    'Sorry, something went wrong on my side while answering, so I have no answer for you this time. Please try again in a moment.',
  emptyAbstention: (): string => "I couldn't find an answer to that in the articles I have.",
  unknownCommand: (name: string, registry: CommandRegistry): string =>
    `I don't know the command /${name}. ${commandList(registry)}`,
  help: (registry: CommandRegistry): string =>
    `Ask me a question about the news, for example "What did TikTok say about the Huawei chips?", and I'll answer with cited sources. ${commandList(registry)}`,
};

function commandList(registry: CommandRegistry): string {
  const commands = registry.list();
  if (commands.length === 0) return '';
  return `Commands: ${commands.map((command) => `/${command.name} (${command.description})`).join('; ')}.`;
}

/** The message to show for a failure: a `UserFacingError` speaks for itself; anything else is apologised for. */
export function messageForError(error: unknown): string {
  return error instanceof UserFacingError ? error.message : userMessages.unexpectedFailure();
}

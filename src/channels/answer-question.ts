import { type ChannelQuestion, type ChannelReply, errorReply, infoReply } from './channel-event.js';
import type { CommandContext } from './command-registry.js';
import { messageForError, userMessages } from './user-messages.js';

/** What {@link answerQuestion} needs besides the question: the same context commands get. */
export type AnswerQuestionOptions = CommandContext;

/**
 * Answers one question for a channel: empty input gets help, an oversized question a clear refusal, and
 * every failure a plain-words message, so the user never meets silence.
 */
export async function answerQuestion(question: ChannelQuestion, options: AnswerQuestionOptions): Promise<ChannelReply> {
  const text = question.text.trim();
  if (text === '' || /^(help|\?)$/i.test(text)) return infoReply(userMessages.help(options.registry));
  if (text.length > options.maxQuestionChars) return errorReply(userMessages.tooLong(text.length, options.maxQuestionChars));
  try {
    const answer = await options.assistant.ask(text, { history: question.history, ...(question.askedAt ? { askedAt: question.askedAt } : {}) });
    // An abstention with no words would look like silence; say it plainly.
    if (answer.answer.trim() === '') return { kind: 'answer', answer: { ...answer, answer: userMessages.emptyAbstention() } };
    return { kind: 'answer', answer };
  } catch (error) {
    options.logger.error({ err: error, platform: question.platform, channelId: question.channelId }, 'Answering a channel question failed');
    return errorReply(messageForError(error));
  }
}

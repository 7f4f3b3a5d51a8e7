import { answerQuestion } from './answer-question.js';
import type { ChannelCommand } from './command-registry.js';

/** `/ask question:` — the same answer a mention gets, without thread history. */
export const askCommand: ChannelCommand = {
  name: 'ask',
  description: 'Ask a question about the news; the answer cites its sources',
  options: [{ name: 'question', description: 'What you want to know', type: 'string', required: true }],
  handler: async (invocation, context) => {
    const question = invocation.options.question;
    return answerQuestion(
      {
        platform: invocation.platform,
        channelId: invocation.channelId,
        userId: invocation.userId,
        ...(invocation.askedAt ? { askedAt: invocation.askedAt } : {}),
        text: typeof question === 'string' ? question : '',
        history: [],
      },
      context,
    );
  },
};

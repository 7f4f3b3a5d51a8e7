import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import { ChannelHandler } from '../../src/channels/channel-handler.js';
import { createCommandRegistry } from '../../src/channels/create-command-registry.js';
import type { Answer } from '../../src/core/answer.js';
import type { Assistant } from '../../src/core/assistant.js';
import { seedAnswer } from './fake-assistant.js';

/** Lets `hops` rounds of already-queued promise callbacks run first. */
async function afterHops(hops: number): Promise<void> {
  for (let hop = 0; hop < hops; hop += 1) await Promise.resolve();
}

/** Lets `turns` turns of the event loop pass, as an answer waiting on a model or a database does. */
async function afterTurns(turns: number): Promise<void> {
  for (let turn = 0; turn < turns; turn += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** An assistant that records how many answers were being worked on at once. */
class CountingAssistant implements Assistant {
  active = 0;
  mostAtOnce = 0;
  answered = 0;

  async ask(question: string): Promise<Answer> {
    this.active += 1;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.active);
    // Answers take different numbers of turns, so questions arrive at every point of another's completion.
    await afterTurns(Number.parseInt(question.split(' ')[1] ?? '0', 10) % 5);
    this.active -= 1;
    this.answered += 1;
    return seedAnswer(question);
  }
}

describe('answer concurrency', () => {
  it('never works on two answers at once when the limit is 1, whenever the questions arrive', async () => {
    const assistant = new CountingAssistant();
    const handler = new ChannelHandler({
      assistant,
      registry: createCommandRegistry(),
      logger: createLogger('silent'),
      maxQuestionChars: 500,
      rateLimitPerMinute: 1000,
      maxConcurrentAnswers: 1,
    });
    const replies = Array.from({ length: 40 }, async (_, index) => {
      // Arrivals spread over the turns in which earlier answers finish and queued ones start.
      await afterHops(index % 7);
      return handler.handleQuestion({ platform: 'slack', channelId: 'CNEWS', userId: `U${index}`, text: `question ${index}?`, history: [] });
    });
    const answers = await Promise.all(replies);
    expect(answers.every((reply) => reply.kind === 'answer')).toBe(true);
    expect(assistant.answered).toBe(40);
    expect(assistant.mostAtOnce).toBe(1);
  });

  it('works on up to the limit at once, not fewer', async () => {
    const assistant = new CountingAssistant();
    const handler = new ChannelHandler({
      assistant,
      registry: createCommandRegistry(),
      logger: createLogger('silent'),
      maxQuestionChars: 500,
      rateLimitPerMinute: 1000,
      maxConcurrentAnswers: 3,
    });
    await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        handler.handleQuestion({ platform: 'slack', channelId: 'CNEWS', userId: `U${index}`, text: `question ${4 + index * 5}?`, history: [] }),
      ),
    );
    expect(assistant.mostAtOnce).toBe(3);
  });
});

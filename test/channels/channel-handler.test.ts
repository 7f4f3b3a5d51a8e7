import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import type { ChannelQuestion } from '../../src/channels/channel-event.js';
import { ChannelHandler, parseChannelAllowlist } from '../../src/channels/channel-handler.js';
import { createCommandRegistry } from '../../src/channels/create-command-registry.js';
import { UserFacingError } from '../../src/core/errors.js';
import { abstainedAnswer, FakeAssistant, seedAnswer } from './fake-assistant.js';

const logger = createLogger('silent');

function question(text: string, overrides: Partial<ChannelQuestion> = {}): ChannelQuestion {
  return { platform: 'slack', channelId: 'CNEWS', userId: 'U1', text, history: [], ...overrides };
}

function handlerWith(options: { assistant?: FakeAssistant; limit?: number; allowed?: string; now?: () => number } = {}) {
  return new ChannelHandler({
    assistant: options.assistant ?? new FakeAssistant(),
    registry: createCommandRegistry(),
    logger,
    maxQuestionChars: 50,
    rateLimitPerMinute: options.limit ?? 100,
    ...(options.allowed ? { allowedChannels: parseChannelAllowlist(options.allowed) as ReadonlySet<string> } : {}),
    isDirectMessage: (origin) => origin.channelId.startsWith('D'),
    ...(options.now ? { now: options.now } : {}),
  });
}

describe('ChannelHandler', () => {
  it('answers a question with the assistant, passing the thread history along', async () => {
    const assistant = new FakeAssistant();
    const history = [{ role: 'user' as const, text: 'Earlier question' }];
    const reply = await handlerWith({ assistant }).handleQuestion(question('Is ByteDance using Huawei chips?', { history }));
    expect(reply).toEqual({ kind: 'answer', answer: seedAnswer('Is ByteDance using Huawei chips?') });
    expect(assistant.calls[0]?.options).toEqual({ history });
  });

  it('replies with help to an empty question or "help", listing the commands', async () => {
    for (const text of ['', '   ', 'help']) {
      const reply = await handlerWith().handleQuestion(question(text));
      expect(reply).toMatchObject({ kind: 'message', tone: 'info' });
      expect(reply.kind === 'message' && reply.text).toContain('/ask (Ask a question about the news');
    }
  });

  it('refuses a question over the length limit, saying the length and the limit', async () => {
    const assistant = new FakeAssistant();
    const reply = await handlerWith({ assistant }).handleQuestion(question('x'.repeat(51)));
    expect(reply).toEqual({ kind: 'message', tone: 'error', text: 'Your question is 51 characters long; the limit is 50. Please shorten it and ask again.' });
    expect(assistant.calls).toHaveLength(0);
  });

  it('asks a user over the per-minute limit to wait, and lets them ask again once the minute has passed', async () => {
    let now = 1_000_000;
    const handler = handlerWith({ limit: 2, now: () => now });
    expect((await handler.handleQuestion(question('one?'))).kind).toBe('answer');
    now += 10_000;
    expect((await handler.handleQuestion(question('two?'))).kind).toBe('answer');
    now += 5_000;
    const refused = await handler.handleQuestion(question('three?'));
    expect(refused).toEqual({ kind: 'message', tone: 'error', text: "You've asked 2 questions in the last minute, which is my limit per person. Please wait about 45 seconds and ask again." });
    // Another user is not affected.
    expect((await handler.handleQuestion(question('mine?', { userId: 'U2' }))).kind).toBe('answer');
    now += 46_000;
    expect((await handler.handleQuestion(question('three again?'))).kind).toBe('answer');
  });

  it('answers only in allowlisted channels, and always in direct messages', async () => {
    const handler = handlerWith({ allowed: 'CNEWS, CDESK' });
    expect((await handler.handleQuestion(question('q?', { channelId: 'CDESK' }))).kind).toBe('answer');
    expect((await handler.handleQuestion(question('q?', { channelId: 'DUSER' }))).kind).toBe('answer');
    expect(await handler.handleQuestion(question('q?', { channelId: 'CRANDOM' }))).toMatchObject({ kind: 'message', tone: 'error', text: expect.stringContaining("I'm not set up to answer in this channel") });
  });

  it('passes an abstention through, and fills in words if the assistant gave none', async () => {
    const silent = new FakeAssistant((text) => ({ ...abstainedAnswer(text), answer: '' }));
    const reply = await handlerWith({ assistant: silent }).handleQuestion(question('capital of France?'));
    expect(reply.kind === 'answer' && reply.answer.answer).toBe("I couldn't find an answer to that in the articles I have.");
  });

  it("shows a UserFacingError's own message but hides other errors behind an apology", async () => {
    const refusing = new FakeAssistant(() => {
      throw new UserFacingError('store_empty', 'No articles have been ingested yet.');
    });
    expect(await handlerWith({ assistant: refusing }).handleQuestion(question('q?'))).toEqual({ kind: 'message', tone: 'error', text: 'No articles have been ingested yet.' });
    const broken = new FakeAssistant(() => {
      throw new Error('SQLITE_CORRUPT at /secret/path');
    });
    const reply = await handlerWith({ assistant: broken }).handleQuestion(question('q?'));
    expect(reply.kind === 'message' && reply.text).toMatch(/^Sorry, something went wrong on my side/);
  });

  it('runs /ask through the registry and names the commands when one is unknown', async () => {
    const handler = handlerWith();
    const origin = { platform: 'discord' as const, channelId: 'G1', userId: 'U1' };
    expect((await handler.handleCommand('ask', { ...origin, options: { question: 'Is ByteDance using Huawei chips?' } })).kind).toBe('answer');
    const unknown = await handler.handleCommand('weather', { ...origin, options: {} });
    expect(unknown).toMatchObject({ kind: 'message', tone: 'error', text: expect.stringMatching(/^I don't know the command \/weather\. Commands: \/ask/) });
  });

  it('runs "track …" in a mention as the /track command when it is registered, and answers it as a question otherwise', async () => {
    const received: unknown[] = [];
    const registry = createCommandRegistry().register({
      name: 'track',
      description: 'Track a story or topic in this channel',
      options: [{ name: 'target', description: 'story id or topic', type: 'string', required: true }],
      handler: async (invocation) => {
        received.push(invocation.options);
        return { kind: 'message', text: 'Tracking it.', tone: 'info' };
      },
    });
    const handler = new ChannelHandler({ assistant: new FakeAssistant(), registry, logger, maxQuestionChars: 50, rateLimitPerMinute: 100 });
    expect(await handler.handleQuestion(question('track ByteDance Huawei chips'))).toMatchObject({ kind: 'message', text: 'Tracking it.' });
    expect(received).toEqual([{ target: 'ByteDance Huawei chips' }]);
    const plain = await handlerWith().handleQuestion(question('track ByteDance Huawei chips'));
    expect(plain.kind).toBe('answer');
  });

  it('queues answers beyond the concurrency limit instead of running them all at once', async () => {
    let running = 0;
    let peak = 0;
    const slow = new FakeAssistant(async (text) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      return seedAnswer(text);
    });
    const handler = new ChannelHandler({ assistant: slow, registry: createCommandRegistry(), logger, maxQuestionChars: 100, rateLimitPerMinute: 100, maxConcurrentAnswers: 3 });
    const replies = await Promise.all(Array.from({ length: 12 }, (_, index) => handler.handleQuestion(question(`q${index}?`, { userId: `U${index}` }))));
    expect(replies.every((reply) => reply.kind === 'answer')).toBe(true);
    expect(peak).toBe(3);
  });
});

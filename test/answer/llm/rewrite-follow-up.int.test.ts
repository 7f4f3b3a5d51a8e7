import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rewriteFollowUp } from '../../../src/answer/llm/rewrite-follow-up.js';
import type { ConversationTurn } from '../../../src/core/answer.js';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../../fakes/openai-server.js';

const thread: ConversationTurn[] = [
  { role: 'user', text: 'Is ByteDance training an AI model on Huawei chips?' },
  { role: 'assistant', text: 'Sources told Reuters it plans to use the Ascend 910B [1].' },
];

let server: FakeOpenAiServer;
let client: OpenAI;
beforeEach(async () => {
  server = await startFakeOpenAiServer();
  client = new OpenAI({ apiKey: 'test-key', baseURL: server.baseURL, maxRetries: 0 });
});
afterEach(async () => {
  await server.close();
});

describe('rewriteFollowUp', () => {
  it('turns a follow-up into a standalone question with the thread as context', async () => {
    server.script({ content: '"Who denied that ByteDance is training an AI model on Huawei chips?"' });
    const question = await rewriteFollowUp(client, thread, 'Who denied it?', { model: 'fake-model' });

    expect(question).toBe('Who denied that ByteDance is training an AI model on Huawei chips?');
    const sent = JSON.stringify(server.chatRequests()[0]?.body.messages);
    expect(sent).toContain('Ascend 910B');
    expect(sent).toContain('Who denied it?');
  });

  it('returns the question unchanged when the server fails', async () => {
    server.script({ status: 500 });
    expect(await rewriteFollowUp(client, thread, 'Who denied it?', { model: 'fake-model', maxRetries: 0 })).toBe('Who denied it?');
  });

  it('returns the question unchanged when the reply is empty or rambles', async () => {
    server.script({ content: '' }, { content: 'x'.repeat(500) });
    expect(await rewriteFollowUp(client, thread, 'Who denied it?', { model: 'fake-model' })).toBe('Who denied it?');
    expect(await rewriteFollowUp(client, thread, 'Who denied it?', { model: 'fake-model' })).toBe('Who denied it?');
  });

  it('makes no request for the first question of a thread', async () => {
    expect(await rewriteFollowUp(client, [], 'Is ByteDance using Huawei chips?', { model: 'fake-model' })).toBe('Is ByteDance using Huawei chips?');
    expect(server.chatRequests()).toHaveLength(0);
  });
});

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storydesk } from '../../src/app/storydesk.js';
import { type FakeOpenAiServer, type RecordedRequest, startFakeOpenAiServer } from '../fakes/openai-server.js';
import { openTestStorydesk } from '../helpers/open-test-storydesk.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const corpus = join(import.meta.dirname, '../../corpus');

/** The number the prompt gave to the passage holding `text`. */
function passageNumber(request: RecordedRequest, text: string): number {
  const prompt = JSON.stringify(request.body.messages);
  const blocks = prompt.split('<passage ').slice(1);
  const block = blocks.find((candidate) => candidate.includes(text));
  const n = /n=\\?"(\d+)/.exec(block ?? '')?.[1];
  if (!n) throw new Error(`no passage holds ${text}`);
  return Number(n);
}

describe('answers through an OpenAI-compatible server', () => {
  const temp = makeTempDir();
  let server: FakeOpenAiServer;
  let storydesk: Storydesk;

  beforeAll(async () => {
    server = await startFakeOpenAiServer();
    storydesk = await openTestStorydesk(temp.path, { OPENAI_BASE_URL: server.baseURL, OPENAI_MODEL: 'fake-model', OPENAI_MAX_RETRIES: '0', OPENAI_TIMEOUT_MS: '5000' });
    await storydesk.ingest([corpus]);
  });
  afterAll(async () => {
    await storydesk.close();
    await server.close();
    temp.remove();
  });

  it('shows only verified statements with verbatim quotes and keeps the denial as a dispute', async () => {
    server.script((request) => {
      const claim = passageNumber(request, 'Ascend 910B chip to train');
      const doubt = passageNumber(request, 'could not verify the use of Huawei chips');
      return {
        content: JSON.stringify({
          abstain: false,
          statements: [
            { text: 'Sources told Reuters that ByteDance aims to use Huawei’s Ascend 910B chip to train a large-language AI model.', passages: [claim], status: 'disputed' },
            { text: 'Another source could not verify that ByteDance will use Huawei chips.', passages: [doubt], status: 'supported' },
            { text: 'ByteDance launched the model in March 2025 with 40,000 Nvidia chips.', passages: [claim], status: 'supported' },
            { text: 'Read the full story at http://evil.example now.', passages: [99], status: 'supported' },
          ],
          disputes: [],
        }),
      };
    });
    const answer = await storydesk.ask('Is ByteDance training an AI model on Huawei chips?');
    expect(answer.generator).toBe('llm:fake-model');
    expect(answer.statements.map((statement) => statement.text)).toEqual([
      'Sources told Reuters that ByteDance aims to use Huawei’s Ascend 910B chip to train a large-language AI model.',
      'Another source could not verify that ByteDance will use Huawei chips.',
    ]);
    expect(answer.answer).not.toContain('evil.example');
    expect(answer.statements[0]?.status).toBe('disputed');
    expect(answer.disputes.some((dispute) => dispute.kind === 'denied' && dispute.counter.includes('The entire premise here is wrong'))).toBe(true);
    for (const citation of answer.citations) {
      const body = (await storydesk.store.getArticle(citation.articleId))?.body ?? '';
      expect(body.slice(citation.start, citation.end)).toBe(citation.quote);
    }
  });

  it('falls back to the extractive answer, and says so, when the server fails', async () => {
    server.script({ status: 500, raw: '{"error":{"message":"boom"}}' });
    const answer = await storydesk.ask('Is ByteDance training an AI model on Huawei chips?');
    expect(answer.generator).toBe('extractive');
    expect(answer.notice).toMatch(/extractive/i);
    expect(answer.statements.some((statement) => statement.text.includes('Ascend 910B'))).toBe(true);
  });
});

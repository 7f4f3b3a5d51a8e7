import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveGenerator } from '../../../src/answer/extractive-generator.js';
import { type LlmAnswerReport, LlmGenerator } from '../../../src/answer/llm/llm-generator.js';
import { createLogger } from '../../../src/app/logger.js';
import { openStorydesk } from '../../../src/app/open-storydesk.js';
import type { Storydesk } from '../../../src/app/storydesk.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { type FakeOpenAiServer, type RecordedRequest, startFakeOpenAiServer } from '../../fakes/openai-server.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const corpus = join(import.meta.dirname, '../../../corpus');

/** Numbers of the prompt's passages whose text matches, as a model reading the prompt would cite them. */
function passagesMatching(request: RecordedRequest, pattern: RegExp): number[] {
  const messages = (request.body.messages ?? []) as Array<{ content: string }>;
  const prompt = String(messages.at(-1)?.content ?? '');
  return [...prompt.matchAll(/<passage n="(\d+)"[^>]*>\n([\s\S]*?)\n<\/passage>/g)].filter((match) => pattern.test(match[2] ?? '')).map((match) => Number(match[1]));
}

/** A scripted "model" that answers from the passages it was actually given. */
function seedModel(request: RecordedRequest): { content: string } {
  const claim = passagesMatching(request, /Ascend 910B chip to train/);
  const denial = passagesMatching(request, /entire premise here is wrong/);
  return {
    content: JSON.stringify({
      abstain: false,
      statements: [
        { text: 'Sources told Reuters that ByteDance aims to use Huawei’s Ascend 910B chip to train a large-language AI model.', passages: claim, status: 'disputed' },
        { text: 'A TikTok spokesperson, Michael Hughes, said the premise was wrong and that no new model is being developed.', passages: denial, status: 'supported' },
      ],
      disputes: [{ claim_passages: claim, counter_passages: denial, kind: 'denied', claim: 'ByteDance will train an AI model on Huawei chips.', counter: 'The entire premise here is wrong. No new model is being developed.' }],
    }),
  };
}

describe('a storydesk answering through a language model', () => {
  const temp = makeTempDir();
  const reports: LlmAnswerReport[] = [];
  let server: FakeOpenAiServer;
  let storydesk: Storydesk;

  beforeAll(async () => {
    server = await startFakeOpenAiServer();
    const client = new OpenAI({ apiKey: 'test-key', baseURL: server.baseURL, maxRetries: 0 });
    const generator = new LlmGenerator({ client, model: 'fake-model', fallback: new ExtractiveGenerator(), onReport: (report) => reports.push(report) });
    storydesk = await openStorydesk({ dataDir: temp.path, env: loadConfig({}), logger: createLogger('silent'), generator });
    await storydesk.ingest([corpus]);
  });
  afterAll(async () => {
    await storydesk.close();
    temp.remove();
    await server.close();
  });

  it('shows the model’s verified statements about the seed article, the denial marked, quotes verbatim from the store', async () => {
    server.script(seedModel);
    const answer = await storydesk.ask('Is ByteDance training an AI model on Huawei chips?');

    expect(reports.at(-1)?.outcome).toBe('answered');
    expect(answer.generator).toBe('llm:fake-model');
    expect(answer.statements).toHaveLength(2);
    expect(answer.statements[0]?.status).toBe('disputed');
    expect(answer.disputes.some((dispute) => dispute.kind === 'denied' && dispute.claim === answer.statements[0]?.text)).toBe(true);
    for (const citation of answer.citations) {
      const body = (await storydesk.store.getArticle(citation.articleId))?.body ?? '';
      expect(body.slice(citation.start, citation.end)).toBe(citation.quote);
    }
    // The page furniture that ingest strips never reaches the model.
    expect(JSON.stringify(server.chatRequests().at(-1)?.body.messages)).not.toMatch(/Join Now|Read Next/);
  });
});

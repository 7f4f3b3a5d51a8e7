import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ABSTAIN_MESSAGES } from '../../src/answer/abstention.js';
import type { Storydesk } from '../../src/app/storydesk.js';
import { runTerminalChat } from '../../src/channels/terminal/terminal-chat.js';
import type { Answer } from '../../src/core/answer.js';
import { openTestStorydesk } from '../helpers/open-test-storydesk.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const corpus = join(import.meta.dirname, '../../corpus');
const DENIAL = 'The entire premise here is wrong. No new model is being developed.';
const ASCEND = 'ByteDance aims to use Huawei’s Ascend 910B chip to train a large-language AI model';

/** The quote of the citation numbered n. */
function quoteOf(answer: Answer, n: number | undefined): string {
  return answer.citations.find((citation) => citation.n === n)?.quote ?? '';
}

describe('questions about the seed article and its dispute', () => {
  const temp = makeTempDir();
  let storydesk: Storydesk;

  beforeAll(async () => {
    storydesk = await openTestStorydesk(temp.path);
    await storydesk.ingest([corpus]);
  });
  afterAll(() => {
    storydesk.close();
    temp.remove();
  });

  it('answers "who denied…" with the TikTok spokesperson, the denial cited on the first line', async () => {
    const answer = await storydesk.ask('Who denied that ByteDance uses Huawei chips?');
    expect(answer.abstained).toBe(false);
    expect(answer.lead?.text).toMatch(/^Denied by Michael Hughes, a TikTok spokesperson/);
    expect(answer.lead?.citations.map((n) => quoteOf(answer, n))).toContainEqual(expect.stringContaining(DENIAL));
    expect(answer.answer.split('\n')[0]).toMatch(/^Answer: Denied by Michael Hughes.*\[\d+\]/);
    // The denied claim is the report the question is about: ByteDance and Huawei chips.
    const denial = answer.disputes.find((dispute) => dispute.kind === 'denied');
    expect(denial?.claim).toMatch(/ByteDance.*Huawei/);
  });

  it('answers a question with a channel mention as it answers the question alone, citing the Ascend 910B passage', async () => {
    for (const question of ['Is ByteDance training an AI model on Huawei chips? @everyone', '<!here> Is ByteDance training an AI model on Huawei chips? <@U024BE7LH>']) {
      const answer = await storydesk.ask(question);
      expect(answer.abstained).toBe(false);
      expect(answer.citations.some((citation) => citation.quote.includes(ASCEND))).toBe(true);
      expect(answer.disputes.some((dispute) => dispute.kind === 'denied' && dispute.counter.includes(DENIAL))).toBe(true);
    }
  });

  it('answers the terminal follow-up "who denied it?" with the denial, from the conversation', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => {
      printed += chunk.toString('utf8');
    });
    const chat = runTerminalChat({ assistant: storydesk, input, output, interactive: false });
    input.end('Is ByteDance training an AI model on Huawei chips?\nwho denied it?\n');
    await chat;
    const replies = printed.split(/\n\n(?=\S)/).filter((part) => !part.startsWith('Sources') && !part.startsWith('['));
    const followUp = printed.slice(printed.lastIndexOf('Answer: '));
    expect(replies.length).toBeGreaterThan(1);
    expect(followUp).toMatch(/^Answer: Denied by Michael Hughes, a TikTok spokesperson.*\[\d+\]/);
    expect(followUp).toContain(DENIAL);
    expect(printed).not.toContain(ABSTAIN_MESSAGES.weakEvidence);
  });

  it('asks which story a dispute question is about when it names none and no conversation came before', async () => {
    for (const question of ['Who denied that?', 'Is it true?']) {
      const answer = await storydesk.ask(question);
      expect(answer.abstained, question).toBe(true);
      expect(answer.answer).toBe(ABSTAIN_MESSAGES.emptyQuestion);
    }
  });

  it('declines "What is the capital of China?" at the context gate: the article never covers "capital"', async () => {
    const answer = await storydesk.ask('What is the capital of China?');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toBe(ABSTAIN_MESSAGES.weakEvidence);
    expect(answer.citations).toEqual([]);
  });
});

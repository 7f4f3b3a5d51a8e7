import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storydesk } from '../../src/app/storydesk.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { openTestStorydesk } from '../helpers/open-test-storydesk.js';

const corpus = join(import.meta.dirname, '../../corpus');
const FURNITURE = /Join Now|See Also|Read Next|Photo by|Loading\.\.\.|Posted In|Benzinga simplifies|generated using/;

describe('answers about the seed article', () => {
  const temp = makeTempDir();
  let storydesk: Storydesk;

  beforeAll(async () => {
    storydesk = await openTestStorydesk(temp.path);
    await storydesk.ingest([corpus]);
  });
  afterAll(async () => {
    await storydesk.close();
    temp.remove();
  });

  it('cites the Ascend 910B claim and marks it disputed by the spokesperson and the unverifying source', async () => {
    const answer = await storydesk.ask('Is ByteDance training an AI model on Huawei chips?');
    expect(answer.abstained).toBe(false);
    const claim = answer.statements.find((statement) => statement.text.includes('Ascend 910B chip to train'));
    expect(claim).toBeDefined();
    expect(claim?.status).toBe('disputed');

    const denial = answer.disputes.find((dispute) => dispute.kind === 'denied' && dispute.claim === claim?.text);
    expect(denial?.counter).toContain('The entire premise here is wrong. No new model is being developed.');
    const denialCitation = answer.citations.find((citation) => citation.n === denial?.counterCitations[0]);
    expect(denialCitation?.quote).toContain('The entire premise here is wrong.');

    const unverified = answer.disputes.find((dispute) => dispute.kind === 'unverified');
    expect(unverified?.counter).toContain('could not verify the use of Huawei chips');
  });

  it('cites title, outlet, date and link, quotes verbatim, and never quotes page furniture', async () => {
    const answer = await storydesk.ask('Is ByteDance training an AI model on Huawei chips?');
    for (const citation of answer.citations) {
      expect(citation.source).toBe('Benzinga');
      expect(citation.title).toContain('ByteDance');
      expect(citation.published).toMatch(/^2024-09-30/);
      expect(citation.url).toMatch(/^https:\/\/www\.benzinga\.com\//);
      const body = (await storydesk.store.getArticle(citation.articleId))?.body ?? '';
      expect(body.slice(citation.start, citation.end)).toBe(citation.quote);
      expect(citation.quote).not.toMatch(FURNITURE);
    }
  });

  it('abstains on a question the articles do not answer', async () => {
    const answer = await storydesk.ask('What is the capital of France?');
    expect(answer.abstained).toBe(true);
    expect(answer.citations).toEqual([]);
  });

  it('refuses an oversized question with a clear message', async () => {
    await expect(storydesk.ask('why '.repeat(2000))).rejects.toThrow(/limit is 1000/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storydesk } from '../../src/app/storydesk.js';
import { openFictionalStorydesk, ROWING_CUP_REPORT } from '../helpers/fictional-articles.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('a question about the news of the moment is not answered with an older story', () => {
  const temp = makeTempDir();
  let storydesk: Storydesk;

  beforeAll(async () => {
    storydesk = await openFictionalStorydesk(temp.path, { 'rowing.md': ROWING_CUP_REPORT });
  });
  afterAll(() => {
    storydesk.close();
    temp.remove();
  });

  it('answers "this week" from an article of that week', async () => {
    const answer = await storydesk.ask('Which team won the Harbour Rowing Cup this week?', { askedAt: new Date('2031-05-06T10:00:00Z') });
    expect(answer.abstained).toBe(false);
    expect(answer.lead?.text).toBe('Quillon Otters');
  });

  it('declines "this week" months later, saying how old the newest article is', async () => {
    const answer = await storydesk.ask('Which team won the Harbour Rowing Cup this week?', { askedAt: new Date('2031-09-20T10:00:00Z') });
    expect(answer.abstained).toBe(true);
    expect(answer.citations).toEqual([]);
    expect(answer.answer).toContain('older articles');
    expect(answer.answer).toContain('2031-05-03');
  });

  it('still answers the same question without "this week" months later', async () => {
    const answer = await storydesk.ask('Which team won the Harbour Rowing Cup?', { askedAt: new Date('2031-09-20T10:00:00Z') });
    expect(answer.abstained).toBe(false);
    expect(answer.lead?.text).toBe('Quillon Otters');
  });
});

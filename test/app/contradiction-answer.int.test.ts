import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storydesk } from '../../src/app/storydesk.js';
import { articleMarkdown as article } from '../helpers/fictional-articles.js';
import { openTestStorydesk } from '../helpers/open-test-storydesk.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('answers across outlets', () => {
  const temp = makeTempDir();
  const corpus = join(temp.path, 'corpus');
  let storydesk: Storydesk;

  beforeAll(async () => {
    mkdirSync(corpus);
    writeFileSync(
      join(corpus, 'gazette.md'),
      article(
        'Quillon to close its central library',
        'The Fictional Gazette',
        '2031-05-02',
        'The fictional city of Quillon will close its central library next year to save money, the city council said on Monday.\n\nThe library has served residents of the old quarter for eighty years.',
      ),
    );
    writeFileSync(
      join(corpus, 'courier.md'),
      article(
        'Quillon library will stay open, council says',
        'Valley Courier',
        '2031-05-04',
        'The fictional city of Quillon will not close its central library next year, the city council said on Wednesday, calling earlier reports of a closure false.\n\nLibrarians welcomed the decision.',
      ),
    );
    storydesk = await openTestStorydesk(join(temp.path, 'data'));
    await storydesk.ingest([corpus]);
  });
  afterAll(async () => {
    await storydesk.close();
    temp.remove();
  });

  it('marks a claim disputed when another outlet reports the opposite, citing both', async () => {
    const answer = await storydesk.ask('Will Quillon close its central library?');
    expect(answer.abstained).toBe(false);
    const dispute = answer.disputes.find((item) => item.claim.includes('will close its central library'));
    expect(dispute?.kind).toMatch(/contradicted|denied/);
    expect(dispute?.counter).toContain('will not close its central library');
    const sources = new Set(answer.citations.map((citation) => citation.source));
    expect(sources).toEqual(new Set(['The Fictional Gazette', 'Valley Courier']));
  });

  it('shows the same contradiction in the story, both sides cited', async () => {
    const story = await storydesk.stories?.get('Quillon central library');
    expect(story?.articleIds).toHaveLength(2);
    const dispute = story?.disputes.find((item) => item.kind === 'contradicted');
    expect(dispute?.claimCitation.source).toBe('The Fictional Gazette');
    expect(dispute?.counterCitation.source).toBe('Valley Courier');
    expect(dispute?.counter).toContain('will not close its central library');
  });
});

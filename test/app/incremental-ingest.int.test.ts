import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storydesk } from '../../src/app/storydesk.js';
import { fictionalArticle } from '../helpers/fictional-articles.js';
import { openTestStorydesk } from '../helpers/open-test-storydesk.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('incremental ingest', () => {
  const temp = makeTempDir();
  const corpus = join(temp.path, 'corpus');
  const other = join(temp.path, 'other');
  let storydesk: Storydesk;

  beforeAll(async () => {
    mkdirSync(corpus);
    mkdirSync(other);
    for (let index = 0; index < 3; index += 1) writeFileSync(join(corpus, `article-${index}.md`), fictionalArticle(index));
    writeFileSync(join(other, 'elsewhere.md'), fictionalArticle(9, { title: 'Velmont opens a glass museum' }));
    storydesk = await openTestStorydesk(join(temp.path, 'data'));
  });
  afterAll(async () => {
    await storydesk.close();
    temp.remove();
  });

  it('adds everything on the first run', async () => {
    const report = await storydesk.ingest([corpus, other]);
    expect(report).toMatchObject({ added: 4, updated: 0, unchanged: 0, removed: 0 });
    expect(report.embedded).toBeGreaterThan(0);
  });

  it('skips unchanged files without embedding anything', async () => {
    const report = await storydesk.ingest([corpus]);
    expect(report).toMatchObject({ added: 0, updated: 0, unchanged: 3, removed: 0, embedded: 0 });
  });

  it('reflects an edit, an addition and a deletion, and keeps articles from other folders', async () => {
    writeFileSync(
      join(corpus, 'article-0.md'),
      fictionalArticle(0, { body: 'The fictional council of Marlow Bay cancelled the tram line after a budget review on Friday.' }),
    );
    writeFileSync(join(corpus, 'article-new.md'), fictionalArticle(4, { title: 'Port Ellery names its first harbour pilot' }));
    rmSync(join(corpus, 'article-2.md'));

    const report = await storydesk.ingest([corpus]);
    expect(report).toMatchObject({ added: 1, updated: 1, unchanged: 1, removed: 1 });
    expect(await storydesk.store.getArticle('article-2')).toBeNull();
    expect(await storydesk.store.getArticle('elsewhere')).not.toBeNull();

    const answer = await storydesk.ask('Why did Marlow Bay cancel the tram line?');
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]?.quote).toContain('cancelled the tram line');
    const hits = await storydesk.search('harbour pilot Port Ellery');
    expect(hits[0]?.article.id).toBe('article-new');
  });
});

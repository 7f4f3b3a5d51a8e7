import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../src/ingest/parse-file.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const fixtures = join(import.meta.dirname, '../fixtures/ingest');
const seedPath = join(import.meta.dirname, '../../corpus/bytedance-huawei-chips-benzinga.md');

describe('parseMarkdown (through parseFile)', () => {
  const temp = makeTempDir('storydesk-markdown-');
  afterAll(() => temp.remove());
  const parseText = (name: string, text: string) => {
    const path = join(temp.path, name);
    writeFileSync(path, text);
    return parseFile(path);
  };

  it('reads front matter fields and strips Markdown syntax, the repeated heading and furniture', async () => {
    const path = join(fixtures, 'front-matter-story.md');
    const { articles, skipped } = await parseFile(path);
    expect(skipped).toEqual([]);
    expect(articles[0]).toMatchObject({
      id: 'front-matter-story',
      title: 'Fictional Orchard Festival Draws Record Crowd',
      titleDerived: false,
      source: 'Valley Gazette (fictional)',
      url: 'https://gazette.example/orchard-festival',
      published: '2031-09-14',
      author: 'Robin Sample',
      origin: path,
      originFile: path,
    });
    expect(articles[0]?.body).toBe(
      'The fictional orchard festival in Greenvale drew about 12,000 visitors on Saturday, organisers said.\n\nMayor Alex Example opened the event at 10 a.m. and thanked volunteers. See the festival map for stalls.',
    );
  });

  it('parses the seed article with its metadata, without its title line or furniture', async () => {
    const { articles } = await parseFile(seedPath);
    const article = articles[0];
    expect(article).toMatchObject({
      id: 'bytedance-huawei-chips-benzinga',
      title: 'TikTok Parent ByteDance To Reportedly Use Huawei Chips To Train AI Model',
      source: 'Benzinga',
      published: '2024-09-30',
      author: 'Benzinga Neuro',
    });
    expect(article?.body.startsWith('ByteDance, the parent company of TikTok')).toBe(true);
    expect(article?.body).not.toMatch(/Join Now|See Also|Read Next|Photo by|Loading\.\.\.|Posted In|Benzinga simplifies|generated using/);
    expect(article?.body).toContain('“The entire premise here is wrong. No new model is being developed.”');
  });

  it('skips a file with malformed front matter, naming the problem', async () => {
    const { articles, skipped } = await parseText('broken.md', '---\ntitle: "Unclosed quote\nsource: [a, b\n---\nBody text here.');
    expect(articles).toEqual([]);
    expect(skipped[0]?.reason).toMatch(/^malformed YAML front matter: /);
  });

  it('uses a leading "# heading" as the title when front matter has none, and keeps date-times as ISO', async () => {
    const { articles } = await parseText('heading.md', '---\npublished: 2031-03-01T14:30:00Z\n---\n# Fictional Heading Title\n\nThe fictional body sentence.');
    expect(articles[0]?.title).toBe('Fictional Heading Title');
    expect(articles[0]?.titleDerived).toBe(false);
    expect(articles[0]?.body).toBe('The fictional body sentence.');
    expect(articles[0]?.published).toBe('2031-03-01T14:30:00.000Z');
  });

  it('reads a Markdown file without front matter and derives the title from the first sentence', async () => {
    const { articles } = await parseText('bare.markdown', 'The fictional tram line opens in May. Tickets cost two euros.');
    expect(articles[0]).toMatchObject({ title: 'The fictional tram line opens in May.', titleDerived: true, published: null, source: null });
  });
});

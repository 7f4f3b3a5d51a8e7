import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../src/ingest/parse-file.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('Markdown article bodies as the text citations quote', () => {
  const temp = makeTempDir('storydesk-markdown-text-');
  afterAll(() => temp.remove());

  async function bodyOf(markdown: string): Promise<string> {
    const path = join(temp.path, 'story.md');
    writeFileSync(path, `---\ntitle: Fictional council vote\nsource: Example Post\n---\n${markdown}`);
    const { articles, skipped } = await parseFile(path);
    expect(skipped).toEqual([]);
    return articles[0]?.body ?? '';
  }

  it('keeps the words of emphasis, code spans and reference links, without their marks', async () => {
    const body = await bodyOf(
      'The council *narrowly* approved the __budget__ on `Tuesday`, said [the mayor][mayor] and [a clerk][].\n\n[mayor]: https://example.org/mayor "Mayor"\n[a clerk]: https://example.org/clerk\n',
    );
    expect(body).toBe('The council narrowly approved the budget on Tuesday, said the mayor and a clerk.');
  });

  it('reads setext and ATX headings as plain lines and drops rules, images and comments', async () => {
    const body = await bodyOf('Background\n----------\n\nThe plan began in 2029.\n\n![map](map.png)\n\n***\n\n<!-- editor: check -->\n## What comes next ##\n\nA second vote follows.\n');
    expect(body).toBe('Background\n\nThe plan began in 2029.\n\nWhat comes next\n\nA second vote follows.');
  });

  it('turns a table into one plain line per row, and list items and quotes into lines', async () => {
    const body = await bodyOf('| Ward | Votes |\n|:-----|------:|\n| North | 1,204 |\n| *South* | 987 |\n\n- first **point**\n- second point\n\n> "We will appeal," she said.\n');
    expect(body).toBe('Ward; Votes\nNorth; 1,204\nSouth; 987\n\nfirst point\nsecond point\n\n"We will appeal," she said.');
  });
});

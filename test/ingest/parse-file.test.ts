import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../src/ingest/parse-file.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const fixtures = join(import.meta.dirname, '../fixtures/ingest');

describe('parseFile', () => {
  const temp = makeTempDir('storydesk-parse-');
  afterAll(() => temp.remove());

  /** Writes bytes to a temporary file and parses it. */
  const parseBytes = (name: string, bytes: Uint8Array | string) => {
    const path = join(temp.path, name);
    writeFileSync(path, bytes);
    return parseFile(path);
  };

  it('reads a text file: first line is the title, a repeated title line is dropped, id is the file-name slug', async () => {
    const path = join(fixtures, 'plain-note.txt');
    const { articles, skipped } = await parseFile(path);
    expect(skipped).toEqual([]);
    expect(articles).toEqual([
      {
        id: 'plain-note',
        title: 'Fictional Ferry Timetable Changes From Monday',
        titleDerived: false,
        body: 'The fictional Northport ferry will run every 30 minutes from Monday, the operator said.\nEvening sailings after 9 p.m. are cancelled until further notice.',
        source: null,
        url: null,
        published: null,
        author: null,
        origin: path,
        originFile: path,
      },
    ]);
  });

  it('turns a file name into a lower-case slug id', async () => {
    const { articles } = await parseBytes('Crème Brûlée Report (Final) 2031.txt', 'Title line\nThe fictional bakery sold out by noon.');
    expect(articles[0]?.id).toBe('creme-brulee-report-final-2031');
  });

  it('derives a title from a one-line text file and marks it derived', async () => {
    const { articles } = await parseBytes('one-line.txt', 'The fictional river rose by two metres overnight and flooded the lower town, forcing hundreds of residents to leave their homes.');
    expect(articles[0]?.titleDerived).toBe(true);
    expect(articles[0]?.title).toBe('The fictional river rose by two metres overnight and flooded the lower town, forcing…');
    expect(articles[0]?.body).toContain('forcing hundreds of residents');
  });

  it('skips binary content, invalid UTF-8, empty and whitespace-only files with clear reasons', async () => {
    const binary = await parseBytes('image.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
    expect(binary.articles).toEqual([]);
    expect(binary.skipped[0]?.reason).toMatch(/binary/);

    const latin1 = await parseBytes('latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x73]));
    expect(latin1.skipped[0]?.reason).toMatch(/not valid UTF-8/);

    expect((await parseBytes('empty.txt', '')).skipped[0]?.reason).toMatch(/empty/);
    expect((await parseBytes('blank.md', ' \n\t\n ')).skipped[0]?.reason).toMatch(/only whitespace/);
  });

  it('skips a file whose body is only page furniture', async () => {
    const result = await parseBytes('furniture.txt', 'A title\n\nAdvertisement\nShare this article\nComments');
    expect(result.articles).toEqual([]);
    expect(result.skipped[0]).toEqual({ path: join(temp.path, 'furniture.txt'), reason: expect.stringMatching(/no article text/) });
  });

  it('skips an unknown extension and a file that disappeared instead of throwing', async () => {
    expect((await parseFile(join(fixtures, 'notes.csv'))).skipped[0]?.reason).toMatch(/unsupported file type.*\.md/);
    expect((await parseFile(join(temp.path, 'gone.md'))).skipped[0]?.reason).toMatch(/no longer exists/);
  });

  it('accepts a UTF-8 byte-order mark and Windows line ends', async () => {
    const { articles } = await parseBytes('windows.txt', '\uFEFFFictional Title\r\nThe fictional mill reopened.\r\nWorkers returned.\r\n');
    expect(articles[0]?.title).toBe('Fictional Title');
    expect(articles[0]?.body).toBe('The fictional mill reopened.\nWorkers returned.');
  });

  it('dispatches by extension, whatever the case', async () => {
    const { articles } = await parseBytes('UPPER.MD', '---\ntitle: Upper Case Extension\n---\nThe fictional text is here.');
    expect(articles[0]?.title).toBe('Upper Case Extension');
  });
});

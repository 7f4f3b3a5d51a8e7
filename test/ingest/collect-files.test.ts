import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFiles } from '../../src/ingest/collect-files.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('collectFiles', () => {
  const temp = makeTempDir('storydesk-collect-');
  const root = join(temp.path, 'corpus');
  const at = (...parts: string[]) => join(root, ...parts);

  beforeAll(() => {
    for (const folder of ['b-folder/nested', 'a-folder', '.git', 'node_modules/pkg', '.hidden-folder']) mkdirSync(at(folder), { recursive: true });
    for (const file of ['z.md', 'a.txt', 'a-folder/page.HTML', 'b-folder/nested/records.jsonl', 'b-folder/data.json', 'b-folder/feed.ndjson', '.hidden.md', '.git/config.md', 'node_modules/pkg/readme.md', '.hidden-folder/story.md', 'notes.csv', 'README']) {
      writeFileSync(at(file), 'The fictional text.');
    }
    // A loop: following it would walk forever.
    symlinkSync(root, at('b-folder/loop'));
    symlinkSync(at('missing-target.md'), at('dangling.md'));
  });
  afterAll(() => temp.remove());

  it('walks folders recursively in sorted order, absolute paths out, ignoring hidden files, node_modules and symlink loops', async () => {
    const { files } = await collectFiles([root]);
    expect(files).toEqual([
      at('a-folder/page.HTML'),
      at('a.txt'),
      at('b-folder/data.json'),
      at('b-folder/feed.ndjson'),
      at('b-folder/nested/records.jsonl'),
      at('z.md'),
    ]);
  });

  it('skips unknown extensions with the accepted list, and dangling links', async () => {
    const { skipped } = await collectFiles([root]);
    expect(skipped).toContainEqual({ path: at('notes.csv'), reason: expect.stringMatching(/unsupported extension "\.csv" \(accepted: \.md, .*\.jsonl/) });
    expect(skipped).toContainEqual({ path: at('README'), reason: expect.stringMatching(/no file extension \(accepted: /) });
    expect(skipped).toContainEqual({ path: at('dangling.md'), reason: 'broken symbolic link' });
    expect(skipped.some((item) => item.path.includes('node_modules') || item.path.includes('.git'))).toBe(false);
  });

  it('skips missing paths and takes a relative or explicitly named hidden file', async () => {
    const { files, skipped } = await collectFiles([at('does-not-exist'), at('.hidden.md')]);
    expect(files).toEqual([at('.hidden.md')]);
    expect(skipped).toEqual([{ path: at('does-not-exist'), reason: 'no such file or folder' }]);
    const relative = await collectFiles([join('test', 'fixtures', 'ingest', 'plain-note.txt')]);
    expect(relative.files).toEqual([join(process.cwd(), 'test/fixtures/ingest/plain-note.txt')]);
  });

  it('lists a file once even when it is given twice or reached through a folder too', async () => {
    const { files } = await collectFiles([at('z.md'), root, at('z.md')]);
    expect(files.filter((file) => file === at('z.md'))).toHaveLength(1);
  });

  it('skips files over the size limit, giving the size (20 MB against the 10 MiB default)', async () => {
    const big = join(temp.path, 'big.txt');
    writeFileSync(big, Buffer.alloc(20 * 1000 * 1000, 'a'));
    const { files, skipped } = await collectFiles([big]);
    expect(files).toEqual([]);
    expect(skipped).toEqual([{ path: big, reason: 'file too large: 19.1 MiB (the limit is 10.0 MiB)' }]);
    const small = await collectFiles([at('a.txt')], { maxFileBytes: 5 });
    expect(small.skipped[0]?.reason).toBe('file too large: 19 bytes (the limit is 5 bytes)');
  });
});

describe('collectFiles with record files', () => {
  it('lets a JSONL corpus be larger than one article file may be', async () => {
    const temp = makeTempDir('collect-records-');
    const folder = temp.path;
    try {
      writeFileSync(join(folder, 'corpus.jsonl'), 'x'.repeat(64));
      writeFileSync(join(folder, 'article.txt'), 'x'.repeat(64));
      const { files, skipped } = await collectFiles([folder], { maxFileBytes: 32 });
      expect(files.map((file) => file.split('/').pop())).toEqual(['corpus.jsonl']);
      expect(skipped.map((item) => item.path.split('/').pop())).toEqual(['article.txt']);
    } finally {
      temp.remove();
    }
  });
});
